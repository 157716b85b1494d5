/**
 * Boots the game in Debian's headless Chromium, once from the Vite dev server and once from a
 * production build served by `vite preview` with its Content-Security-Policy active.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, createServer, preview, type PreviewServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../vite.config';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(ROOT, 'vite.config.ts');
const RESULTS = join(ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
const READY_TIMEOUT = 30_000;

let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found. The end-to-end tests need Debian's Chromium and CJK fonts: ` +
        'sudo apt-get install chromium fonts-noto-cjk fonts-noto-core',
    );
  }
  mkdirSync(RESULTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

interface Problems {
  console: string[];
  page: string[];
  csp: string[];
}

/** Opens a page that records console errors, uncaught exceptions and CSP violations. */
async function openPage(): Promise<{ page: Page; problems: Problems }> {
  if (!browser) throw new Error('the browser did not start');
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const problems: Problems = { console: [], page: [], csp: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (error) => problems.page.push(String(error)));
  await page.exposeFunction('__cydTestCspViolation', (report: string) => problems.csp.push(report));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cydTestCspViolation(r: string): void }).__cydTestCspViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, problems };
}

/** Loads the game, waits for the title screen and checks what every boot must satisfy. */
async function bootToTitle(url: string, screenshot: string): Promise<{ page: Page; problems: Problems }> {
  const { page, problems } = await openPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__cyd?.ready === true, undefined, { timeout: READY_TIMEOUT });

  const hook = await page.evaluate(() => window.__cyd);
  expect(hook).toMatchObject({ scene: 'Title', ready: true });
  expect(hook?.version).toMatch(/^\d+\.\d+\.\d+/);

  // The hook is read-only: assignments neither throw out of the page nor change what it reports.
  const afterTamper = await page.evaluate(() => {
    const w = window as unknown as { __cyd: { ready: boolean } };
    try {
      w.__cyd = { ready: false };
    } catch {}
    try {
      w.__cyd.ready = false;
    } catch {}
    return window.__cyd?.ready;
  });
  expect(afterTamper).toBe(true);

  expect(await page.getByRole('heading', { name: 'Close Yet Distant', level: 1 }).count()).toBe(1);
  await page.waitForFunction(
    () => document.getElementById('announcer')?.textContent === 'Close Yet Distant is ready.',
    undefined,
    { timeout: 5_000 },
  );
  expect(await page.locator('#loading').count()).toBe(0);
  expect(await page.locator('#game canvas').count()).toBe(1);

  await page.screenshot({ path: join(RESULTS, screenshot) });
  return { page, problems };
}

/**
 * New game is mirrored in the DOM for keyboard users and has focus when the title shows: Enter
 * opens the scenario list, whose scene mirrors its controls in turn.
 */
async function openScenarioList(page: Page): Promise<void> {
  const newGame = page.getByRole('button', { name: 'New game' });
  expect(await newGame.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.__cyd?.scene === 'ScenarioSelect', undefined, { timeout: READY_TIMEOUT });
  expect(await page.evaluate(() => window.__cyd?.screen)).toBe('scenarios');
  expect(await page.getByRole('button', { name: 'Next: choose a side' }).count()).toBe(1);
}

describe('boot in the dev server', () => {
  let server: ViteDevServer | undefined;
  let url = '';

  beforeAll(async () => {
    server = await createServer({
      root: ROOT,
      configFile: CONFIG,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, hmr: false },
    });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
    if (!url) throw new Error('the Vite dev server did not report its address');
  });

  afterAll(async () => {
    await server?.close();
  });

  it('shows the title screen, with its accessible heading, and New game opens the scenario list', async () => {
    const { page, problems } = await bootToTitle(url, 'boot.png');

    await openScenarioList(page);
    expect(problems).toEqual({ console: [], page: [], csp: [] });
    await page.close();
  });
});

describe('boot from the production build', () => {
  let server: PreviewServer | undefined;
  let outDir = '';
  let url = '';

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'cyd-build-'));
    await build({
      root: ROOT,
      configFile: CONFIG,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    server = await preview({
      root: ROOT,
      configFile: CONFIG,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
    });
    url = server.resolvedUrls?.local[0] ?? '';
    if (!url) throw new Error('vite preview did not report its address');
  });

  afterAll(async () => {
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('boots under the strict Content-Security-Policy without violations', async () => {
    const { page, problems } = await bootToTitle(url, 'boot-build.png');

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    // The menus' code runs under the policy too (text set as text, no inline styles, no eval).
    await openScenarioList(page);

    expect(problems).toEqual({ console: [], page: [], csp: [] });
    await page.close();
  });
});
