import { detectLanguage } from './detect-language.js';

describe('detectLanguage', () => {
  it('says zh when Han characters dominate, even with Latin mixed in', () => {
    expect(
      detectLanguage(
        '王毅与布林肯通话：各方有必要同塔利班进行接触。CNA 报道，中国国务委员兼外长王毅昨天与美国国务卿布林肯通电话',
      ),
    ).toBe('zh');
  });

  it('tells Japanese and Korean by their scripts', () => {
    expect(detectLanguage('これは日本語の文章です。東京都は今日、新しい計画を発表しました。')).toBe('ja');
    expect(detectLanguage('이것은 한국어 문장입니다. 서울시는 오늘 새로운 계획을 발표했습니다.')).toBe('ko');
  });

  it('maps franc results to ISO 639-1', () => {
    expect(
      detectLanguage(
        'We are pleased to announce the release of Ruby 2.6.0. It introduces a number of new features and performance improvements.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'Nous avons le plaisir d’annoncer la sortie de Ruby 2.0.0. Cette version contient des correctifs de sécurité importants.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Wir freuen uns, die Veröffentlichung von Ruby 2.7.0 bekannt zu geben. Sie enthält eine Reihe neuer Funktionen.',
      ),
    ).toBe('de');
    expect(
      detectLanguage(
        'Nos complace anunciar la publicación de Ruby 2.7.0. Esta versión incluye varias características nuevas y mejoras.',
      ),
    ).toBe('es');
  });

  it('returns null when there is too little text to tell', () => {
    expect(detectLanguage('Overview')).toBeNull();
    expect(detectLanguage('1234 5678 !!!')).toBeNull();
    expect(detectLanguage('')).toBeNull();
  });
});
