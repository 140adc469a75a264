/**
 * Arrays as PostgreSQL's binary wire format (array_recv), for bulk statements that send a
 * column per parameter (`unnest($1::text[], ...)`). node-pg sends a Buffer parameter as binary:
 * the server then copies each element instead of parsing an array literal, and the client skips
 * building that literal with every element's quotes and escapes. For an import batch of long
 * bodies this was a third of the statement's cost.
 */

/** pg_type oids of the element types used here. */
export const PG_OID = { bytea: 17, text: 25, tsvector: 3614 } as const;

/** A one-dimensional array of elements already in their binary format (null for NULL). */
export function binaryArray(elementOid: number, elements: readonly (Uint8Array | null)[]): Buffer {
  let size = elements.length ? 20 : 12;
  for (const element of elements) size += 4 + (element?.length ?? 0);
  const out = Buffer.allocUnsafe(size);
  let at = writeHeader(out, elementOid, elements.length, elements.includes(null));
  for (const element of elements) {
    if (element === null) {
      at = out.writeInt32BE(-1, at);
      continue;
    }
    at = out.writeInt32BE(element.length, at);
    out.set(element, at);
    at += element.length;
  }
  return out;
}

/** text[]: each string written as UTF-8 straight into the one buffer. */
export function textArray(values: readonly (string | null)[]): Buffer {
  let size = values.length ? 20 : 12;
  for (const value of values) size += 4 + (value === null ? 0 : Buffer.byteLength(value));
  const out = Buffer.allocUnsafe(size);
  let at = writeHeader(out, PG_OID.text, values.length, values.includes(null));
  for (const value of values) {
    if (value === null) {
      at = out.writeInt32BE(-1, at);
      continue;
    }
    const written = out.write(value, at + 4, 'utf8');
    at = out.writeInt32BE(written, at) + written;
  }
  return out;
}

/** ndim, has-nulls flag, element type; then the one dimension's length and lower bound (1). */
function writeHeader(out: Buffer, elementOid: number, length: number, hasNulls: boolean): number {
  let at = out.writeInt32BE(length ? 1 : 0, 0);
  at = out.writeInt32BE(hasNulls ? 1 : 0, at);
  at = out.writeUInt32BE(elementOid, at);
  if (!length) return at;
  at = out.writeInt32BE(length, at);
  return out.writeInt32BE(1, at);
}
