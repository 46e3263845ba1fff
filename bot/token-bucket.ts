/**
 * A token bucket: `ratePerSecond` tokens flow in, up to `capacity` (the burst). Taking more than
 * there is puts the bucket in debt, so a costly send (a long reply in several parts) still goes
 * and the next ones wait longer: the average stays at the rate.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(ratePerSecond > 0) || !(capacity >= 1)) throw new RangeError('token bucket: the rate must be positive and the capacity at least 1');
    this.tokens = capacity;
    this.at = now();
  }

  private refill(): void {
    const now = this.now();
    if (now > this.at) this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) * this.ratePerSecond) / 1000);
    this.at = Math.max(this.at, now);
  }

  /** Milliseconds until `cost` can be taken (0: now). A cost above the capacity waits for a full bucket. */
  wait(cost = 1): number {
    this.refill();
    const need = Math.min(cost, this.capacity);
    return this.tokens >= need ? 0 : Math.ceil(((need - this.tokens) * 1000) / this.ratePerSecond);
  }

  /** Takes `cost` tokens; true when they were there (see `wait`), false (and nothing taken) otherwise. */
  take(cost = 1): boolean {
    if (this.wait(cost) > 0) return false;
    this.tokens -= cost;
    return true;
  }

  /** Takes `cost` tokens whether they are there or not: what is missing is debt, which later takers wait out. */
  spend(cost = 1): void {
    this.refill();
    this.tokens -= cost;
  }

  /** Full again: nobody used it for long enough that it may be forgotten. */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }
}
