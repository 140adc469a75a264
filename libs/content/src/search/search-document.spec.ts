import { plainText, searchDocument, segment } from './search-document.js';

describe('segment', () => {
  it('turns each CJK run into overlapping bigrams and leaves other text alone', () => {
    expect(segment('王毅与布林肯').trim().split(/\s+/)).toEqual(['王毅', '毅与', '与布', '布林', '林肯']);
    expect(segment('CCTV新闻联播 running').split(/\s+/).filter(Boolean)).toEqual(['CCTV', '新闻', '闻联', '联播', 'running']);
  });

  it('keeps a lone CJK character as itself', () => {
    expect(segment('x美y').split(/\s+/).filter(Boolean)).toEqual(['x', '美', 'y']);
  });

  it('splits runs at punctuation and normalises full-width forms (NFKC)', () => {
    expect(segment('美国，中国').split(/\s+/).filter(Boolean)).toEqual(['美国', ',', '中国']);
    expect(segment('ＡＢＣ１２３').trim()).toBe('ABC123');
    expect(segment('ﾊﾝｶｸ').trim().split(/\s+/)).toEqual(['ハン', 'ンカ', 'カク']);
  });

  it('segments kana and Hangul like Han', () => {
    expect(segment('서울').trim()).toBe('서울');
    expect(segment('東京の').trim().split(/\s+/)).toEqual(['東京', '京の']);
  });
});

describe('searchDocument', () => {
  it('segments the title, and the excerpt with the text of the HTML body', () => {
    const doc = searchDocument({ title: '塔利班', excerpt: '摘要', html: '<p>阿富汗&amp;<b>局势</b></p>' });
    expect(doc.searchTitle.trim().split(/\s+/)).toEqual(['塔利', '利班']);
    expect(doc.searchBody.trim().split(/\s+/)).toEqual(['摘要', '阿富', '富汗', '局势']);
  });
});

describe('plainText', () => {
  it('drops tags and entities and caps the text at 100,000 code points', () => {
    expect(plainText('<p a="1">x&#39;y</p>')).toBe(' x y ');
    const long = '😀'.repeat(100_005);
    expect([...plainText(long)]).toHaveLength(100_000);
  });
});
