import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import {
  describeInBrowser,
  launchChromium,
  listen,
  openConsole,
  screenshot,
  signIn,
} from '../support/console-browser.js';

describe('/console, served by the API', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('serves the page and its module under a CSP that allows no inline script and no other origin', async () => {
    const page = await request(app.getHttpServer()).get('/console/');
    const script = await request(app.getHttpServer()).get('/console/js/main.js');

    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // Every script is a file of this origin: nothing inline for the CSP to block.
    expect(page.text).toMatch(/<script type="module" src="\/console\/js\/main\.js"><\/script>/);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('redirects /console to /console/ and answers a missing file with 404, not the page', async () => {
    const bare = await request(app.getHttpServer()).get('/console');
    const missing = await request(app.getHttpServer()).get('/console/js/nope.js');
    const outside = await request(app.getHttpServer()).get('/console/js/..%2f..%2fpackage.json');

    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe('/console/');
    expect(missing.status).toBe(404);
    expect([403, 404]).toContain(outside.status);
  });
});

describe('viewer', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
  });
  afterAll(() => app.close());

  it('is the role and name of the token sent, null for an anonymous caller', async () => {
    const editor = await createToken(app, 'EDITOR', 'desk');
    const asEditor = await gql(app, '{ viewer { role name } }', {}, editor);
    const anonymous = await gql(app, '{ viewer { role name } }');
    const refused = await gql(app, '{ viewer { role name } }', {}, 'prs_not-a-token');

    expect(asEditor.data).toEqual({ viewer: { role: 'EDITOR', name: 'desk' } });
    expect(anonymous.data).toEqual({ viewer: null });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describeInBrowser('console-sign-in.e2e-spec')('signing in to the console, in headless Chromium', () => {
  let app: INestApplication;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    app = await createTestApp();
    origin = await listen(app);
    browser = await launchChromium();
  }, 60_000);
  beforeEach(() => resetDb(app));
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs an EDITOR in with the keyboard, shows content only, and signing out forgets the token', async () => {
    await createArticle(app, { title: 'Harbour wall repaired' });
    const token = await createToken(app, 'EDITOR', 'night-desk');
    const { page, problems } = await openConsole(browser, origin);
    await screenshot(page, 'sign-in');

    await page.keyboard.type(token); // the token field has the focus
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Harbour wall repaired' }).waitFor();

    const menu = await page.locator('header.top nav a').allTextContents();
    expect(menu).toEqual(['Articles', 'Tags', 'Authors']);
    await expect(page.locator('header.top').textContent()).resolves.toContain('night-desk (EDITOR)');
    expect(await page.evaluate("[sessionStorage.length, localStorage.getItem('pressroom.console.token')]")).toEqual([
      1,
      null,
    ]);

    await page.goto(`${origin}/console/#/imports`);
    await expect(page.locator('main .error').textContent()).resolves.toContain('FORBIDDEN');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.reload();
    await page.getByLabel('API token').waitFor();
    expect(problems).toEqual([]);
  });

  it('offers imports and tokens to an ADMIN', async () => {
    const token = await createToken(app, 'ADMIN');
    const { page } = await openConsole(browser, origin);
    await signIn(page, token);

    expect(await page.locator('header.top nav a').allTextContents()).toEqual([
      'Articles',
      'Tags',
      'Authors',
      'Imports',
      'Tokens',
    ]);
  });

  it('shows a refused token as a readable error with its code, and stays on the form', async () => {
    const { page } = await openConsole(browser, origin);
    await page.getByLabel('API token').fill('prs_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();

    const alert = page.locator('form .error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('UNAUTHENTICATED');
    expect(await alert.textContent()).toContain('The token was refused');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('goes back to the sign-in form when the token is revoked while signed in', async () => {
    const token = await createToken(app, 'EDITOR', 'temp');
    const { page } = await openConsole(browser, origin);
    await signIn(page, token);
    await app.get(PrismaService).apiToken.update({ where: { name: 'temp' }, data: { revokedAt: new Date() } });

    await page.getByRole('link', { name: 'Tags' }).click();

    await page.getByText('Your token was refused; sign in again.').waitFor();
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  });

  it('shows an API that cannot be reached as an error with its code, not a blank page', async () => {
    const token = await createToken(app, 'EDITOR');
    const { page } = await openConsole(browser, origin);
    await signIn(page, token);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));

    await page.getByRole('link', { name: 'Tags' }).click();

    const alert = page.locator('main .error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The API could not be reached');
    expect(await alert.textContent()).toContain('NETWORK_ERROR');
    expect(await page.locator('header.top nav').isVisible()).toBe(true);
  });

  it('fits a 390 px wide phone screen without sideways scrolling of the page', async () => {
    await createArticle(app, { title: 'A rather long headline about the harbour wall and the ferry timetable' });
    const token = await createToken(app, 'EDITOR');
    const { page } = await openConsole(browser, origin, { viewport: { width: 390, height: 844 } });
    await signIn(page, token);
    await page.locator('table.articles tbody tr').first().waitFor();
    await screenshot(page, 'articles-phone');

    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  });
});
