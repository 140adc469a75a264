import { ByteBudget } from './byte-budget.js';

const settled = async (p: Promise<void>): Promise<boolean> => {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
};

describe('ByteBudget', () => {
  it('counts bytes, not items: one byte over the limit waits', async () => {
    const budget = new ByteBudget(1000);
    expect(budget.tryAcquire(600)).toBe(true);
    expect(budget.tryAcquire(400)).toBe(true); // exactly the limit fits
    expect(budget.tryAcquire(1)).toBe(false);
    const waiting = budget.acquire(1);
    expect(await settled(waiting)).toBe(false);
    budget.release(400);
    expect(await settled(waiting)).toBe(true);
    expect(budget.inFlight).toBe(601);
  });

  it('lets many small items through where few large ones would wait', () => {
    const budget = new ByteBudget(10_000);
    for (let i = 0; i < 100; i++) expect(budget.tryAcquire(100)).toBe(true);
    expect(budget.tryAcquire(100)).toBe(false);
    expect(budget.peak).toBe(10_000);
  });

  it('lets an item larger than the whole budget through alone, when nothing is in flight', async () => {
    const budget = new ByteBudget(1000);
    expect(budget.tryAcquire(10)).toBe(true);
    const huge = budget.acquire(5000);
    expect(await settled(huge)).toBe(false);
    budget.release(10);
    expect(await settled(huge)).toBe(true);
    expect(budget.tryAcquire(1)).toBe(false); // nothing beside it
    budget.release(5000);
    expect(budget.tryAcquire(1)).toBe(true);
  });

  it('serves waiters in arrival order: a small one does not overtake a large one', async () => {
    const budget = new ByteBudget(1000);
    budget.tryAcquire(900);
    const large = budget.acquire(500);
    expect(budget.tryAcquire(50)).toBe(false); // would fit, but the large one is ahead
    const small = budget.acquire(50);
    budget.release(900);
    expect(await settled(large)).toBe(true);
    expect(await settled(small)).toBe(true);
    expect(budget.inFlight).toBe(550);
  });

  it('refuses to release more than was taken, and a budget that is not positive', () => {
    const budget = new ByteBudget(10);
    budget.tryAcquire(5);
    expect(() => budget.release(6)).toThrow(/released more bytes/);
    expect(() => new ByteBudget(0)).toThrow(RangeError);
  });
});
