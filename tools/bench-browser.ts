/**
 * The browser half of `npm run bench`: the production build's size, and the game measured in
 * Debian's headless Chromium (software rendering: our stand-in for a school Chromebook).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface Measurement {
  key: string;
  value: number;
  unit: string;
  target: string;
  detail: string;
}

/** All shipped JavaScript except Phaser's own chunk, gzipped file by file as a server would send it. */
function bundleOwnGzipKb(): Measurement {
  const assets = join(DIST, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js') && !f.startsWith('phaser-'));
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  return { key: 'bundle_own_gzip_kb', value: Number((bytes / 1024).toFixed(1)), unit: 'KB', target: '<= 100', detail: `${files.length} JS file(s) besides Phaser's chunk, gzip -9` };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Navigation start to an interactive title screen, in fresh browser contexts (cold cache), median of 5. */
async function bootMs(browser: Browser, url: string): Promise<Measurement> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__cyd?.ready === true && window.__cyd.scene === 'Title', undefined, { polling: 'raf', timeout: 30_000 });
    const ms = await page.evaluate(() => performance.now());
    if (i > 0) times.push(ms); // the first load warms the disk cache and the server
    await context.close();
  }
  return { key: 'boot_ms', value: Math.round(median(times)), unit: 'ms', target: '<= 1500', detail: `median of ${times.length} cold loads of the production build to the title screen` };
}

export type PageMeasure = (browser: Browser, url: string) => Promise<Measurement>;

/** Builds the game, serves it and measures it; extra measures (fps, heap) plug in as they become possible. */
export async function browserMeasurements(extra: readonly PageMeasure[] = []): Promise<Measurement[]> {
  await build({ root: ROOT, logLevel: 'error' });
  const measurements = [bundleOwnGzipKb()];
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({ root: ROOT, logLevel: 'error', preview: { port: 0, host: '127.0.0.1' } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
    measurements.push(await bootMs(browser, url));
    for (const measure of extra) measurements.push(await measure(browser, url));
  } finally {
    await browser?.close();
    await server?.close();
  }
  return measurements;
}

export type { Page };
