import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import type { Browser, Page } from 'playwright-core';
import { zipOf } from '../support/archives.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { post } from '../support/temp-folder.js';
import {
  describeInBrowser,
  launchChromium,
  listen,
  openConsole,
  screenshot,
  signIn,
} from '../support/console-browser.js';

describeInBrowser('console-imports.e2e-spec')('imports in the console', () => {
  let app: INestApplication;
  let browser: Browser;
  let origin: string;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    app = await createTestApp({ importWorker: true });
    origin = await listen(app);
    browser = await launchChromium();
  }, 60_000);
  beforeEach(async () => {
    await resetDb(app);
    ({ page, problems } = await openConsole(browser, origin));
    await signIn(page, await createToken(app, 'ADMIN'));
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('uploads an archive, watches the job to its end and lists its failed files and warnings', async () => {
    const zip = await zipOf({
      '_posts/2024-05-01-ferry.md': post('title: Ferry timetable\ntags: [ferry]'),
      '_posts/2024-05-02-wall.md': post('title: Harbour wall'),
      '_posts/2024-05-03-broken.md': '---\ntitle: [broken\n---\nBody\n',
      '_posts/2024-05-04-notes.md': 'Just notes, no header.\n',
    });
    await page.getByRole('link', { name: 'Imports' }).click();
    await page
      .getByLabel('Posts or one archive')
      .setInputFiles({ name: 'site.zip', mimeType: 'application/zip', buffer: zip });
    await page.getByLabel('Status of posts whose header does not say').selectOption('DRAFT');
    await page.getByRole('button', { name: 'Start import' }).click();

    await page.waitForURL(/#\/imports\/[0-9a-f-]{36}$/);
    await page.locator('.job-meta .job-partial').waitFor({ timeout: 30_000 });
    const count = (name: string) => page.locator(`dd[data-count="${name}"]`).textContent();
    expect(await count('total')).toBe('4');
    expect(await count('created')).toBe('3');
    expect(await count('failed')).toBe('1');
    const table = page.locator('table.problems tbody tr');
    expect(await table.count()).toBe(2);
    const failed = await table.filter({ hasText: 'broken.md' }).locator('td').allTextContents();
    expect(failed[0]).toBe('error');
    expect(failed[1]).toBe('_posts/2024-05-03-broken.md');
    expect(Number(failed[2])).toBeGreaterThan(0);
    expect(failed[3]).toContain('INVALID_YAML');
    await screenshot(page, 'import-report');

    await page.getByLabel('Filter by path or message').fill('notes');
    expect(await table.allTextContents()).toEqual([expect.stringContaining('no front matter')]);
    await page.getByLabel('Filter by path or message').fill('');
    await page.getByLabel('Type', { exact: true }).selectOption('error');
    expect(await table.count()).toBe(1);

    await page.getByRole('link', { name: 'Back to imports' }).click();
    await expect(page.locator('table.jobs tbody tr').first().textContent()).resolves.toContain('partly failed');
    await screenshot(page, 'imports');
    const drafts = await app.get(PrismaService).article.count({ where: { status: 'DRAFT' } });
    expect(drafts).toBe(3);
    expect(problems).toEqual([]);
  });

  it('polls a running job every second: files done of total, rate and time left, until it ends', async () => {
    const prisma = app.get(PrismaService);
    const job = await prisma.importJob.create({
      data: {
        source: 'upload',
        status: 'RUNNING',
        total: 200,
        processed: 50,
        startedAt: new Date(Date.now() - 10_000),
      },
    });
    const polls: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/admin/imports/${job.id}`)) polls.push(r.method());
    });
    await page.goto(`${origin}/console/#/imports/${job.id}`);

    const progress = page.locator('.progress p');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/^50 of 200 files · [\d.]+ files\/s · about \d+ s left$/);
    await screenshot(page, 'import-progress');
    await prisma.importJob.update({ where: { id: job.id }, data: { processed: 120 } });
    await page.getByText('120 of 200 files').waitFor();
    await prisma.importJob.update({
      where: { id: job.id },
      data: { status: 'SUCCEEDED', processed: 200, created: 200, finishedAt: new Date() },
    });
    await page.locator('dd[data-count="created"]', { hasText: '200' }).waitFor();
    const seen = polls.length;
    await page.waitForTimeout(2_500);

    expect(seen).toBeGreaterThanOrEqual(3);
    expect(polls.length).toBe(seen); // a finished job is not asked again
    expect(problems).toEqual([]);
  });

  it('keeps the job list current while a job on it runs', async () => {
    const prisma = app.get(PrismaService);
    const job = await prisma.importJob.create({
      data: { source: 'upload', status: 'RUNNING', total: 10, processed: 2, startedAt: new Date() },
    });
    await page.getByRole('link', { name: 'Imports' }).click();
    const row = page.locator('table.jobs tbody tr').first();
    await row.locator('.job-running').waitFor();

    await prisma.importJob.update({
      where: { id: job.id },
      data: { status: 'SUCCEEDED', processed: 10, created: 10, finishedAt: new Date() },
    });

    await row.locator('.job-succeeded').waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toContain('10 / 10');
  });

  it('shows a refused upload as a readable error with its code', async () => {
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('button', { name: 'Start import' }).click();
    await expect(page.locator('form .error').textContent()).resolves.toContain('BAD_USER_INPUT');

    await page.getByLabel('Posts or one archive').setInputFiles([
      { name: 'a.md', mimeType: 'text/markdown', buffer: Buffer.from(post('title: A')) },
      { name: 'a.md', mimeType: 'text/markdown', buffer: Buffer.from(post('title: B')) },
    ]);
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.locator('form .error', { hasText: 'Two uploaded files are named a.md' }).waitFor();
    expect(await page.locator('form .error').textContent()).toContain('BAD_USER_INPUT');
  });
});
