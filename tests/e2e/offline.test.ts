/**
 * Offline play (issue 16 §5): after one visit the game installs its service worker and precaches
 * what a game needs; with the network gone, a reload still boots to the title, and a game is
 * started and a turn played. A new version is offered on the title only, never mid-game.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { serveSite } from '../../src/server/staticSite';
import { click, gameUrl, newGamePage, shot, startGame, STILL, waitForPlay, waitForReady } from './harness';

describe('offline', () => {
  it('loads once, goes offline, reloads and plays a turn', async () => {
    const { page, context, errors } = await newGamePage({ ...STILL, serviceWorkers: 'allow' });
    await page.goto(gameUrl());
    await waitForReady(page);
    // Installed and in control: every precached file is in.
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname)))).flat();
      return urls;
    });
    expect(cached.some((u) => /\/shipped-scenarios\/tutorial-.*\.json$/.test(u))).toBe(true);
    expect(cached.some((u) => /\/fonts\/cyd-jp-400\.woff2$/.test(u))).toBe(true);
    expect(cached.some((u) => /\/assets\/phaser-.*\.js$/.test(u))).toBe(true);
    const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifest).toBe('./manifest.webmanifest');

    await context.setOffline(true);
    await page.reload();
    await waitForReady(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await startGame(page, 'tutorial', 'Tokyo');
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    await shot(page, 'offline-resolution');
    // Going offline is not an error of the game's: nothing failed to load.
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });

  it('offers a new version on the title only, never mid-game, and takes it from there', async () => {
    // A copy of the build on a server of its own, so this test can publish a second version.
    const root = mkdtempSync(join(tmpdir(), 'cyd-update-'));
    cpSync(inject('gameDist'), root, { recursive: true });
    let site = await serveSite(root);
    const port = Number(new URL(site.url).port);
    try {
      const { page } = await newGamePage({ ...STILL, serviceWorkers: 'allow' });
      await page.goto(site.url);
      await waitForReady(page);
      await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
      // A second visit: this time the installed version serves the page.
      await page.reload();
      await waitForReady(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await startGame(page, 'tutorial', 'Tokyo');

      // A new version is published while a game is under way.
      site.server.close();
      writeFileSync(join(root, 'sw.js'), `${readFileSync(join(root, 'sw.js'), 'utf8')}\n// a new version\n`);
      site = await serveSite(root, '127.0.0.1', port);
      // What the browser does now and then on its own: look for a new service worker.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
      expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(0);

      await click(page, 'button', 'Menu');
      await click(page, 'button', 'Quit to title');
      await page.getByRole('button', { name: 'Update now' }).waitFor({ state: 'visible' });
      expect(await page.getByText('A new version of the game is ready. Your saved game is kept.').isVisible()).toBe(true);
      await shot(page, 'offline-update-offered');
      // Taking it reloads the page into the new version: this page's mark is gone, the title is back.
      await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));
      await click(page, 'button', 'Update now');
      await expect.poll(() => page.evaluate(() => !('beforeUpdate' in window) && window.__cyd?.ready === true).catch(() => false), { timeout: 45_000 }).toBe(true);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(1);
    } finally {
      site.server.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
