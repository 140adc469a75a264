import { binaryArray, PG_OID, textArray } from '@pressroom/database';
import { SERVER_URL_ENV, withClient } from '../support/test-database.js';

// The bulk import sends its columns as binary arrays; the server must read back exactly what
// the array literal would have given.
describe('binary array parameters', () => {
  const server = () => process.env[SERVER_URL_ENV]!;

  it('round-trips text, NULLs, empty strings and multi-byte characters', async () => {
    const values = ['plain', null, '', '王毅与布林肯 "quoted" \\ back,slash {brace}', '😀 e\u0301', 'NULL'];
    const { rows } = await withClient(server(), (c) =>
      c.query('SELECT $1::text[] AS a, cardinality($1::text[]) AS n', [textArray(values)]),
    );
    expect(rows[0].a).toEqual(values);
    expect(rows[0].n).toBe(values.length);
  });

  it('sends an empty array', async () => {
    const { rows } = await withClient(server(), (c) => c.query('SELECT cardinality($1::text[]) AS n', [textArray([])]));
    expect(rows[0].n).toBe(0);
  });

  it('carries elements already in binary form, checked against their element type', async () => {
    // tsvector: one lexeme "ab" at positions 1 and 3 (weight D).
    const vector = Uint8Array.from([0, 0, 0, 1, 0x61, 0x62, 0, 0, 2, 0, 1, 0, 3]);
    const { rows } = await withClient(server(), (c) =>
      c.query('SELECT (SELECT array_agg(v::text) FROM unnest($1::tsvector[]) AS v) AS a', [
        binaryArray(PG_OID.tsvector, [vector, null]),
      ]),
    );
    expect(rows[0].a).toEqual(["'ab':1,3", null]);
    await expect(
      withClient(server(), (c) => c.query('SELECT $1::int[]', [binaryArray(PG_OID.tsvector, [vector])])),
    ).rejects.toThrow(/element type 3614 \(tsvector\) instead of expected 23/);
  });
});
