/**
 * Draws the map of Northeast Asia in headless Chromium (tests/e2e/map-page) in each language and
 * checks that the scene rendered without errors. Screenshots go to test-results/map-*.png for a
 * person to look at (label collisions and contrast are judged by eye, not asserted here).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOUND_NAMES } from '../../src/audio/player';
import { RESULTS, useGameInBrowser } from './harness';

const game = useGameInBrowser();

describe('the map of Northeast Asia', () => {
  for (const [lang, highlight] of [
    ['en', 'seoul'],
    ['ja', 'tokyo'],
    ['ko', 'seoul'],
  ] as const) {
    it(`draws in ${lang} without errors`, async () => {
      const page = await game.browser().newPage({ viewport: { width: 1280, height: 720 } });
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${game.url()}tests/e2e/map-page/index.html?lang=${lang}&highlight=${highlight}`);
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
    const page = await game.browser().newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${game.url()}tests/e2e/map-page/index.html`);
    await page.waitForFunction(() => window.__mapTest?.ready === true, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__soundTest?.())).toEqual({ howls: 0, loaded: 0, failed: 0 });
    await page.keyboard.press('Space');
    // Every effect and the ambient loop, all decoded (a file Chromium cannot play ends "unloaded").
    const howls = SOUND_NAMES.length + 1;
    await page.waitForFunction(
      (n) => {
        const r = window.__soundTest?.();
        return r !== undefined && r.howls === n && r.loaded + r.failed === n;
      },
      howls,
      { timeout: 20_000 },
    );
    expect(await page.evaluate(() => window.__soundTest?.())).toEqual({ howls, loaded: howls, failed: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
