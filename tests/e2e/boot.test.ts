/**
 * Boots the game in Debian's headless Chromium: from the Vite dev server (the way `npm run dev`
 * serves it: the one test that runs against the sources), from the production build the run serves
 * with the class server, with its Content-Security-Policy active, and from the server process itself
 * as `npm start` runs it (after its build), with the join address and QR code it prints.
 */
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer } from '../../tools/bench-class';
import { CONTENT_SECURITY_POLICY, FRAME_POLICY } from '../../src/server/contentSecurityPolicy';
import { focused, gameUrl, launchChromium, openGame, shot, startDevServer, VIEWPORT, WAIT, waitForReady, waitForScene, type GamePage } from './harness';

/** Loads the game, waits for the title screen and checks what every boot must satisfy. */
async function bootToTitle(url: string, screenshot: string): Promise<GamePage> {
  const game = await openGame({ url });
  const { page } = game;

  const hook = await page.evaluate(() => window.__cyd);
  expect(hook).toMatchObject({ scene: 'Title', screen: 'title', ready: true });
  expect(hook?.version).toMatch(/^\d+\.\d+\.\d+/);

  // The hook is read-only: assignments neither throw out of the page nor change what it reports.
  const afterTamper = await page.evaluate(() => {
    const w = window as unknown as { __cyd: { ready: boolean } };
    try {
      w.__cyd = { ready: false };
    } catch {
      // The hook refuses writes: that is what this checks.
    }
    try {
      w.__cyd.ready = false;
    } catch {
      // The hook refuses writes: that is what this checks.
    }
    return window.__cyd?.ready;
  });
  expect(afterTamper).toBe(true);

  // The title is a visible heading (not canvas text), and the world is drawn behind the screen.
  const heading = page.getByRole('heading', { name: 'Close Yet Distant', level: 1 });
  expect(await heading.count()).toBe(1);
  expect(await heading.isVisible()).toBe(true);
  await page.waitForFunction(() => document.getElementById('announcer')?.textContent === 'Close Yet Distant is ready.', undefined, WAIT);
  expect(await page.locator('#loading').count()).toBe(0);
  // Two canvases: the still layer (the sky, the title's coasts) under Phaser's, which draws what moves.
  expect(await page.locator('#world > canvas.world-still').count()).toBe(1);
  expect(await page.locator('#world > canvas:not(.world-still)').count()).toBe(1);
  // The still layer is painted: the sky's gradient at the top left, the title's peninsula over it.
  const painted = await page.evaluate(() => {
    const still = document.querySelector<HTMLCanvasElement>('#world > canvas.world-still');
    const pixel = still?.getContext('2d')?.getImageData(2, 2, 1, 1).data;
    return pixel ? pixel[3] : 0;
  });
  expect(painted).toBe(255);

  await shot(page, screenshot);
  return game;
}

/** New game has focus when the title shows: Enter opens the scenario list, whose controls are there to be pressed. */
async function openScenarioList(page: Page): Promise<void> {
  expect(await focused(page)).toBe('New game');
  await page.keyboard.press('Enter');
  await waitForScene(page, 'ScenarioSelect');
  expect(await page.evaluate(() => window.__cyd?.screen)).toBe('scenarios');
  await page.getByRole('button', { name: 'Next: choose a side' }).waitFor({ state: 'visible', ...WAIT });
}

describe('boot in the dev server', () => {
  let server: ViteDevServer | undefined;
  let url = '';

  beforeAll(async () => {
    ({ server, url } = await startDevServer());
  });

  afterAll(async () => {
    await server?.close();
  });

  it('shows the title screen, with its accessible heading, and New game opens the scenario list', async () => {
    const { page, errors } = await bootToTitle(url, 'boot');
    await openScenarioList(page);
    expect(errors).toEqual([]);
  });

  it('sends the policy as a header too, in its development form, and the game runs under it without violations', async () => {
    const header = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(header).toContain(FRAME_POLICY);
    expect(header).toContain("script-src 'self';");
    expect(header).not.toContain('unsafe-eval');
    expect(header).not.toMatch(/connect-src[^;]*https:(?!\/\/)/);
    // The page booted above under this header; a violation would be among its errors ("CSP: …").
    const { errors } = await bootToTitle(url, 'boot-dev-policy');
    expect(errors).toEqual([]);
  });
});

describe('boot from the production build', () => {
  it('boots under the strict Content-Security-Policy without violations', async () => {
    const { page, errors } = await bootToTitle(gameUrl(), 'boot-build');

    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    // The server sends the same policy as a header, with what only a header can say.
    const header = (await fetch(gameUrl())).headers.get('content-security-policy');
    expect(header).toBe(`${CONTENT_SECURITY_POLICY}; ${FRAME_POLICY}`);
    // The screens' code runs under the policy too (text set as text, no inline styles, no eval).
    await openScenarioList(page);

    // A violation would be among the errors (the harness reports each as "CSP: …").
    expect(errors).toEqual([]);
  });
});

describe('boot from the server process `npm start` runs', () => {
  it('prints the join address with a QR code, serves the game and answers as a class server', async () => {
    const data = mkdtempSync(join(tmpdir(), 'cyd-start-'));
    const server = await startServer(data, 'boot-test', 60_000, inject('gameDist'));
    try {
      // The address and its QR code follow the line that says the server runs.
      await expect.poll(() => server.output(), WAIT).toContain('Stop with Ctrl+C');
      expect(server.output()).toContain(`Teams join at ${server.url}/`);
      // The QR code is drawn with half blocks in the terminal.
      expect(server.output()).toMatch(/[▀▄█]{7}/);
      expect(((await (await fetch(`${server.url}/api/class`)).json()) as { scenarios: string[] }).scenarios).toContain('tutorial');
      const { page, errors } = await bootToTitle(`${server.url}/`, 'boot-npm-start');
      await openScenarioList(page);
      expect(errors).toEqual([]);
    } finally {
      await server.kill();
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('boot without WebGL', () => {
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
  });

  it('plays on without the world: the title shows, says why in the console, and New game opens the scenario list', async () => {
    browser = await launchChromium(['--disable-webgl']);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const warnings: string[] = [];
    const errors: string[] = [];
    page.on('console', (message) => (message.type() === 'warning' ? warnings : message.type() === 'error' ? errors : []).push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(gameUrl());
    await waitForReady(page);
    expect(await page.getByRole('heading', { name: 'Close Yet Distant', level: 1 }).isVisible()).toBe(true);
    expect(warnings.some((w) => w.startsWith('The world could not start') && w.includes('the game plays without its map and motion'))).toBe(true);
    // Told at once by Phaser's own WebGL test, not after the page waited for a first frame in vain.
    expect(warnings.some((w) => w.includes('no frame after'))).toBe(false);
    // No Phaser canvas; the page is not left waiting for one.
    expect(await page.locator('#world > canvas:not(.world-still)').count()).toBe(0);
    await openScenarioList(page);
    expect(errors).toEqual([]);
  });
});
