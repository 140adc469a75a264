/** A header turned into JSON-safe data, plus where its top-level keys are written. */
export interface ParsedHeader {
  data: Record<string, unknown>;
  lineOf(key: string): number | null;
}
