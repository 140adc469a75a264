import { plainText, searchDocument, splitIndexText } from './search-document.js';

/** A binary tsvector (tsvectorrecv's format) read back: each lexeme with its positions. */
function entries(binary: Uint8Array): [string, number[]][] {
  const view = new DataView(binary.buffer, binary.byteOffset, binary.byteLength);
  const out: [string, number[]][] = [];
  let at = 4;
  for (let i = view.getInt32(0); i > 0; i--) {
    const end = binary.indexOf(0, at);
    const lexeme = Buffer.from(binary.subarray(at, end)).toString('utf8');
    const count = view.getUint16(end + 1);
    at = end + 3;
    const positions = Array.from({ length: count }, (_, k) => view.getUint16(at + 2 * k));
    at += 2 * count;
    out.push([lexeme, positions]);
  }
  expect(at).toBe(binary.length);
  return out;
}

/** The vector's lexemes in position order. */
function grams(binary: Uint8Array): string[] {
  const at = entries(binary).flatMap(([gram, positions]) => positions.map((p) => [p, gram] as const));
  return at.sort((a, b) => a[0] - b[0]).map(([, gram]) => gram);
}
const words = (text: string) => splitIndexText(text).words.split(/\s+/).filter(Boolean);
const bigramsOf = (text: string) => grams(splitIndexText(text).bigrams);

describe('splitIndexText', () => {
  it('turns each CJK run into overlapping bigrams and leaves other text to the word parser', () => {
    expect(bigramsOf('王毅与布林肯')).toEqual(['王毅', '毅与', '与布', '布林', '林肯']);
    expect(bigramsOf('CCTV新闻联播 running')).toEqual(['新闻', '闻联', '联播']);
    expect(words('CCTV新闻联播 running')).toEqual(['CCTV', 'running']);
  });

  it('numbers positions across runs and lists a repeated bigram at each of them', () => {
    expect(entries(splitIndexText('美国 and 美国人').bigrams)).toEqual([
      ['国人', [3]],
      ['美国', [1, 2]],
    ]);
  });

  it('orders lexemes as PostgreSQL does (UTF-8 bytes, a prefix first), so it need not sort them', () => {
    const lexemes = entries(splitIndexText('美国，美，国').bigrams).map(([gram]) => gram);
    expect(lexemes).toEqual(['国', '美', '美国']);
    expect(entries(splitIndexText('').bigrams)).toEqual([]);
  });

  it('keeps a lone CJK character as itself', () => {
    expect(bigramsOf('x美y')).toEqual(['美']);
    expect(words('x美y')).toEqual(['x', 'y']);
  });

  it('splits runs at punctuation, kana punctuation included, and normalises full-width forms (NFKC)', () => {
    expect(bigramsOf('美国，中国')).toEqual(['美国', '中国']);
    expect(bigramsOf('アン・イン')).toEqual(['アン', 'イン']);
    expect(words('ＡＢＣ１２３')).toEqual(['ABC123']);
    expect(bigramsOf('ﾊﾝｶｸ')).toEqual(['ハン', 'ンカ', 'カク']);
  });

  it('segments kana and Hangul like Han', () => {
    expect(bigramsOf('서울')).toEqual(['서울']);
    expect(bigramsOf('東京の')).toEqual(['東京', '京の']);
  });

  it('stops positions at 16383 and keeps the first 256 per bigram, as tsvector input does', () => {
    const [[, positions]] = entries(splitIndexText('中'.repeat(20_000)).bigrams) as [[string, number[]]];
    expect(positions).toHaveLength(256);
    expect(new Map(entries(splitIndexText(`${'甲乙'.repeat(9_000)}丙丁`).bigrams)).get('丙丁')).toEqual([16383]);
  });

  it('gives each text the same vector whatever was encoded before it (its working arrays are reused)', () => {
    const texts = ['世界'.repeat(5_000), '东西南北中', '', '中'.repeat(9_000) + '国', '乙甲丙'.repeat(700), '西东'];
    const forwards = texts.map((t) => Buffer.from(splitIndexText(t).bigrams).toString('hex'));
    const backwards = [...texts].reverse().map((t) => Buffer.from(splitIndexText(t).bigrams).toString('hex'));
    expect(backwards.reverse()).toEqual(forwards);
    expect(entries(splitIndexText('西东').bigrams)).toEqual([['西东', [1]]]);
    expect(entries(splitIndexText('乙甲丙乙甲').bigrams)).toEqual([
      ['丙乙', [3]],
      ['乙甲', [1, 4]],
      ['甲丙', [2]],
    ]);
  });
});

describe('searchDocument', () => {
  it('splits the title, and the excerpt with the text of the HTML body', () => {
    const doc = searchDocument({ title: '塔利班 talks', excerpt: '摘要', html: '<p>阿富汗&amp;<b>局势</b></p>' });
    expect(grams(doc.titleBigrams)).toEqual(['塔利', '利班']);
    expect(doc.titleWords.trim()).toBe('talks');
    expect(grams(doc.bodyBigrams)).toEqual(['摘要', '阿富', '富汗', '局势']);
  });
});

describe('plainText', () => {
  it('is the text a reader sees (htmlToText), capped at 100,000 code points', () => {
    expect(plainText('<p a="1">x&#39;y</p><p><b>in</b>line</p>')).toBe("x'y inline");
    const long = '😀'.repeat(100_005);
    expect([...plainText(long)]).toHaveLength(100_000);
  });
});
