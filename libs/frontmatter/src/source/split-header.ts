import { ParseError } from '../parse-error.js';

export type HeaderFormat = 'yaml' | 'toml' | 'json';

export interface SplitFile {
  format: HeaderFormat | null;
  /** Header text without its fences. */
  header: string;
  /** File line on which `header` starts. */
  headerLine: number;
  /** Everything after the closing fence line, as written. */
  body: string;
}

const FENCES: Record<string, { format: HeaderFormat; close: readonly string[] }> = {
  '---': { format: 'yaml', close: ['---', '...'] },
  '+++': { format: 'toml', close: ['+++'] },
};

// Hugo's JSON front matter: an object at the very start. `{%`/`{{` (Liquid) must not match.
const JSON_START = /^\{\s*["}]/;
const LINE_REST = /[ \t]*\r?\n/y;

/** Cuts a file into header and body the way Jekyll and Hugo do. */
export function splitHeader(text: string): SplitFile {
  const firstEnd = text.indexOf('\n');
  const firstLine = (firstEnd === -1 ? text : text.slice(0, firstEnd)).trimEnd();
  const fence = FENCES[firstLine];
  if (fence) return splitFenced(text, firstEnd, firstLine, fence.format, fence.close);
  if (JSON_START.test(text)) return splitJson(text);
  return { format: null, header: '', headerLine: 1, body: text };
}

function splitFenced(
  text: string,
  firstEnd: number,
  opener: string,
  format: HeaderFormat,
  closers: readonly string[],
): SplitFile {
  if (firstEnd !== -1) {
    let pos = firstEnd + 1;
    while (pos <= text.length) {
      const end = text.indexOf('\n', pos);
      const line = (end === -1 ? text.slice(pos) : text.slice(pos, end)).trimEnd();
      if (closers.includes(line)) {
        return {
          format,
          header: text.slice(firstEnd + 1, pos),
          headerLine: 2,
          body: end === -1 ? '' : text.slice(end + 1),
        };
      }
      if (end === -1) break;
      pos = end + 1;
    }
  }
  throw new ParseError('UNCLOSED_HEADER', 1, `front matter opened with ${opener} on line 1 is never closed`);
}

function splitJson(text: string): SplitFile {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b) depth++;
    else if (c === 0x7d && --depth === 0) {
      // Hugo ends the header at the closing brace; the rest of that line is not body.
      LINE_REST.lastIndex = i + 1;
      const rest = LINE_REST.exec(text);
      return {
        format: 'json',
        header: text.slice(0, i + 1),
        headerLine: 1,
        body: text.slice(i + 1 + (rest ? rest[0].length : 0)),
      };
    }
  }
  throw new ParseError('UNCLOSED_HEADER', 1, 'JSON front matter opened on line 1 is never closed');
}
