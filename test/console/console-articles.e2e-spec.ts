import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import {
  describeInBrowser,
  launchChromium,
  listen,
  openConsole,
  screenshot,
  signIn,
} from '../support/console-browser.js';

const CREATE = `mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id version } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateArticleInput!, $v: Int!) {
  updateArticle(id: $id, input: $input, expectedVersion: $v) { version } }`;

describeInBrowser('console-articles.e2e-spec')('articles in the console', () => {
  let app: INestApplication;
  let browser: Browser;
  let origin: string;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp();
    origin = await listen(app);
    browser = await launchChromium();
  }, 60_000);
  beforeEach(async () => {
    await resetDb(app);
    token = await createToken(app, 'EDITOR', 'desk');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function editorFor(id: string): Promise<{ page: Page; problems: string[] }> {
    const tab = await openConsole(browser, origin);
    await signIn(tab.page, token);
    await tab.page.goto(`${origin}/console/#/articles/${id}`);
    await tab.page.locator('table.revisions').waitFor();
    return tab;
  }

  const confirm = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  const rows = (page: Page) => page.locator('table.articles tbody tr td:first-child > a').allTextContents();

  it('finds Chinese text with search, the match highlighted', async () => {
    await createArticle(app, {
      title: '新渡轮时刻表五月起实行',
      html: '<p>港务局宣布，新的渡轮时刻表将于五月一日起实行。</p>',
      language: 'zh',
    });
    await createArticle(app, { title: 'Harbour wall repaired', html: '<p>The council repaired the wall.</p>' });
    const { page, problems } = await openConsole(browser, origin);
    await signIn(page, token);
    await page.locator('table.articles tbody tr').nth(1).waitFor();

    await page.getByLabel('Search').fill('渡轮时刻表');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1–1 of 1').waitFor();

    expect(await rows(page)).toEqual(['新渡轮时刻表五月起实行']);
    expect(await page.locator('.snippet mark').first().textContent()).toContain('渡轮');
    await screenshot(page, 'search-chinese');
    expect(problems).toEqual([]);
  });

  it('filters by status and tag, and pages through with cursors', async () => {
    const ferry = await createTag(app, { slug: 'ferry', name: 'Ferry' });
    for (let i = 1; i <= 23; i++) await createArticle(app, { title: `Published ${i}` });
    await createArticle(app, { title: 'A draft', status: 'DRAFT', publishedAt: null, tags: [ferry] });
    await createArticle(app, { title: 'Ferry news', tags: [ferry] });
    const { page } = await openConsole(browser, origin);
    await signIn(page, token);
    await page.getByText('1–20 of 25').waitFor();
    await screenshot(page, 'articles');

    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByText('21–25 of 25').waitFor();
    expect(await rows(page)).toHaveLength(5);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.getByText('1–20 of 25').waitFor();

    await page.getByLabel('Status').selectOption('DRAFT');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1–1 of 1').waitFor();
    expect(await rows(page)).toEqual(['A draft']);

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Tag slug').fill('ferry');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByText('1–2 of 2').waitFor();
    expect((await rows(page)).sort()).toEqual(['A draft', 'Ferry news']);
  });

  it('edits a draft (fields, a tag from the picker), saves it, then publishes it after asking', async () => {
    await createTag(app, { slug: 'harbour', name: 'Harbour' });
    const article = await createArticle(app, {
      title: 'Draft title',
      body: 'Old body',
      status: 'DRAFT',
      publishedAt: null,
    });
    const { page, problems } = await editorFor(article.id);

    await page.getByLabel('Title', { exact: true }).fill('Harbour wall repaired');
    await page.getByLabel('Body', { exact: true }).fill('# Repaired\n\nThe wall is whole again.');
    await page.getByRole('combobox', { name: /Tags and categories/ }).fill('Harb');
    await page.getByRole('group', { name: 'Tags and categories' }).getByRole('button', { name: 'Add' }).click();
    await page.getByRole('button', { name: 'Remove Harbour' }).waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await expect(page.locator('.meta').textContent()).resolves.toContain('Version 2 · Draft');
    await expect(page.frameLocator('iframe.preview').locator('h1').textContent()).resolves.toBe('Repaired');

    await page.getByRole('button', { name: 'Publish now' }).click();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('Publish "Harbour wall repaired" now?');
    await confirm(page);
    await page.locator('.meta', { hasText: 'Version 3 · Published' }).waitFor();
    await screenshot(page, 'editor');

    const saved = await app.get(PrismaService).article.findUniqueOrThrow({
      where: { id: article.id },
      include: { tags: { include: { tag: true } } },
    });
    expect(saved).toMatchObject({ title: 'Harbour wall repaired', status: 'PUBLISHED', version: 3 });
    expect(saved.body).toBe('# Repaired\n\nThe wall is whole again.');
    expect(saved.tags.map((t) => t.tag.slug)).toEqual(['harbour']);
    expect(problems).toEqual([]);
  });

  it('asks before leaving unsaved edits, and a save sends only the fields changed (CRLF bodies kept)', async () => {
    const article = await createArticle(app, { title: 'Old title', body: 'first line\r\nsecond line\r\n' });
    const { page } = await editorFor(article.id);

    await page.getByLabel('Title', { exact: true }).fill('New title');
    await page.getByRole('link', { name: 'Back to articles' }).click();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('You have unsaved changes.');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect(page.url()).toMatch(new RegExp(`#/articles/${article.id}$`));
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('New title');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    const saved = await app.get(PrismaService).article.findUniqueOrThrow({ where: { id: article.id } });
    expect(saved).toMatchObject({ title: 'New title', body: 'first line\r\nsecond line\r\n' });

    await page.getByRole('link', { name: 'Back to articles' }).click(); // nothing unsaved: no question
    await page.waitForURL(/#\/articles$/);
  });

  it('does nothing when the publish question is cancelled', async () => {
    const article = await createArticle(app, { title: 'Not yet', status: 'DRAFT', publishedAt: null });
    const { page } = await editorFor(article.id);

    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const after = await app.get(PrismaService).article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.status).toBe('DRAFT');
  });

  it('schedules, unpublishes, archives and deletes, each after asking', async () => {
    const article = await createArticle(app, { title: 'Tide tables' });
    const { page, problems } = await editorFor(article.id);
    const prisma = app.get(PrismaService);

    // The reader's wall clock (Europe/London, GMT in January) is what the field means.
    await page.getByLabel('Publish at').fill('2030-01-15T09:30');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain(
      'Schedule "Tide tables" for 15 Jan 2030, 09:30 GMT?',
    );
    await confirm(page);
    await page.locator('.meta', { hasText: 'Scheduled for 15 Jan 2030, 09:30 GMT' }).waitFor();
    expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      status: 'PUBLISHED',
      publishedAt: new Date('2030-01-15T09:30:00Z'),
    });

    await page.getByRole('button', { name: 'Unpublish' }).click();
    await confirm(page);
    await page.locator('.meta', { hasText: 'Draft' }).waitFor();
    await page.getByRole('button', { name: 'Archive' }).click();
    await confirm(page);
    await page.locator('.meta', { hasText: 'Archived' }).waitFor();
    expect((await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe('ARCHIVED');

    await page.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('dialog').textContent()).resolves.toContain('This cannot be undone.');
    await confirm(page);
    await page.waitForURL(/#\/articles$/);
    expect(await prisma.article.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows a save that another tab made first, then reloads theirs or overwrites knowingly', async () => {
    const article = await createArticle(app, { title: 'Ferry times', body: 'Draft body' });
    const first = await editorFor(article.id);
    const second = await editorFor(article.id);

    await second.page.getByLabel('Title', { exact: true }).fill('Ferry times (their title)');
    await second.page.getByRole('button', { name: 'Save', exact: true }).click();
    await second.page.getByText('Saved.').waitFor();

    await first.page.getByLabel('Body', { exact: true }).fill('My body');
    await first.page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = first.page.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('CONFLICT');
    expect(await conflict.textContent()).toContain('Someone saved version 2 of this article');
    await screenshot(first.page, 'conflict');

    await first.page.getByRole('button', { name: 'Load their version (discard mine)' }).click();
    await first.page.locator('.meta', { hasText: 'Version 2' }).waitFor();
    expect(await first.page.getByLabel('Title', { exact: true }).inputValue()).toBe('Ferry times (their title)');
    expect(await first.page.getByLabel('Body', { exact: true }).inputValue()).toBe('Draft body');

    await second.page.getByLabel('Body', { exact: true }).fill('Their body');
    await second.page.getByRole('button', { name: 'Save', exact: true }).click();
    await second.page.locator('.meta', { hasText: 'Version 3' }).waitFor();
    await first.page.getByLabel('Body', { exact: true }).fill('My body, again');
    await first.page.getByRole('button', { name: 'Save', exact: true }).click();
    await first.page.getByRole('button', { name: 'Save mine over theirs' }).click();
    await first.page.locator('.meta', { hasText: 'Version 4' }).waitFor();

    const saved = await app.get(PrismaService).article.findUniqueOrThrow({ where: { id: article.id } });
    // Only the field this tab changed is overwritten; their title stays.
    expect(saved).toMatchObject({ title: 'Ferry times (their title)', body: 'My body, again', version: 4 });
    expect(first.problems).toEqual([]);
  });

  it('compares two revisions line by line and restores an old one as a new version', async () => {
    const { data } = await gql(
      app,
      CREATE,
      { input: { title: 'Storm', body: 'line one\nline two\nline three' } },
      token,
    );
    const id = data!.createArticle.id as string;
    await gql(app, UPDATE, { id, input: { body: 'line one\nline 2\nline three' }, v: 1 }, token);
    await gql(app, UPDATE, { id, input: { title: 'Storm Imogen' }, v: 2 }, token);
    const { page, problems } = await editorFor(id);

    expect(await page.locator('table.revisions tbody tr').count()).toBe(3);
    await page.getByRole('radio', { name: 'Compare from 1' }).check();
    await page.getByRole('radio', { name: 'Compare to 3' }).check();
    await page.getByRole('button', { name: 'Compare selected' }).click();

    const diff = page.locator('.diff-view');
    await diff.waitFor();
    await expect(diff.locator('h3').textContent()).resolves.toBe('Changes from version 1 to version 3');
    // Title, then the excerpt (derived from the body), then the body's one changed line.
    expect(await diff.locator('del').allTextContents()).toEqual([
      '- Storm\n',
      '- line one line two line three\n',
      '- line two\n',
    ]);
    expect(await diff.locator('ins').allTextContents()).toEqual([
      '+ Storm Imogen\n',
      '+ line one line 2 line three\n',
      '+ line 2\n',
    ]);
    expect(await diff.locator('.diff-same').allTextContents()).toEqual(['  line one\n', '  line three\n']);
    await screenshot(page, 'revisions');

    await page.getByRole('button', { name: 'Restore 1' }).click();
    await confirm(page);
    await page.locator('.meta', { hasText: 'Version 4' }).waitFor();
    expect(await page.getByLabel('Body', { exact: true }).inputValue()).toBe('line one\nline two\nline three');
    await page.getByRole('button', { name: 'Restore 4' }).waitFor(); // the list reloads after the restore
    expect(await page.locator('table.revisions tbody tr').count()).toBe(4);
    const saved = await app.get(PrismaService).article.findUniqueOrThrow({ where: { id } });
    expect(saved).toMatchObject({ title: 'Storm', body: 'line one\nline two\nline three', version: 4 });
    expect(problems).toEqual([]);
  });
});
