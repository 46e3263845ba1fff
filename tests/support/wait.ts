/**
 * Waiting for something a server sends: `until` resolves with what `look` finds once it finds
 * something, checking again on every `notify`, and fails with `describe()` after the timeout.
 */
export class Arrivals {
  private readonly checks = new Set<() => void>();

  notify(): void {
    for (const check of this.checks) check();
  }

  until<T>(look: () => T | undefined, describe: () => string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = look();
        if (found === undefined) return;
        this.checks.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.checks.delete(check);
        reject(new Error(`timed out: ${describe()}`));
      }, timeoutMs);
      this.checks.add(check);
      check();
    });
  }
}
