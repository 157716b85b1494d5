/**
 * What the browser tests and the browser bench share: Debian's headless Chromium with the flags our
 * machines need, the Vite dev server on a free port, and waiting on the game's read-only test hook.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
export const WAIT = { timeout: 30_000 };

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: sudo apt-get install chromium fonts-noto-cjk fonts-noto-core`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export async function startDevServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    server: { host: '127.0.0.1', port: 0, strictPort: true, open: false, hmr: false },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the Vite dev server did not report its address');
  return { server, url };
}

/** Starts Chromium and the dev server before a test file's tests and stops them after. */
export function useGameInBrowser(extraArgs: readonly string[] = []): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: ViteDevServer | undefined;
  let url = '';
  beforeAll(async () => {
    ({ server, url } = await startDevServer());
    browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('the browser did not start');
      return browser;
    },
    url: () => url,
  };
}

/** A page of the game at its title screen, recording console errors and uncaught exceptions. */
export async function openGame(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await waitForScene(page, 'Title');
  return { page, errors };
}

/** The accessible name of the focused control (its label, or its own text). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    if (el instanceof HTMLInputElement && el.labels?.[0]) return el.labels[0].textContent ?? '';
    return el.getAttribute('aria-label') ?? el.textContent ?? '';
  });
}

/** Presses Tab until the focused control's name matches. */
export async function tabTo(page: Page, name: RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (name.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no control named ${name} could be reached with Tab (focus is on "${await focused(page)}")`);
}

export async function waitForScene(page: Page, scene: string): Promise<void> {
  await page.waitForFunction((s) => window.__cyd?.scene === s, scene, WAIT);
}

/** Waits for a play screen with `resolved` turns behind the game. */
export async function waitForPlay(page: Page, scene: 'Turn' | 'Resolution' | 'Debrief', resolved: number): Promise<void> {
  await page.waitForFunction(([s, n]) => window.__cyd?.scene === s && window.__cyd?.game?.resolved === n, [scene, resolved] as const, WAIT);
}

/** Activates a mirrored control as a pointer on the (visually hidden) DOM layer would. */
export async function click(page: Page, role: 'button' | 'radio', name: string | RegExp): Promise<void> {
  await page.getByRole(role, { name, exact: typeof name === 'string' }).dispatchEvent('click');
}

/** From the title to the first turn of a scenario, as one side. */
export async function startGame(page: Page, scenario: string, side: 'Tokyo' | 'Seoul'): Promise<void> {
  await click(page, 'button', 'New game');
  await waitForScene(page, 'ScenarioSelect');
  await page.locator(`input[name="scenario"][value="${scenario}"]`).dispatchEvent('click');
  await click(page, 'button', /^Next/);
  await waitForScene(page, 'SideSelect');
  await click(page, 'radio', `Lead ${side}`);
  await click(page, 'button', 'Start the game');
  await waitForScene(page, 'Briefing');
  await click(page, 'button', 'Begin');
  await waitForPlay(page, 'Turn', 0);
}

/** Ends turns (choosing nothing) until the debrief; returns the number of turns played. */
export async function playToDebrief(page: Page, from: number, maxTurns = 30): Promise<number> {
  for (let resolved = from; resolved < maxTurns; resolved++) {
    await waitForPlay(page, 'Turn', resolved);
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', resolved + 1);
    const ended = await page.evaluate(() => window.__cyd?.game?.ending);
    await click(page, 'button', ended ? 'See the debrief' : 'Continue');
    if (ended) {
      await waitForPlay(page, 'Debrief', resolved + 1);
      return resolved + 1;
    }
  }
  throw new Error(`no ending after ${maxTurns} turns`);
}
