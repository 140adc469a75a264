import { chunksByBytes, splitByBytes } from './batches.js';

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const size = (n: number) => n;

describe('chunksByBytes', () => {
  it('closes a chunk before it passes the byte limit, whatever the item count', async () => {
    const chunks = await collect(chunksByBytes(stream([400, 400, 200, 1, 500, 500]), 100, 1000, size));
    expect(chunks).toEqual([
      { items: [400, 400, 200], bytes: 1000 },
      { items: [1, 500], bytes: 501 },
      { items: [500], bytes: 500 },
    ]);
  });

  it('closes a chunk at the item limit when items are small', async () => {
    const chunks = await collect(chunksByBytes(stream([1, 1, 1, 1, 1]), 2, 1000, size));
    expect(chunks.map((c) => c.items.length)).toEqual([2, 2, 1]);
  });

  it('gives an item larger than the limit a chunk of its own', async () => {
    const chunks = await collect(chunksByBytes(stream([10, 5000, 10]), 100, 1000, size));
    expect(chunks.map((c) => c.items)).toEqual([[10], [5000], [10]]);
  });
});

describe('splitByBytes', () => {
  it('splits by count and by bytes, keeping the order', () => {
    expect(splitByBytes([300, 300, 300, 300, 1, 1, 1], 3, 700, size)).toEqual([
      [300, 300],
      [300, 300, 1],
      [1, 1],
    ]);
    expect(splitByBytes([], 3, 700, size)).toEqual([]);
  });
});
