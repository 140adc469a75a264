import { bigrams, splitCjk } from './cjk.js';

/** A search box query, translated for PostgreSQL. */
export interface ParsedSearch {
  /** For to_tsquery('pressroom_search', ...). */
  tsquery: string;
  /** What to mark in snippets: CJK runs and words, as typed. */
  terms: string[];
  /**
   * Nothing is excluded (no `-word`): adding lexemes to a vector can only make it match. Then a
   * match in the title's vector, a part of the whole one, is a match of the whole.
   */
  monotone: boolean;
}

interface Lexeme {
  text: string;
  /** A lone CJK character matches the bigrams that start with it. */
  prefix: boolean;
  /** A CJK bigram: the index numbers bigrams apart from words (see searchDocument()). */
  cjk: boolean;
}

interface Term {
  negated: boolean;
  /** Quoted: the lexemes must be adjacent, in order. */
  phrase: boolean;
  lexemes: Lexeme[];
  typed: string[];
}

const MAX_TERMS = 20;
const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;
const WORD_SEPARATOR = /[^\p{L}\p{N}]+/u;

/**
 * Parses what a reader typed, the way search engines do: words must all match, `"..."` is a
 * phrase, `-word` excludes, `OR` between two words accepts either. CJK text is segmented like
 * the index: 塔利班 must contain the bigrams 塔利 and 利班, 美国 the bigram 美国. Only quoted
 * text is matched as a phrase, because checking word positions means reading every hit's whole
 * vector, while a plain AND is answered by the GIN index alone.
 * Returns null when nothing searchable is left.
 */
export function parseSearch(input: string): ParsedSearch | null {
  const groups: Term[][] = [];
  let joinNext = false;
  for (const match of input.normalize('NFKC').matchAll(TOKEN)) {
    if (match[3] === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    const negated = match[1] === '-' || (match[3]?.startsWith('-') ?? false);
    const text = match[2] ?? match[3]!.replace(/^-/, '');
    const term = toTerm(text, negated, match[2] !== undefined);
    if (!term) continue;
    if (joinNext && !negated) groups.at(-1)!.push(term);
    else groups.push([term]);
    joinNext = false;
    if (groups.length >= MAX_TERMS) break;
  }
  if (!groups.some((g) => g.some((t) => !t.negated))) return null;
  return {
    tsquery: render(groups),
    monotone: !groups.some((g) => g.some((t) => t.negated)),
    terms: [
      ...new Set(
        groups
          .flat()
          .filter((t) => !t.negated)
          .flatMap((t) => t.typed),
      ),
    ],
  };
}

function toTerm(text: string, negated: boolean, phrase: boolean): Term | null {
  const lexemes: Lexeme[] = [];
  const typed: string[] = [];
  for (const part of splitCjk(text)) {
    if (part.cjk) {
      typed.push(part.text);
      for (const gram of bigrams(part.text)) lexemes.push({ text: gram, prefix: part.text.length === 1, cjk: true });
    } else {
      for (const word of part.text.toLowerCase().split(WORD_SEPARATOR).filter(Boolean)) {
        typed.push(word);
        lexemes.push({ text: word, prefix: false, cjk: false });
      }
    }
  }
  return lexemes.length ? { negated, phrase, lexemes, typed } : null;
}

function render(groups: Term[][]): string {
  return groups
    .map((group) => {
      const alternatives = group.map((term) => {
        const lexemes = term.phrase ? phrase(term.lexemes) : term.lexemes.map(operand).join(' & ');
        return term.negated ? `!(${lexemes})` : `(${lexemes})`;
      });
      return alternatives.length > 1 ? `(${alternatives.join(' | ')})` : alternatives[0]!;
    })
    .join(' & ');
}

/**
 * Adjacent, in order, within each script: the index numbers CJK bigrams apart from words, so
 * where a phrase changes script ("iPhone 手机") its two sides need only both be present.
 */
function phrase(lexemes: Lexeme[]): string {
  const runs: Lexeme[][] = [];
  for (const lexeme of lexemes) {
    if (runs.at(-1)?.[0]!.cjk === lexeme.cjk) runs.at(-1)!.push(lexeme);
    else runs.push([lexeme]);
  }
  return runs.map((run) => run.map(operand).join(' <-> ')).join(' & ');
}

function operand(lexeme: Lexeme): string {
  return `${quote(lexeme.text)}${lexeme.prefix ? ':*' : ''}`;
}

function quote(lexeme: string): string {
  return `'${lexeme.replace(/[\\']/g, '\\$&')}'`;
}
