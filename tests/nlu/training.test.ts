import { describe, expect, it } from 'vitest';
import { parseWith } from '../../flows/nlu';
import { modelTraining, trainModel } from '../../flows/nlu/model-training';
import { inSlices } from '../../flows/nlu/training';
import { allButATwentieth } from './twentieth';

/** A training of `steps` pauses that notes each step it made, and returns how many. */
function* counting(steps: number, made: string[]): Generator<void, number> {
  for (let i = 0; i < steps; i++) {
    made.push(`step ${i}`);
    yield;
  }
  return steps;
}

describe('training in slices', () => {
  it('lets other work run between its slices, and resolves with what it trained', async () => {
    const made: string[] = [];
    const job = inSlices(counting(5, made), 0);
    setImmediate(() => made.push('other work'));
    expect(await job.result).toBe(5);
    expect(made.indexOf('other work')).toBeGreaterThan(0);
    expect(made.indexOf('other work')).toBeLessThan(made.length - 1);
  });

  it('is finished at once by whoever cannot wait, and resolves with the same result', async () => {
    const made: string[] = [];
    const job = inSlices(counting(1000, made));
    expect(job.finishNow()).toBe(1000);
    expect(made).toHaveLength(1000);
    expect(await job.result).toBe(1000);
    expect(job.finishNow()).toBe(1000);
  });

  it('passes a failure to whoever waits for it', async () => {
    const failing = (function* (): Generator<void, number> {
      yield;
      throw new Error('a phrase file is broken');
    })();
    const job = inSlices(failing, 0);
    await expect(job.result).rejects.toThrow('a phrase file is broken');
    expect(() => job.finishNow()).toThrow('a phrase file is broken');
  });

  // On a twentieth of the phrases: the whole model takes some 20 s to train (63 000 labelled messages), and twice that
  // beside the other suites; slicing changes nothing whatever the size.
  it('gives the model a training at once gives', { timeout: 60_000 }, async () => {
    const leftOut = allButATwentieth();
    const sliced = await inSlices(modelTraining(leftOut), 2).result;
    const atOnce = trainModel(leftOut);
    for (const text of ['дубликат аттестата', 'позовите человека', 'сколько стоит?', 'úıge kelińizshi', 'рахмет']) {
      expect(parseWith(sliced, text, 'ru')).toEqual(parseWith(atOnce, text, 'ru'));
    }
  });
});
