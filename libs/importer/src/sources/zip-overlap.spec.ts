import { assertNoOverlap } from './zip-overlap.js';

const entry = (offset: number, name: number, size: number) => ({
  relativeOffsetOfLocalHeader: offset,
  fileNameLength: name,
  compressedSize: size,
});

describe('assertNoOverlap', () => {
  it('accepts entries laid end to end, in any order of the central directory', () => {
    expect(() => assertNoOverlap([entry(40, 4, 10), entry(0, 4, 6)], 1000, 'a.zip')).not.toThrow();
  });

  it('refuses entries sharing a local header or data', () => {
    expect(() => assertNoOverlap([entry(0, 4, 100), entry(0, 5, 100)], 1000, 'a.zip')).toThrow(
      expect.objectContaining({ code: 'OVERLAPPING_ENTRIES' }),
    );
    expect(() => assertNoOverlap([entry(0, 4, 100), entry(60, 4, 10)], 1000, 'a.zip')).toThrow(
      expect.objectContaining({ code: 'OVERLAPPING_ENTRIES' }),
    );
  });

  it('refuses an entry whose data would run past the end of the file', () => {
    expect(() => assertNoOverlap([entry(0, 4, 1000)], 500, 'a.zip')).toThrow(
      expect.objectContaining({ code: 'BAD_ARCHIVE' }),
    );
  });
});
