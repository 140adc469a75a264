/** Where the primary's WAL is, and whether the read replica has replayed it up to a point. */
export interface ReplicaPosition {
  primaryWalPosition(): Promise<string>;
  replicaReplayed(position: string): Promise<boolean>;
}

const FIRST_CHECK_MS = 5;
const LAST_CHECK_MS = 1_000;

/**
 * Tells when a read replica shows every write the cache has heard of. A notification arrives
 * when the primary commits; the replica may replay that commit later, and an anonymous read
 * served from it meanwhile would put the old answer back in the cache for a whole max-age. So
 * after each write the cache stores nothing until the replica has replayed the primary's WAL
 * position read after the notification; writes heard while waiting move the target on. One
 * loop however many writes arrive; errors (a replica or primary away) keep it waiting, which
 * keeps the cache off: the safe side.
 */
export class ReplicaCatchUp {
  private dirty = false;
  private running = false;
  private closed = false;

  /** `caughtUp` runs each time the replica has replayed every write heard so far. */
  constructor(
    private readonly position: ReplicaPosition,
    private readonly caughtUp: () => void,
    private readonly sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()),
  ) {}

  /** Whether a write heard of may not be on the replica yet. */
  get behind(): boolean {
    return this.dirty || this.running;
  }

  /** After a write was heard of: waits for the replica to replay it. */
  follow(): void {
    this.dirty = true;
    if (!this.running) void this.run();
  }

  close(): void {
    this.closed = true;
  }

  private async run(): Promise<void> {
    this.running = true;
    let delay = FIRST_CHECK_MS;
    while (this.dirty && !this.closed) {
      this.dirty = false;
      try {
        const target = await this.position.primaryWalPosition();
        for (delay = FIRST_CHECK_MS; !(await this.position.replicaReplayed(target)) && !this.closed;) {
          await this.sleep(delay);
          delay = Math.min(delay * 2, LAST_CHECK_MS);
        }
      } catch {
        this.dirty = true;
        await this.sleep(delay);
        delay = Math.min(delay * 2, LAST_CHECK_MS);
      }
    }
    this.running = false;
    if (!this.closed) this.caughtUp();
  }
}
