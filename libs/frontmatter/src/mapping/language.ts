import type { MappingContext, RenderedBody } from '../context.js';
import { bodyLanguage } from '../text/body-language.js';
import { asText, type FrontMatter } from './header-values.js';

// Microsoft Docs write `Locale: en-US`, so key case is ignored.
const KEYS = ['lang', 'language', 'locale'];
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i;
/** Header lang/language/locale (lower-cased), else bodyLanguage(). */
export function languageOf(fm: FrontMatter, title: string, rendered: RenderedBody, ctx: MappingContext): string | null {
  for (const key of KEYS) {
    const actual = Object.keys(fm).find((k) => k.toLowerCase() === key);
    if (actual === undefined) continue;
    const text = asText(fm[actual]);
    if (text !== null && LANGUAGE_TAG.test(text)) return text.toLowerCase();
    if (text !== null) ctx.warn(ctx.lineOf(actual), `${actual}: "${text}" is not a language tag; ignored`);
  }
  return bodyLanguage(title, rendered);
}
