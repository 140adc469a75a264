/**
 * The plain headers most posts have, read without the full YAML parser (which costs about
 * 0.4 ms even for a seven-line header, the largest single cost of a bulk import's parsing):
 * `key: value` lines whose values are plain or simply quoted strings, booleans, nulls, and
 * lists of such strings, in flow (`[a, b]`) or block (`- a`) form. Anything else (numbers,
 * escapes, nesting, comments after values, repeated keys, anchors, multi-line values) returns
 * null and goes to the full parser. The test beside this file checks that both read every
 * header the short path accepts alike, on the shared corpus and on edge cases.
 */

export interface SimpleYaml {
  /** What the full parser's toJS() gives for the header. */
  data: Record<string, unknown>;
  /** Header-relative line (1-based) of each key. */
  lines: Map<string, number>;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*):(?: +(.*))?$/;
const BLOCK_ITEM = /^( *)- +(.*)$/;
// What the core schema reads as something other than a string (its tags' tests, yaml 2.x):
// null, booleans, integers (decimal, 0o, 0x), floats, infinities and NaN.
const NOT_A_STRING = new RegExp(
  [
    /^(?:~|[Nn]ull|NULL)?$/,
    /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    /^[-+]?[0-9]+$/,
    /^0o[0-7]+$/,
    /^0x[0-9a-fA-F]+$/,
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  ]
    .map((test) => test.source)
    .join('|'),
);
// A plain scalar that cannot start an indicator, a comment, a nested mapping or a tag.
const PLAIN = /^[^-?:,[\]{}#&*!|>'"%@`\s](?:[^\s#:]|[ ](?![ #])|:(?! |$)|#)*$/;
const PLAIN_IN_FLOW = /^[^-?:,[\]{}#&*!|>'"%@`\s][^,[\]{}#:]*$/;

type Scalar = string | boolean | null;

export function readSimpleYaml(header: string): SimpleYaml | null {
  const rows = header.split('\n');
  const data: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row === '' || row.startsWith('#')) continue;
    const match = KEY_LINE.exec(row);
    if (!match) return null;
    const key = match[1]!;
    if (lines.has(key) || key === '__proto__' || NOT_A_STRING.test(key)) return null;
    lines.set(key, i + 1);
    const text = match[2];
    if (text !== undefined && text !== '') {
      const value = text.startsWith('[') ? flowList(text) : scalar(text, PLAIN);
      if (value === undefined) return null;
      data[key] = value;
      continue;
    }
    // An empty value: a block list on the lines below, else null.
    const items: Scalar[] = [];
    let indent: string | null = null;
    while (i + 1 < rows.length) {
      const item = BLOCK_ITEM.exec(rows[i + 1]!);
      if (!item) break;
      if (indent !== null && item[1] !== indent) return null;
      indent = item[1]!;
      const value = scalar(item[2]!, PLAIN);
      if (value === undefined) return null;
      items.push(value);
      i++;
    }
    // Anything indented that is not a list item (a nested map, a continued value) is not simple.
    if (i + 1 < rows.length && /^\s/.test(rows[i + 1]!) && rows[i + 1]!.trim() !== '') return null;
    data[key] = indent === null ? null : items;
  }
  return { data, lines };
}

/** `[a, "b", c]` of strings; undefined when any item is not simple. */
function flowList(text: string): string[] | undefined {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  for (const part of inner.split(',')) {
    const value = scalar(part.trim(), PLAIN_IN_FLOW);
    if (typeof value !== 'string') return undefined;
    items.push(value);
  }
  return items;
}

/** A quoted string without escapes, or a plain scalar; undefined when neither is simple. */
function scalar(text: string, plain: RegExp): Scalar | undefined {
  // Control characters (tabs included) have rules of their own: the full parser's job.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return undefined;
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || text[text.length - 1] !== quote || inner.includes(quote) || inner.includes('\\'))
      return undefined;
    return inner;
  }
  if (text.endsWith(' ')) return undefined;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (NOT_A_STRING.test(text) || !plain.test(text)) return undefined;
  return text;
}
