import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import type { Browser } from 'playwright-core';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import {
  describeInBrowser,
  launchChromium,
  listen,
  openConsole,
  screenshot,
  signIn,
} from '../support/console-browser.js';

describeInBrowser('console-admin.e2e-spec')('tags, authors, tokens and languages in the console', () => {
  let app: INestApplication;
  let browser: Browser;
  let origin: string;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp();
    origin = await listen(app);
    browser = await launchChromium();
  }, 60_000);
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN', 'chief');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('merges one tag into another after saying how many articles each side has', async () => {
    const ferry = await createTag(app, { slug: 'ferry', name: 'Ferry' });
    const ferries = await createTag(app, { slug: 'ferries', name: 'Ferries' });
    await createArticle(app, { tags: [ferry] });
    await createArticle(app, { tags: [ferry] });
    await createArticle(app, { tags: [ferries] });
    const { page, problems } = await openConsole(browser, origin);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Tags' }).click();

    await page.getByLabel('Merge away (deleted)').selectOption({ label: 'Ferries (tag, 1 articles)' });
    await page.getByLabel('Into').selectOption({ label: 'Ferry (tag, 2 articles)' });
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(
      'Move the 1 articles of "Ferries" to "Ferry" (2 articles) and delete "Ferries"?',
    );
    await screenshot(page, 'tag-merge');
    await dialog.getByRole('button', { name: 'Merge' }).click();

    await page.getByText('"Ferries" was merged into "Ferry", which now has 3 articles.').waitFor();
    await expect(page.locator('td[data-articles="ferry"]').textContent()).resolves.toBe('3');
    expect(await app.get(PrismaService).tag.findMany({ select: { slug: true } })).toEqual([{ slug: 'ferry' }]);
    expect(problems).toEqual([]);
  });

  it('edits an author in place', async () => {
    await createAuthor(app, { slug: 'ana', name: 'Ana R.' });
    const { page } = await openConsole(browser, origin);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Authors' }).click();

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Ana Ribeiro');
    await page.getByLabel('Bio').fill('Harbour reporter');
    await page.getByRole('button', { name: 'Save' }).click();
    // The list again, drawn after the save (the edit row's field held the name too).
    await page.locator('form.inline-edit').waitFor({ state: 'detached' });
    await page.locator('table.authors tbody td', { hasText: /^Ana Ribeiro$/ }).waitFor();

    const author = await app.get(PrismaService).author.findUniqueOrThrow({ where: { slug: 'ana' } });
    expect(author).toMatchObject({ name: 'Ana Ribeiro', bio: 'Harbour reporter' });
  });

  it('creates a token whose secret is shown once with a copy button, then revokes it', async () => {
    const { page, problems } = await openConsole(browser, origin);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Tokens' }).click();

    await page.getByLabel('Name', { exact: true }).fill('ci-bot');
    await page.getByLabel('Role').selectOption('EDITOR');
    await page.getByRole('button', { name: 'Create' }).click();
    const secret = await page.locator('input.secret').inputValue();
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await screenshot(page, 'tokens');
    expect((await gql(app, '{ viewer { role name } }', {}, secret)).data).toEqual({
      viewer: { role: 'EDITOR', name: 'ci-bot' },
    });

    await page.getByRole('button', { name: 'Revoke ci-bot' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(
      page.locator('tr[data-token="ci-bot"] .token-state', { hasText: 'Revoked' }).textContent(),
    ).resolves.toContain('Revoked');
    const after = await gql(app, '{ viewer { role name } }', {}, secret);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The secret was shown once: a reload does not bring it back.
    await page.reload();
    await page.locator('tr[data-token="ci-bot"]').waitFor();
    expect(await page.locator('input.secret').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('names every field and button on every screen, for screen readers and getByLabel alike', async () => {
    await createTag(app);
    await createAuthor(app);
    const created = await gql(app, 'mutation { createArticle(input: { title: "Labelled" }) { id } }', {}, admin);
    const article = created.data!.createArticle as { id: string }; // with a revision, so every table has a row
    await app.get(PrismaService).importJob.create({ data: { source: 'upload', status: 'SUCCEEDED' } });
    const { page, problems } = await openConsole(browser, origin);
    await signIn(page, admin);
    // Controls with no label, aria-label or aria-labelledby, and buttons with no text or aria-label.
    const unnamed = `[...document.querySelectorAll('main input, main select, main textarea, main button')]
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') ||
        (el.tagName === 'BUTTON' && el.textContent.trim())))
      .map((el) => el.outerHTML)`;

    for (const screen of ['articles', `articles/${article.id}`, 'tags', 'authors', 'imports', 'tokens']) {
      await page.goto(`${origin}/console/#/${screen}`);
      await page.locator('main table tbody tr').first().waitFor();
      expect({ screen, unnamed: await page.evaluate(unnamed) }).toEqual({ screen, unnamed: [] });
    }
    expect(problems).toEqual([]);
  });

  it('speaks Simplified Chinese to a zh-CN browser, dates in its zone, and switches to English', async () => {
    await createArticle(app, { title: '新渡轮时刻表', publishedAt: new Date('2026-01-15T04:00:00Z') });
    const { page, problems } = await openConsole(browser, origin, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await signIn(page, admin, 'API 令牌', '登录');

    expect(await page.locator('header.top nav a').allTextContents()).toEqual(['文章', '标签', '作者', '导入', '令牌']);
    await expect(page.locator('header .zone').textContent()).resolves.toBe('时间以 Asia/Shanghai 显示');
    const published = page.locator('table.articles tbody tr td').nth(5);
    await published.waitFor();
    expect(await published.textContent()).toMatch(/2026.*1.*15.*12:00|12:00.*2026/);
    expect(await published.textContent()).toContain('GMT+8');
    await expect(page.locator('table.articles th').first().textContent()).resolves.toBe('标题');
    await screenshot(page, 'articles-zh');

    await page.goto(`${origin}/console/#/articles/00000000-0000-4000-8000-000000000000`);
    await expect(page.locator('.banner .error').textContent()).resolves.toMatch(/^未找到.*NOT_FOUND$/);

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'Articles' }).waitFor();
    await page.reload();
    await page.getByRole('link', { name: 'Articles' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(problems).toEqual([]);
  });
});
