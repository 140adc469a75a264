/**
 * Scripts written without spaces between words: Han (with extension A and compatibility
 * ideographs), kana and Hangul. Kana punctuation (・ ゠) and the combining sound marks are left
 * out: they are not letters, and PostgreSQL's parser would split a bigram holding one. The
 * same ranges as the SQL of migration search_bigram_vectors.
 */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x309d && code <= 0x309f) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    (code >= 0x30fc && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

/** Overlapping character bigrams of one CJK run; a run of one character stays itself. */
export function bigrams(run: string): string[] {
  if (run.length < 2) return [run];
  const out = new Array<string>(run.length - 1);
  for (let i = 0; i < run.length - 1; i++) out[i] = run.slice(i, i + 2);
  return out;
}

/** Splits text into CJK runs and the text between them, in order. */
export function splitCjk(text: string): { cjk: boolean; text: string }[] {
  const parts: { cjk: boolean; text: string }[] = [];
  let start = 0;
  let inCjk = text.length > 0 && isCjk(text.charCodeAt(0));
  for (let i = 1; i <= text.length; i++) {
    const cjk = i < text.length && isCjk(text.charCodeAt(i));
    if (i === text.length || cjk !== inCjk) {
      parts.push({ cjk: inCjk, text: text.slice(start, i) });
      start = i;
      inCjk = cjk;
    }
  }
  return parts;
}
