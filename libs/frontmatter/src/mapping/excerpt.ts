import { plainTextExcerpt } from '../text/excerpt.js';
import { asText, type FrontMatter } from './header-values.js';

export const EXCERPT_KEYS = ['excerpt', 'description', 'summary'];

/** Header excerpt/description/summary as written, else the first paragraph as plain text. */
export function excerptOf(fm: FrontMatter, html: string): string | null {
  for (const key of EXCERPT_KEYS) {
    const text = asText(fm[key]);
    if (text !== null) return text;
  }
  return plainTextExcerpt(html);
}
