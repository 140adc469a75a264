import type { Article as ArticleRow } from '@pressroom/database';
import { parsePost, plainTextExcerpt, renderBody } from '@pressroom/frontmatter';
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
function created(fields: CreateArticleInput) {
  const html = renderBody(fields.body, fields.bodyFormat);
  return createdContent(fields, html, plainTextExcerpt(html));
}
function updated(current: ArticleRow, fields: UpdateArticleInput) {
  const next = changedBody(current, fields);
  const excerptOf = (html: string) => Promise.resolve(plainTextExcerpt(html));
  return updatedContent(current, fields, next && renderBody(next.body, next.bodyFormat), excerptOf);
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

  it('keeps the html of an unchanged body, and re-renders a changed one', async () => {
    const current = row({ body: 'One.' });
    expect((await updated(current, { title: 'New' })).html).toBe(current.html);
    expect((await updated(current, { body: '*Two*.' })).html).toContain('<em>Two</em>');
    const sanitised = await updated(current, { bodyFormat: 'HTML', body: '<script>x</script><p>ok</p>' });
    expect(sanitised.html).toBe('<p>ok</p>');
  });

  it('lets a derived excerpt follow the body but keeps a written one', async () => {
    expect((await updated(row({ body: 'Old.' }), { body: 'New.' })).excerpt).toBe('New.');
    expect((await updated(row({ body: 'Old.', excerpt: 'Mine.' }), { body: 'New.' })).excerpt).toBe('Mine.');
    expect((await updated(row({ body: 'Old.', excerpt: 'Mine.' }), { excerpt: null })).excerpt).toBe('Old.');
  });

  it('clears sourceUrl with null and leaves absent fields alone', async () => {
    const current = row({ sourceUrl: 'https://example.com/a', language: 'fr' });
    expect((await updated(current, {})).sourceUrl).toBe('https://example.com/a');
    expect((await updated(current, { sourceUrl: null })).sourceUrl).toBeNull();
    expect((await updated(current, { title: 'X' })).language).toBe('fr');
  });

  it('gives an edited article the language the import gives the same text', async () => {
    const french =
      'La marée est montée plus tôt que prévu cette année, bien au-dessus du mur du port, et les pêcheurs ' +
      "ont dû rentrer leurs bateaux avant l'aube pour ne pas les perdre dans la tempête qui venait du large. ";
    // A short first paragraph in another language, then the prose: the editor once read the
    // first paragraph only, the import the first 2,000 characters.
    const bodies = {
      MARKDOWN: `OK.\n\n${french.repeat(6)}\n\n\`\`\`\n${'const x = 1;\n'.repeat(300)}\`\`\``,
      HTML: `<html lang="pt-BR"><body><p>${french}</p></body></html>`,
    } as const;
    for (const [bodyFormat, body] of Object.entries(bodies) as [keyof typeof bodies, string][]) {
      const path = bodyFormat === 'HTML' ? 'maree.html' : 'maree.md';
      const imported = parsePost(new TextEncoder().encode(`---\ntitle: Marée\n---\n${body}`), { path });
      if (!imported.ok) throw new Error(imported.error.message);
      const edited = await updated(row({ body: 'Before.' }), { title: 'Marée', body, bodyFormat, language: null });
      expect(created(input({ title: 'Marée', body, bodyFormat })).language).toBe(imported.post.language);
      expect(edited.language).toBe(imported.post.language);
      expect(edited.language).toBe(bodyFormat === 'HTML' ? 'pt-br' : 'fr');
    }
  });
});
