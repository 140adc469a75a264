import { htmlToText, withoutElements } from '@pressroom/frontmatter';
import { isCjk } from './cjk.js';

/** Rendered HTML as readable text: htmlToText() without scripts and styles. */
export function displayText(html: string): string {
  return htmlToText(withoutElements(withoutElements(html, 'script'), 'style'));
}

/**
 * A snippet of `text` around the first of `terms`, HTML-escaped, with every term in it wrapped
 * in <mark>. English words also match other forms of the word (harbour -> harbours). Without
 * any match, the start of the text.
 */
export function highlight(text: string, terms: string[], width = 160): string {
  const pattern = termPattern(terms);
  const first = pattern ? text.search(pattern) : -1;
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 4));
  const space = text.lastIndexOf(' ', start);
  if (start > 0 && space >= 0 && start - space < 15) start = space + 1;
  const end = Math.min(text.length, start + width);
  const window = text.slice(start, end);
  const marked = pattern ? mark(window, pattern) : escapeHtml(window);
  return `${start > 0 ? '…' : ''}${marked}${end < text.length ? '…' : ''}`;
}

function termPattern(terms: string[]): RegExp | null {
  const sources = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => (isCjk(term.charCodeAt(0)) ? escapeRegExp(term) : wordSource(term)));
  return sources.length ? new RegExp(sources.join('|'), 'giu') : null;
}

/** A word and its inflections, matched at a word start. */
function wordSource(word: string): string {
  const stem = word.length > 4 ? word.replace(/(ing|ed|es|s|ly)$/u, '') : word;
  return `(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}[\\p{L}\\p{N}]*`;
}

function mark(text: string, pattern: RegExp): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += `${escapeHtml(text.slice(last, match.index))}<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
