/**
 * Training the model takes half a second to a second of one core. Done in one go right after the
 * server starts listening, it would hold up every request of that moment (a health check, a
 * citizen's first message); so the training is a generator that pauses every so many examples,
 * and runs in slices between the server's other work. Whoever needs the model before it is done
 * finishes the rest at once.
 */

/** Examples (or words) learned between two pauses: well under a millisecond of work. */
export const EXAMPLES_PER_PAUSE = 50;

/** Whether a training pauses after the `step`-th item (counted from 0) of a loop. */
export function pausesAfter(step: number): boolean {
  return step % EXAMPLES_PER_PAUSE === EXAMPLES_PER_PAUSE - 1;
}

/** A training that pauses (yields) now and then, and returns what it trained. */
export type Training<T> = Generator<void, T>;

/** Runs a training to its end without pausing. */
export function finish<T>(training: Training<T>): T {
  for (;;) {
    const step = training.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a training in slices of about `sliceMs`, each after the event loop's waiting I/O. Resolves
 * with its result; `finishNow` ends it at once, for a caller that cannot wait.
 *
 * @example
 * const job = inSlices(modelTraining());
 * const model = await job.result; // or job.finishNow() when a message needs it now
 */
export function inSlices<T>(training: Training<T>, sliceMs = 8): { result: Promise<T>; finishNow(): T } {
  let outcome: { value: T } | { error: unknown } | undefined;
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const result = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const run = (until: number): T | undefined => {
    try {
      for (;;) {
        const step = training.next();
        if (step.done) {
          outcome = { value: step.value };
          resolve(step.value);
          return step.value;
        }
        if (performance.now() >= until) return undefined;
      }
    } catch (error) {
      outcome = { error };
      reject(error);
      throw error;
    }
  };
  const slice = () => {
    if (outcome) return;
    try {
      if (run(performance.now() + sliceMs) === undefined) setImmediate(slice);
    } catch {
      // Told through `result`.
    }
  };
  setImmediate(slice);
  return {
    result,
    finishNow: () => {
      if (outcome && 'error' in outcome) throw outcome.error;
      return outcome ? outcome.value : (run(Number.POSITIVE_INFINITY) as T);
    },
  };
}
