import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { describeInBrowser, launchChromium } from '../support/console-browser.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createToken } from '../support/factories.js';

/** A page whose script asks the API for articles, as a frontend on another origin would. */
const page = (api: string, token: string) => `<!DOCTYPE html>
<html><body><script>
  fetch(${JSON.stringify(`${api}/graphql`)}, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer ${token}' },
    body: JSON.stringify({ query: '{ articles(first: 5) { totalCount edges { node { title } } } }' }),
  })
    .then((res) => res.json())
    .then((body) => { window.result = body; }, (error) => { window.result = { failed: String(error) }; });
</script></body></html>`;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

describeInBrowser('browser-cors.e2e-spec')('a page on another origin, in headless Chromium', () => {
  let app: INestApplication;
  let browser: Browser;
  let api: string;
  let token = '';
  const pages: Server[] = [];
  const origins: string[] = [];
  const apiMethods: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const server = createServer((_req, res) => res.setHeader('content-type', 'text/html').end(page(api, token)));
      pages.push(server);
      origins.push(await listen(server));
    }
    process.env.CORS_ORIGINS = origins[0]; // the second page's origin is not listed
    app = await createTestApp();
    await resetDb(app);
    await createArticle(app, { title: 'Read from another origin' });
    token = await createToken(app, 'EDITOR');
    const server = app.getHttpServer() as Server;
    server.prependListener('request', (req: { method: string }) => apiMethods.push(req.method));
    api = await listen(server);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    for (const server of pages) server.close();
    await app?.close();
  });

  async function resultOf(origin: string): Promise<Record<string, any>> {
    const tab = await browser.newPage();
    try {
      await tab.goto(`${origin}/`);
      await tab.waitForFunction(() => (globalThis as { result?: unknown }).result !== undefined, undefined, {
        timeout: 15_000,
      });
      return (await tab.evaluate(() => (globalThis as { result?: unknown }).result)) as Record<string, any>;
    } finally {
      await tab.close();
    }
  }

  it('lets a page from CORS_ORIGINS read the API, after a preflight', async () => {
    apiMethods.length = 0;
    const result = await resultOf(origins[0]!);

    expect(result.errors).toBeUndefined();
    expect(result.data.articles.edges[0].node.title).toBe('Read from another origin');
    expect(apiMethods).toEqual(['OPTIONS', 'POST']);
  });

  it('has the browser refuse the answer to a page from an origin not listed', async () => {
    const result = await resultOf(origins[1]!);

    expect(result.data).toBeUndefined();
    expect(result.failed).toMatch(/Failed to fetch/);
  });
});
