import {
  isCollection,
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Warn } from '../context.js';
import { FRONTMATTER_LIMITS } from '../limits.js';
import { ParseError } from '../parse-error.js';
import { assertFlowNesting } from './flow-nesting.js';
import { toJsonSafe } from './json-safe.js';
import type { ParsedHeader } from './parsed-header.js';
import { readSimpleYaml } from './simple-yaml.js';
import { indentQuotedContinuations } from './yaml-repair.js';

// Core schema: timestamps stay strings (we parse dates ourselves, with zones), and
// YAML 1.1 surprises (`no` -> false) do not happen. Repeated keys keep the last value,
// as Jekyll does, and are reported as warnings instead.
const OPTIONS = {
  schema: 'core',
  uniqueKeys: false,
  merge: true,
  intAsBigInt: true,
  maxAliasCount: FRONTMATTER_LIMITS.maxAliasCount,
  prettyErrors: true,
  logLevel: 'error',
} as const;

export function parseYamlHeader(header: string, headerLine: number, warn: Warn): ParsedHeader {
  const simple = readSimpleYaml(header);
  if (simple) {
    const lineOf = (key: string): number | null => {
      const line = simple.lines.get(key);
      return line === undefined ? null : headerLine - 1 + line;
    };
    return { data: toJsonSafe(simple.data, lineOf, warn), lineOf };
  }
  return parseYamlDocument(header, headerLine, warn);
}

/** The full YAML parser's reading of a header: every header readSimpleYaml() declines. */
export function parseYamlDocument(header: string, headerLine: number, warn: Warn): ParsedHeader {
  assertFlowNesting(header, headerLine);
  let { doc, lineCounter } = parseYaml(header);
  const [error] = doc.errors;
  if (error) {
    const repair = indentQuotedContinuations(header);
    const retry = repair && parseYaml(repair.text);
    if (!retry || retry.doc.errors.length > 0) throw yamlError(error, headerLine);
    ({ doc, lineCounter } = retry);
    warn(
      headerLine - 1 + repair.firstLine,
      'quoted value continues on unindented lines; read the way Jekyll and Hugo read it',
    );
  }
  const lineAt = (offset: number): number => headerLine - 1 + lineCounter.linePos(offset).line;
  for (const w of doc.warnings) warn(yamlLine(w, headerLine), `YAML: ${firstSentence(w.message)}`);

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return { data: {}, lineOf: () => null };
  }
  if (!isMap(root)) {
    throw new ParseError('INVALID_YAML', headerLine, 'front matter must be a mapping of keys to values');
  }
  const keyOffsets = scanStructure(root, lineAt, warn);
  const lineOf = (key: string): number | null => {
    const offset = keyOffsets.get(key);
    return offset === undefined ? null : lineAt(offset);
  };
  return { data: toJsonSafe(toJs(doc, lineAt), lineOf, warn), lineOf };
}

function parseYaml(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { ...OPTIONS, lineCounter }), lineCounter };
}

/**
 * Walks the node tree once: warns about repeated keys, stops nesting past the limit
 * before toJS recurses into it, and records where each top-level key is written.
 */
function scanStructure(root: Node, lineAt: (offset: number) => number, warn: Warn): Map<string, number> {
  const topKeys = new Map<string, number>();
  const stack: [Node, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > FRONTMATTER_LIMITS.maxDepth) {
      throw new ParseError(
        'TOO_DEEP',
        lineAt(node.range?.[0] ?? 0),
        `front matter is nested more than ${FRONTMATTER_LIMITS.maxDepth} levels deep`,
      );
    }
    if (isMap(node)) {
      const seen = depth === 1 ? topKeys : new Map<string, number>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const name = isScalar(key) ? String(key.value) : null;
        const offset = key?.range?.[0] ?? 0;
        if (name !== null && name !== '<<') {
          const before = seen.get(name);
          if (before !== undefined) {
            warn(
              lineAt(offset),
              `key "${name}" is given twice (lines ${lineAt(before)} and ${lineAt(offset)}); the last value is kept`,
            );
          }
          seen.set(name, offset);
        }
        if (isCollection(key)) stack.push([key, depth + 1]);
        if (isCollection(pair.value)) stack.push([pair.value, depth + 1]);
      }
    } else if (isCollection(node)) {
      for (const item of node.items) if (isCollection(item)) stack.push([item, depth + 1]);
    }
  }
  return topKeys;
}

function toJs(doc: Document, lineAt: (offset: number) => number): object {
  try {
    return doc.toJS({ maxAliasCount: FRONTMATTER_LIMITS.maxAliasCount }) as object;
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new ParseError(
        'TOO_MANY_ALIASES',
        firstAliasLine(doc, lineAt),
        `front matter expands aliases past the limit of ${FRONTMATTER_LIMITS.maxAliasCount} (an alias bomb?)`,
      );
    }
    throw e;
  }
}

function firstAliasLine(doc: Document, lineAt: (offset: number) => number): number | null {
  let line: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      line = lineAt(node.range?.[0] ?? 0);
      return visit.BREAK;
    },
  });
  return line;
}

function yamlError(error: YAMLError, headerLine: number): ParseError {
  const line = yamlLine(error, headerLine);
  const message = firstSentence(error.message);
  if (/call stack/i.test(message)) {
    return new ParseError('TOO_DEEP', line, 'front matter is nested too deeply to parse');
  }
  const column = error.linePos?.[0].col;
  return new ParseError(
    'INVALID_YAML',
    line,
    `invalid YAML front matter: ${message}${column ? ` (column ${column})` : ''}`,
  );
}

function yamlLine(error: YAMLError, headerLine: number): number {
  const pos = error.linePos?.[0];
  return pos ? headerLine - 1 + pos.line : headerLine;
}

// prettyErrors appends " at line L, column C:" and a code frame, with header-relative lines.
function firstSentence(message: string): string {
  const cut = message.search(/ at line \d+, column \d+/);
  return (cut === -1 ? message.split('\n')[0]! : message.slice(0, cut)).trim();
}
