import { ReplicaCatchUp, type ReplicaPosition } from './replica-catch-up.js';

/** A primary whose WAL moves on with each write, and a replica that replays only when told. */
class Servers implements ReplicaPosition {
  primary = 0;
  replica = 0;
  failures = 0;
  async primaryWalPosition(): Promise<string> {
    if (this.failures > 0 && this.failures--) throw new Error('connection refused');
    return String(this.primary);
  }
  async replicaReplayed(position: string): Promise<boolean> {
    return this.replica >= Number(position);
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('ReplicaCatchUp', () => {
  let servers: Servers;
  let caughtUp: number;
  let catchUp: ReplicaCatchUp;
  beforeEach(() => {
    servers = new Servers();
    caughtUp = 0;
    catchUp = new ReplicaCatchUp(servers, () => caughtUp++, tick);
  });
  afterEach(() => catchUp.close());

  async function settle(): Promise<void> {
    for (let i = 0; i < 20; i++) await tick();
  }

  it('is behind from a write until the replica has replayed it', async () => {
    expect(catchUp.behind).toBe(false);
    servers.primary = 10;
    catchUp.follow();
    await settle();
    expect(catchUp.behind).toBe(true);
    expect(caughtUp).toBe(0);
    servers.replica = 10;
    await settle();
    expect(catchUp.behind).toBe(false);
    expect(caughtUp).toBe(1);
  });

  it('waits for the newest write heard while it waited', async () => {
    servers.primary = 10;
    catchUp.follow();
    await settle();
    servers.primary = 20;
    catchUp.follow();
    servers.replica = 10;
    await settle();
    expect(catchUp.behind).toBe(true);
    servers.replica = 20;
    await settle();
    expect(catchUp.behind).toBe(false);
    expect(caughtUp).toBe(1);
  });

  it('stays behind while the primary cannot be asked, then catches up', async () => {
    servers.failures = 3;
    servers.primary = 5;
    servers.replica = 5;
    catchUp.follow();
    await tick();
    expect(catchUp.behind).toBe(true);
    await settle();
    expect(servers.failures).toBe(0);
    expect(catchUp.behind).toBe(false);
    expect(caughtUp).toBe(1);
  });
});
