import { LineCounter, parseDocument } from 'yaml';
import type { Warn } from '../context.js';
import { ParseError } from '../parse-error.js';
import { lineLocator, lineOfIndex } from '../source/lines.js';
import { assertFlowNesting } from './flow-nesting.js';
import { toJsonSafe } from './json-safe.js';
import type { ParsedHeader } from './parsed-header.js';

export function parseJsonHeader(header: string, headerLine: number, warn: Warn): ParsedHeader {
  assertFlowNesting(header, headerLine);
  let value: unknown;
  try {
    value = JSON.parse(header);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ParseError(
      'INVALID_JSON',
      jsonErrorLine(message, header, headerLine),
      `invalid JSON front matter: ${message.replace(/\s+/g, ' ')}`,
    );
  }
  const lineAt = lineLocator(header);
  const lines = new Map<string, number | null>();
  // Memoised: mappers warn once per list item, and each lookup scans the header.
  const lineOf = (key: string): number | null => {
    let line = lines.get(key);
    if (line === undefined) {
      const at = header.indexOf(JSON.stringify(key));
      line = at === -1 ? null : headerLine - 1 + lineAt(at);
      lines.set(key, line);
    }
    return line;
  };
  return { data: toJsonSafe(value as object, lineOf, warn), lineOf };
}

// V8 says "at position N" or "(line L column C)" for some errors and nothing for others
// ("Unexpected token ','"); then the YAML parser, which reads JSON, points at the spot.
function jsonErrorLine(message: string, header: string, headerLine: number): number {
  const line = /\(line (\d+) column \d+\)/.exec(message);
  if (line) return headerLine - 1 + Number(line[1]);
  const position = /at position (\d+)/.exec(message);
  if (position) return headerLine - 1 + lineOfIndex(header, Number(position[1]));
  const lineCounter = new LineCounter();
  const [yamlError] = parseDocument(header, {
    schema: 'json',
    lineCounter,
    logLevel: 'silent',
  }).errors;
  const offset = yamlError?.pos[0];
  return offset === undefined ? headerLine : headerLine - 1 + lineCounter.linePos(offset).line;
}
