import { elements } from './elements.js';
import { htmlToText, withoutTemplateTags } from './html-text.js';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Plain text of the first paragraph with prose in it (or of the whole fragment when no
 * paragraph has any), cut to `maxChars` user-perceived characters so Chinese and emoji are
 * never split; a cut text ends with `…`.
 */
export function plainTextExcerpt(html: string, maxChars = 300): string | null {
  for (const paragraph of elements(html, ['p'])) {
    const text = proseOf(paragraph.inner);
    if (text) return cut(text, maxChars);
  }
  const text = proseOf(html);
  return text ? cut(text, maxChars) : null;
}

function proseOf(html: string): string {
  return withoutTemplateTags(htmlToText(html));
}

// Characters that are each a whole grapheme, whatever follows them (no combining marks, no
// surrogates, no CR, no Hangul jamo): Latin, CJK, Hangul syllables, full-width forms.
const ONE_UNIT_GRAPHEMES =
  /^[\t\n\u0020-\u007E\u00A0-\u02FF\u3000-\u3029\u3030-\u3098\u309B-\u9FFF\uAC00-\uD7A3\uFF01-\uFF9D]*$/;

function cut(text: string, maxChars: number): string {
  // A string is never more graphemes than UTF-16 units, so short ones need no segmenting.
  if (text.length <= maxChars) return text;
  // Segmenting costs about as much as rendering the post; most text needs none.
  if (ONE_UNIT_GRAPHEMES.test(text.slice(0, maxChars + 1))) return `${text.slice(0, maxChars - 1).trimEnd()}…`;
  // The segmenter copies what it is given; a bounded prefix holds enough graphemes.
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(text.slice(0, maxChars * 8))) {
    if (kept.length === maxChars) break;
    kept.push(segment);
  }
  if (kept.join('').length === text.length) return text;
  return `${kept
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`;
}
