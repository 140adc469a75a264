import type { MappingContext } from '../context.js';
import { asText, isGiven, type FrontMatter } from './header-values.js';

export const SOURCE_URL_KEYS = ['from', 'source', 'source_url', 'canonical_url', 'original_url'];

const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** First header key among SOURCE_URL_KEYS that holds an http(s) URL. */
export function sourceUrlOf(fm: FrontMatter, ctx: MappingContext): string | null {
  for (const key of SOURCE_URL_KEYS) {
    const value = fm[key];
    if (!isGiven(value)) continue;
    const text = asText(value);
    if (text !== null && isHttpUrl(text)) return text;
    ctx.warn(ctx.lineOf(key), `${key}: not an http(s) URL, so not used as the source URL`);
  }
  return null;
}

export function isHttpUrl(text: string): boolean {
  return HTTP_URL.test(text) && URL.canParse(text);
}
