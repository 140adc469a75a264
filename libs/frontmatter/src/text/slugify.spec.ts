import { slugify } from './slugify.js';

describe('slugify', () => {
  it.each([
    ['Hello, World!', 'hello-world'],
    ['王毅与布林肯通话：各方有必要同塔利班进行接触', '王毅与布林肯通话-各方有必要同塔利班进行接触'],
    ['(臺)中央社CNA', '臺-中央社cna'],
    ['经济学人en', '经济学人en'],
    ['Ｆｕｌｌｗｉｄｔｈ　ＡＢＣ１２３', 'fullwidth-abc123'],
    ["Linkerd's RFC process", 'linkerds-rfc-process'],
    ['Ruby 1.9.3-p362 veröffentlicht', 'ruby-1-9-3-p362-veröffentlicht'],
    ['  --Trim me--  ', 'trim-me'],
    ['印尼失联航班疑坠海 ', '印尼失联航班疑坠海'],
    ['under_score & ampersand', 'under-score-ampersand'],
    ['ICYMI 👉 July', 'icymi-july'],
    ['Привет мир', 'привет-мир'],
    ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
  ])('%j -> %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify('???')).toBe('');
    expect(slugify('')).toBe('');
  });

  it('caps the slug at 120 characters without a trailing dash or a split character', () => {
    expect(slugify('a'.repeat(200))).toHaveLength(120);
    expect(slugify(`${'a'.repeat(119)} b`)).toBe('a'.repeat(119));
    const chinese = slugify('中'.repeat(130));
    expect(Array.from(chinese)).toHaveLength(120);
    const astral = slugify('𠀀'.repeat(130));
    expect(Array.from(astral)).toHaveLength(120);
    expect(astral).toBe('𠀀'.repeat(120));
  });

  it('is idempotent', () => {
    for (const text of ['Hello, World!', '(臺)中央社CNA', 'a'.repeat(300), "O'Reilly ONLamp"]) {
      expect(slugify(slugify(text))).toBe(slugify(text));
    }
  });
});
