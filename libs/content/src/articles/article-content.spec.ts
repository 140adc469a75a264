import type { Article as ArticleRow } from '@pressroom/database';
import { renderBody } from '@pressroom/frontmatter';
import { changedBody, createdContent, updatedContent } from './article-content.js';
import type { CreateArticleInput } from './dto/create-article.input.js';
import type { UpdateArticleInput } from './dto/update-article.input.js';

const input = (fields: Partial<CreateArticleInput>): CreateArticleInput => ({
  title: 'T',
  body: '',
  bodyFormat: 'MARKDOWN',
  ...fields,
});

// As ArticleEditingService does, with the renderer inline instead of on BodyRenderer's thread.
const created = (fields: CreateArticleInput) => createdContent(fields, renderBody(fields.body, fields.bodyFormat));
function updated(current: ArticleRow, fields: UpdateArticleInput) {
  const next = changedBody(current, fields);
  return updatedContent(current, fields, next && renderBody(next.body, next.bodyFormat));
}

function row(fields: Partial<CreateArticleInput>): ArticleRow {
  return { ...created(input(fields)), slug: 't', status: 'DRAFT', version: 1 } as unknown as ArticleRow;
}

describe('article content', () => {
  it('renders the body and derives the excerpt and language', () => {
    const content = created(
      input({
        title: ' Tide ',
        body: 'The **king tide** came in early this year, higher than the harbour wall.\n\nMore.',
      }),
    );
    expect(content.title).toBe('Tide');
    expect(content.html).toContain('<strong>king tide</strong>');
    expect(content.excerpt).toBe('The king tide came in early this year, higher than the harbour wall.');
    expect(content.language).toBe('en');
  });

  it('keeps the html of an unchanged body, and re-renders a changed one', () => {
    const current = row({ body: 'One.' });
    expect(updated(current, { title: 'New' }).html).toBe(current.html);
    expect(updated(current, { body: '*Two*.' }).html).toContain('<em>Two</em>');
    expect(updated(current, { bodyFormat: 'HTML', body: '<script>x</script><p>ok</p>' }).html).toBe('<p>ok</p>');
  });

  it('lets a derived excerpt follow the body but keeps a written one', () => {
    expect(updated(row({ body: 'Old.' }), { body: 'New.' }).excerpt).toBe('New.');
    expect(updated(row({ body: 'Old.', excerpt: 'Mine.' }), { body: 'New.' }).excerpt).toBe('Mine.');
    expect(updated(row({ body: 'Old.', excerpt: 'Mine.' }), { excerpt: null }).excerpt).toBe('Old.');
  });

  it('clears sourceUrl with null and leaves absent fields alone', () => {
    const current = row({ sourceUrl: 'https://example.com/a', language: 'fr' });
    expect(updated(current, {}).sourceUrl).toBe('https://example.com/a');
    expect(updated(current, { sourceUrl: null }).sourceUrl).toBeNull();
    expect(updated(current, { title: 'X' }).language).toBe('fr');
  });
});
