import { franc } from 'franc-min';
import { ISO_639_1 } from './iso-639.js';

// franc costs ~1 ms per 1000 characters; 600 is plenty to tell languages apart.
const SAMPLE_CHARS = 600;
const MIN_LETTERS = 20;
// Negated classes: counting what is left after a native replace beats an exec loop.
const NOT_HAN = /\P{Script=Han}+/gu;
const NOT_KANA = /[^\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const NOT_HANGUL = /\P{Script=Hangul}+/gu;
const NOT_LETTER = /\P{L}+/gu;
const WORD = /\p{L}+/gu;

// Function words frequent in English prose and rare elsewhere. On the corpus this never
// disagreed with franc, and it lets most English posts skip franc altogether.
const ENGLISH_WORDS = new Set(
  'the and of to in is that for it with as on are be this by or an from you was can will we not have has at which your if its they their more'.split(
    ' ',
  ),
);
const MIN_ENGLISH_SHARE = 0.2;

/**
 * ISO 639-1 code of the text's language (639-3 when there is none), or null when unsure.
 * Scripts decide Chinese, Japanese and Korean (trigram models are weak on CJK); franc
 * decides the rest.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = count(sample, NOT_LETTER);
  if (letters < MIN_LETTERS) return null;
  if (count(sample, NOT_KANA) > letters * 0.1) return 'ja';
  if (count(sample, NOT_HANGUL) > letters * 0.3) return 'ko';
  if (count(sample, NOT_HAN) > letters * 0.3) return 'zh';
  if (looksEnglish(sample)) return 'en';
  const code = franc(sample, { minLength: MIN_LETTERS });
  if (code === 'und') return null;
  return ISO_639_1[code] ?? code;
}

function looksEnglish(sample: string): boolean {
  let words = 0;
  let english = 0;
  for (const [word] of sample.matchAll(WORD)) {
    words++;
    if (ENGLISH_WORDS.has(word.toLowerCase())) english++;
  }
  return words >= 8 && english / words >= MIN_ENGLISH_SHARE;
}

/** UTF-16 units of `text` outside `others` (a global, negated class). */
function count(text: string, others: RegExp): number {
  return text.replace(others, '').length;
}
