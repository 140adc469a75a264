import type { Article as ArticleRow } from '@pressroom/database';
import { createdContent, updatedContent } from './article-content.js';
import type { CreateArticleInput } from './dto/create-article.input.js';

const input = (fields: Partial<CreateArticleInput>): CreateArticleInput => ({
  title: 'T',
  body: '',
  bodyFormat: 'MARKDOWN',
  ...fields,
});

function row(fields: Partial<CreateArticleInput>): ArticleRow {
  return { ...createdContent(input(fields)), slug: 't', status: 'DRAFT', version: 1 } as unknown as ArticleRow;
}

describe('article content', () => {
  it('renders the body and derives the excerpt and language', () => {
    const content = createdContent(
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
    expect(updatedContent(current, { title: 'New' }).html).toBe(current.html);
    expect(updatedContent(current, { body: '*Two*.' }).html).toContain('<em>Two</em>');
    expect(updatedContent(current, { bodyFormat: 'HTML', body: '<script>x</script><p>ok</p>' }).html).toBe('<p>ok</p>');
  });

  it('lets a derived excerpt follow the body but keeps a written one', () => {
    expect(updatedContent(row({ body: 'Old.' }), { body: 'New.' }).excerpt).toBe('New.');
    expect(updatedContent(row({ body: 'Old.', excerpt: 'Mine.' }), { body: 'New.' }).excerpt).toBe('Mine.');
    expect(updatedContent(row({ body: 'Old.', excerpt: 'Mine.' }), { excerpt: null }).excerpt).toBe('Old.');
  });

  it('clears sourceUrl with null and leaves absent fields alone', () => {
    const current = row({ sourceUrl: 'https://example.com/a', language: 'fr' });
    expect(updatedContent(current, {}).sourceUrl).toBe('https://example.com/a');
    expect(updatedContent(current, { sourceUrl: null }).sourceUrl).toBeNull();
    expect(updatedContent(current, { title: 'X' }).language).toBe('fr');
  });
});
