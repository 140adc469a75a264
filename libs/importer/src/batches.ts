/** Groups an async stream into arrays of `size` (the last one may be shorter). */
export async function* chunks<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

/**
 * Groups an async stream into arrays of at most `maxItems` items and, past their first item,
 * at most `maxBytes` bytes by `bytesOf` (one item larger than `maxBytes` goes alone). Where the
 * groups split depends only on the items, never on timing.
 */
export async function* chunksByBytes<T>(
  items: AsyncIterable<T>,
  maxItems: number,
  maxBytes: number,
  bytesOf: (item: T) => number,
): AsyncGenerator<{ items: T[]; bytes: number }> {
  let chunk: T[] = [];
  let bytes = 0;
  for await (const item of items) {
    const size = bytesOf(item);
    if (chunk.length && bytes + size > maxBytes) {
      yield { items: chunk, bytes };
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
    if (chunk.length >= maxItems) {
      yield { items: chunk, bytes };
      chunk = [];
      bytes = 0;
    }
  }
  if (chunk.length) yield { items: chunk, bytes };
}

export function split<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Like split(), and a part also closes before passing `maxBytes` (see chunksByBytes()). */
export function splitByBytes<T>(items: T[], maxItems: number, maxBytes: number, bytesOf: (item: T) => number): T[][] {
  const out: T[][] = [];
  let part: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (part.length && (part.length >= maxItems || bytes + size > maxBytes)) {
      out.push(part);
      part = [];
      bytes = 0;
    }
    part.push(item);
    bytes += size;
  }
  if (part.length) out.push(part);
  return out;
}
