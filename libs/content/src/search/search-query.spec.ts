import { parseSearch } from './search-query.js';

describe('parseSearch', () => {
  it.each([
    ['塔利班', "('塔利' & '利班')", ['塔利班']],
    ['美国', "('美国')", ['美国']],
    ['美', "('美':*)", ['美']],
    ['harbour flooding', "('harbour') & ('flooding')", ['harbour', 'flooding']],
    ['"seawall study"', "('seawall' <-> 'study')", ['seawall', 'study']],
    ['"布林肯 通话"', "('布林' <-> '林肯' <-> '通话')", ['布林肯', '通话']],
    ['"iPhone 15 发布会"', "('iphone' <-> '15' & '发布' <-> '布会')", ['iphone', '15', '发布会']],
    ['阿富汗 -布林肯', "('阿富' & '富汗') & !('布林' & '林肯')", ['阿富汗']],
    ['ferry OR 渡轮 news', "(('ferry') | ('渡轮')) & ('news')", ['ferry', '渡轮', 'news']],
    ['CCTV新闻', "('cctv' & '新闻')", ['cctv', '新闻']],
    ["it's", "('it' & 's')", ['it', 's']],
  ])('%s -> %s', (input, tsquery, terms) => {
    expect(parseSearch(input)).toEqual({ tsquery, terms, monotone: !input.includes('-') });
  });

  it('is monotone unless a term is excluded', () => {
    expect(parseSearch('阿富汗 "布林肯 通话" OR x')?.monotone).toBe(true);
    expect(parseSearch('阿富汗 -布林肯')?.monotone).toBe(false);
    expect(parseSearch('-"x y" z')?.monotone).toBe(false);
    expect(parseSearch('"-x" y')?.monotone).toBe(true);
  });

  it('quotes what to_tsquery would otherwise read as syntax', () => {
    expect(parseSearch("a'b\\c & | ! ( ) :*")?.tsquery).toBe("('a' & 'b' & 'c')");
  });

  it('returns null when nothing searchable is left', () => {
    expect(parseSearch('!!! ...')).toBeNull();
    expect(parseSearch('-only')).toBeNull();
    expect(parseSearch('OR')).toBeNull();
  });

  it('keeps at most 20 terms', () => {
    const parsed = parseSearch(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '));
    expect(parsed?.terms).toHaveLength(20);
  });
});
