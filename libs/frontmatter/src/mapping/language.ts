import type { MappingContext, RenderedBody } from '../context.js';
import { detectLanguage } from '../text/detect-language.js';
import { withoutElements } from '../text/elements.js';
import { htmlToText, withoutTemplateTags } from '../text/html-text.js';
import { asText, type FrontMatter } from './header-values.js';

// Microsoft Docs write `Locale: en-US`, so key case is ignored.
const KEYS = ['lang', 'language', 'locale'];
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i;
const HTML_LANG = /<html\b[^>]*\slang\s*=\s*["']?([a-z]{2,3}(?:-[a-z0-9]{1,8})*)/i;
// Detection reads the start of the prose only; code blocks say nothing about the language.
// The first cut is usually plenty (detection samples 600 characters); markup-heavy or
// code-first posts get the longer one.
const DETECT_HTML_CHARS = [2_000, 8_000];
const ENOUGH_TEXT = 600;
const OPEN_CODE_BLOCK = /<pre\b/i;

/** Header lang/language/locale (lower-cased), else an HTML page's lang, else detected. */
export function languageOf(fm: FrontMatter, title: string, rendered: RenderedBody, ctx: MappingContext): string | null {
  for (const key of KEYS) {
    const actual = Object.keys(fm).find((k) => k.toLowerCase() === key);
    if (actual === undefined) continue;
    const text = asText(fm[actual]);
    if (text !== null && LANGUAGE_TAG.test(text)) return text.toLowerCase();
    if (text !== null) ctx.warn(ctx.lineOf(actual), `${actual}: "${text}" is not a language tag; ignored`);
  }
  if (rendered.format === 'HTML') {
    const match = HTML_LANG.exec(rendered.body.slice(0, 2000));
    if (match) return match[1]!.toLowerCase();
  }
  let text = '';
  for (const chars of DETECT_HTML_CHARS) {
    const html = withoutElements(rendered.html.slice(0, chars), 'pre');
    text = withoutTemplateTags(htmlToText(html));
    // A code block the cut leaves open would be read as prose.
    if (rendered.html.length <= chars || (text.length >= ENOUGH_TEXT && !OPEN_CODE_BLOCK.test(html))) break;
  }
  return detectLanguage(`${title}\n${text}`);
}
