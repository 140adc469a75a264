import { mapConcurrently } from './batches.js';

describe('mapConcurrently', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3, 0], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('passes an error on', async () => {
    await expect(mapConcurrently([1], 4, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});
