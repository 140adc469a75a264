import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumInstalled = existsSync(CHROMIUM);

/** `describe`, or `describe.skip` with a message when Chromium is not installed. */
export function describeInBrowser(file: string): jest.Describe {
  if (chromiumInstalled) return describe;
  console.warn(`${file}: skipped, ${CHROMIUM} is not installed (apt-get install chromium)`);
  return describe.skip;
}

/** The app on a real port on 127.0.0.1; returns its origin. */
export function listen(app: INestApplication): Promise<string> {
  const server = app.getHttpServer() as Server;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new tab (its own context, so its own sessionStorage, as a second browser tab has) that
 * records what went wrong in the page: uncaught errors, console errors, requests to other hosts.
 */
export async function openConsole(
  browser: Browser,
  origin: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`offsite request: ${r.url()}`);
  });
  await page.goto(`${origin}/console/`);
  return { page, problems };
}

/** Signs in with `token` on the console's form and waits for the menu. */
export async function signIn(page: Page, token: string, label = 'API token', button = 'Sign in'): Promise<void> {
  await page.getByLabel(label).fill(token);
  await page.getByRole('button', { name: button }).click();
  await page.locator('header.top nav').waitFor();
}

/**
 * Writes a screenshot to docs/console/<name>.png when CONSOLE_SCREENSHOTS is set (how the
 * README's pictures are refreshed), so ordinary test runs leave the tree as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.CONSOLE_SCREENSHOTS) return;
  const dir = path.resolve('docs/console');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
