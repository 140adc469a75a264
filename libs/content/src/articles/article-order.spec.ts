import { articleOrder } from './article-order.js';
import { keysetSql, orderBySql, splitKeysetSql } from './article-order.sql.js';
import { ArticleOrderField, SortDirection } from './dto/articles.args.js';

const id = '00000000-0000-4000-8000-000000000001';

describe('article order and keyset', () => {
  const newest = articleOrder(undefined);

  it('orders by the field, then id, in one direction; reversed for backward pages', () => {
    expect(orderBySql(newest, false).text).toBe('a."publishedAt" DESC NULLS LAST, a.id DESC');
    expect(orderBySql(newest, true).text).toBe('a."publishedAt" ASC NULLS FIRST, a.id ASC');
  });

  it('seeks with a row comparison when no NULL can follow', () => {
    const sql = keysetSql(newest, ['2025-01-01T00:00:00.000Z', id], true);
    expect(sql.text).toBe('(a."publishedAt", a.id) > ($1::timestamptz, $2::uuid)');
    expect(sql.values).toEqual(['2025-01-01T00:00:00.000Z', id]);
  });

  it('treats NULL as earlier than any date, in both directions', () => {
    expect(keysetSql(newest, [null, id], false).text).toBe(
      '((FALSE) OR (a."publishedAt" IS NULL AND a.id < $1::uuid))',
    );
    expect(keysetSql(newest, [null, id], true).text).toBe(
      '((a."publishedAt" IS NOT NULL) OR (a."publishedAt" IS NULL AND a.id > $1::uuid))',
    );
    expect(keysetSql(newest, ['2025-01-01T00:00:00.000Z', id], false).text).toBe(
      '(((a."publishedAt" < $1::timestamptz OR a."publishedAt" IS NULL)) OR (a."publishedAt" = $2::timestamptz AND a.id < $3::uuid))',
    );
  });

  it('splits newest-first after a dated cursor into a seek among the dated and the undated after them', () => {
    const [dated, undated] = splitKeysetSql(newest, ['2025-01-01T00:00:00.000Z', id], false)!;
    expect(dated.text).toBe('(a."publishedAt", a.id) < ($1::timestamptz, $2::uuid)');
    expect(dated.values).toEqual(['2025-01-01T00:00:00.000Z', id]);
    expect(undated.text).toBe('a."publishedAt" IS NULL');
  });

  it('does not split where one condition already seeks, or after an undated cursor', () => {
    expect(splitKeysetSql(newest, ['2025-01-01T00:00:00.000Z', id], true)).toBeNull();
    expect(splitKeysetSql(newest, [null, id], false)).toBeNull();
    expect(splitKeysetSql(newest, null, false)).toBeNull();
    const title = articleOrder({ field: ArticleOrderField.TITLE, direction: SortDirection.DESC });
    expect(splitKeysetSql(title, ['B', id], false)).toBeNull();
    const oldest = articleOrder({ field: ArticleOrderField.PUBLISHED_AT, direction: SortDirection.ASC });
    expect(splitKeysetSql(oldest, ['2025-01-01T00:00:00.000Z', id], true)).not.toBeNull();
  });

  it('does not page anything for the first page', () => {
    expect(keysetSql(newest, null, false).text).toBe('TRUE');
  });

  it('sorts by title or updatedAt with the same tie-break', () => {
    const title = articleOrder({ field: ArticleOrderField.TITLE, direction: SortDirection.ASC });
    expect(orderBySql(title, false).text).toBe('a.title ASC, a.id ASC');
    expect(keysetSql(title, ['B', id], false).text).toBe('(a.title, a.id) > ($1::text, $2::uuid)');
  });
});
