/**
 * Draws the map of Northeast Asia in headless Chromium (tests/e2e/map-page) in each language and
 * checks that the scene rendered without errors. Screenshots go to test-results/map-*.png for a
 * person to look at (label collisions and contrast are judged by eye, not asserted here).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RESULTS = join(ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';

let browser: Browser | undefined;
let server: ViteDevServer | undefined;
let url = '';

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found. Install it with: sudo apt-get install chromium fonts-noto-cjk fonts-noto-core`);
  }
  mkdirSync(RESULTS, { recursive: true });
  server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, hmr: false },
  });
  await server.listen();
  url = server.resolvedUrls?.local[0] ?? '';
  if (!url) throw new Error('the Vite dev server did not report its address');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the map of Northeast Asia', () => {
  for (const [lang, highlight] of [
    ['en', 'seoul'],
    ['ja', 'tokyo'],
    ['ko', 'seoul'],
  ] as const) {
    it(`draws in ${lang} without errors`, async () => {
      if (!browser) throw new Error('the browser did not start');
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${url}tests/e2e/map-page/index.html?lang=${lang}&highlight=${highlight}`);
      await page.waitForFunction(() => window.__mapTest?.ready === true || window.__mapTest?.error !== undefined, undefined, {
        timeout: 30_000,
      });
      const report = await page.evaluate(() => window.__mapTest);
      expect(report?.error).toBeUndefined();
      // Graphics, eight place labels and the credit line.
      expect(report?.children).toBe(10);
      await page.screenshot({ path: join(RESULTS, `map-${lang}.png`) });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('loads the game sounds only after the first key press, and the browser decodes every one', async () => {
    if (!browser) throw new Error('the browser did not start');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${url}tests/e2e/map-page/index.html`);
    await page.waitForFunction(() => window.__mapTest?.ready === true, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__soundTest?.())).toEqual({ howls: 0, loaded: 0, failed: 0 });
    await page.keyboard.press('Space');
    // Nine effects and the ambient loop, all decoded (a file Chromium cannot play ends "unloaded").
    await page.waitForFunction(
      () => {
        const r = window.__soundTest?.();
        return r !== undefined && r.howls === 10 && r.loaded + r.failed === 10;
      },
      undefined,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => window.__soundTest?.())).toEqual({ howls: 10, loaded: 10, failed: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
