import type { BodyFormat } from '../types.js';
import { detectLanguage } from './detect-language.js';
import { withoutElements } from './elements.js';
import { htmlToText, withoutTemplateTags } from './html-text.js';

const HTML_LANG = /<html\b[^>]*\slang\s*=\s*["']?([a-z]{2,3}(?:-[a-z0-9]{1,8})*)/i;
/** How much of an HTML source is searched for `<html lang>`. */
const HTML_LANG_CHARS = 2_000;
/**
 * The language-detection windows, in characters of rendered HTML. The first cut is usually
 * plenty (detection samples 600 characters); markup-heavy or code-first posts get the longer
 * one. One list for the import and for editor edits, so the same text gets the same language
 * however it arrived (issue 13).
 */
export const LANGUAGE_DETECTION_WINDOWS = [2_000, 8_000] as const;
const ENOUGH_TEXT = 600;
const OPEN_CODE_BLOCK = /<pre\b/i;

/**
 * The language of a post with no language given: an HTML page's `lang`, else detected from the
 * title and the start of the prose. Code blocks say nothing about the language, so they are
 * left out.
 */
export function bodyLanguage(
  title: string,
  rendered: { body: string; html: string; format: BodyFormat },
): string | null {
  if (rendered.format === 'HTML') {
    const match = HTML_LANG.exec(rendered.body.slice(0, HTML_LANG_CHARS));
    if (match) return match[1]!.toLowerCase();
  }
  let text = '';
  for (const chars of LANGUAGE_DETECTION_WINDOWS) {
    const html = withoutElements(rendered.html.slice(0, chars), 'pre');
    text = withoutTemplateTags(htmlToText(html));
    // A code block the cut leaves open would be read as prose.
    if (rendered.html.length <= chars || (text.length >= ENOUGH_TEXT && !OPEN_CODE_BLOCK.test(html))) break;
  }
  return detectLanguage(`${title}\n${text}`);
}
