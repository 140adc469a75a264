/**
 * A semaphore counted in bytes: what an import holds in memory is bounded by the size of the
 * files it has in flight (being read, parsed, or waiting to be written), not by how many there
 * are, so an archive of 200 KB posts stays as bounded as one of 5 KB posts.
 *
 * Waiters are served in arrival order. Something larger than the whole budget is let through
 * when nothing else is in flight, alone: it could never fit, and refusing it would stall the
 * import (a file over the parser's size limit fails later, with FILE_TOO_LARGE).
 */
export class ByteBudget {
  private held = 0;
  private highest = 0;
  private readonly waiting: { bytes: number; resolve: () => void }[] = [];

  constructor(readonly limit: number) {
    if (!(limit > 0)) throw new RangeError(`a byte budget must be positive, not ${limit}`);
  }

  /** Bytes taken and not yet released. */
  get inFlight(): number {
    return this.held;
  }

  /** The most bytes ever held at once. */
  get peak(): number {
    return this.highest;
  }

  /** Takes `bytes` if they fit now and nobody is waiting ahead; never waits. */
  tryAcquire(bytes: number): boolean {
    if (this.waiting.length || !this.fits(bytes)) return false;
    this.take(bytes);
    return true;
  }

  /** Resolves once `bytes` are taken. */
  acquire(bytes: number): Promise<void> {
    if (this.tryAcquire(bytes)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ bytes, resolve }));
  }

  release(bytes: number): void {
    this.held -= bytes;
    if (this.held < 0) throw new Error(`released more bytes than were taken (${-this.held} over)`);
    while (this.waiting.length && this.fits(this.waiting[0]!.bytes)) {
      const next = this.waiting.shift()!;
      this.take(next.bytes);
      next.resolve();
    }
  }

  private take(bytes: number): void {
    this.held += bytes;
    this.highest = Math.max(this.highest, this.held);
  }

  private fits(bytes: number): boolean {
    return this.held === 0 || this.held + bytes <= this.limit;
  }
}
