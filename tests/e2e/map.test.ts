/**
 * The world in headless Chromium (tests/e2e/map-page: the game's world behind a small DOM board):
 * the map drawn in its slot in each language with its DOM labels where the world drew the places,
 * the home side's capital ringed in gold, the meters' bars in their tracks and cut where their column
 * scrolls them out of view. Screenshots go to test-results/map-*.png for a person to look at.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SOUND_NAMES } from '../../src/audio/player';
import { parseMapData } from '../../src/world/map/mapData';
import { placeMap, slotX, slotY } from '../../src/world/placement';
import { RESULTS, ROOT, STILL, WAIT, gameUrl, newGamePage } from './harness';

const map = parseMapData(JSON.parse(readFileSync(join(ROOT, 'public/map/northeast-asia.json'), 'utf8')));
const page = (query: string): string => `${gameUrl()}tests/e2e/map-page/index.html?${query}`;

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const game = await newGamePage(STILL);
  await game.page.goto(page(query));
  await game.page.waitForFunction(() => window.__mapTest?.ready === true || window.__mapTest?.error !== undefined, undefined, WAIT);
  expect(await game.page.evaluate(() => window.__mapTest)).toMatchObject({ ready: true, world: true });
  return game;
}

const box = (p: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> =>
  p.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });

/** The colour the world drew at a window point (one request at a time). */
const pixel = (p: Page, x: number, y: number): Promise<{ r: number; g: number; b: number }> => p.evaluate(([px, py]) => window.__pixel!(px!, py!), [Math.round(x), Math.round(y)]);

/** Where the world draws a place, in the window: the same placement the labels use, from the slot's box. */
async function placeOnScreen(p: Page, id: string): Promise<{ x: number; y: number }> {
  const slot = await box(p, '[data-testid=map]');
  const placement = placeMap(map, slot.width, slot.height);
  const place = map.places.find((q) => q.id === id)!;
  return { x: slot.x + slotX(placement, place.x), y: slot.y + slotY(placement, place.y) };
}

describe('the world', () => {
  for (const [lang, home] of [
    ['en', 'seoul'],
    ['ja', 'tokyo'],
    ['ko', 'seoul'],
  ] as const) {
    it(`draws the board in ${lang} with each place's label beside the point the world drew`, async () => {
      const { page: p, errors } = await open(`lang=${lang}&highlight=${home}`);
      const labels = await p.locator('[data-testid=map] [data-place]').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            id: (el as HTMLElement).dataset.place!,
            text: el.textContent,
            lang: (el as HTMLElement).lang,
            hidden: getComputedStyle(el).visibility === 'hidden',
            x0: r.left,
            y0: r.top,
            x1: r.right,
            y1: r.bottom,
          };
        }),
      );
      // Every capital, the islands and the sea, named as the language names them.
      for (const place of map.places.filter((q) => q.kind !== 'city')) {
        expect(
          labels.find((l) => l.id === place.id),
          place.id,
        ).toMatchObject({ text: place.name[lang], lang, hidden: false });
      }
      const slot = await box(p, '[data-testid=map]');
      const shown = labels.filter((l) => !l.hidden);
      for (const l of shown) {
        expect(l.x0 >= slot.x && l.x1 <= slot.x + slot.width && l.y0 >= slot.y && l.y1 <= slot.y + slot.height, `${l.id} inside the map`).toBe(true);
        for (const other of shown) {
          if (other !== l) expect(l.x0 < other.x1 && other.x0 < l.x1 && l.y0 < other.y1 && other.y0 < l.y1, `${l.id} clear of ${other.id}`).toBe(false);
        }
      }
      // The capitals' dots are where the labels say, and the home capital has its gold ring.
      for (const id of ['seoul', 'tokyo', 'beijing']) {
        const at = await placeOnScreen(p, id);
        const dot = await pixel(p, at.x, at.y);
        expect(Math.min(dot.r, dot.g, dot.b), `${id}'s dot at ${at.x},${at.y}`).toBeGreaterThan(200);
        const label = labels.find((l) => l.id === id)!;
        const gap = Math.hypot(Math.max(label.x0 - at.x, 0, at.x - label.x1), Math.max(label.y0 - at.y, 0, at.y - label.y1));
        expect(gap, `${id}'s label next to its dot`).toBeLessThan(20);
      }
      const capital = await placeOnScreen(p, home);
      // The ring (radius 10, 2.5 px wide) is antialiased: the most golden of the pixels across its line.
      const across = [];
      // One at a time: the renderer keeps one snapshot request per frame.
      for (const dx of [9, 10, 11]) across.push(await pixel(p, capital.x + dx, capital.y));
      const ring = across.reduce((a, b) => (b.r - b.b > a.r - a.b ? b : a));
      expect(ring.r > 200 && ring.g > 150 && ring.b < 110, `gold ring round ${home}: ${JSON.stringify(across)}`).toBe(true);
      await p.screenshot({ path: join(RESULTS, `map-${lang}.png`) });
      expect(errors).toEqual([]);
    });
  }

  it('draws each bar in its track, cut where its column hides it and following the column as it scrolls', async () => {
    const { page: p, errors } = await open('lang=en');
    const near = (c: { r: number; g: number; b: number }, hex: number): boolean => Math.abs(c.r - (hex >> 16)) <= 4 && Math.abs(c.g - ((hex >> 8) & 0xff)) <= 4 && Math.abs(c.b - (hex & 0xff)) <= 4;
    // Meter 8 is exact, at 29 of 100 (shown at once under reduced motion); its row starts below the
    // column's visible part, so nothing of its bar is drawn there yet: the page's ink shows.
    const track = '[data-testid=meters] .board-test-track >> nth=7';
    const column = await box(p, '[data-testid=meters]');
    const hidden = await box(p, track);
    expect(hidden.y).toBeGreaterThan(column.y + column.height);
    const ink = await pixel(p, hidden.x + hidden.width * 0.1, hidden.y + hidden.height / 2);
    expect(Math.max(ink.r, ink.g, ink.b), JSON.stringify(ink)).toBeLessThan(40);
    await p.locator('[data-testid=meters]').evaluate((el) => (el.scrollTop = 200));
    const shown = await box(p, track);
    expect(shown.y).toBeGreaterThan(column.y);
    expect(shown.y + shown.height).toBeLessThan(column.y + column.height);
    const fill = await pixel(p, shown.x + shown.width * 0.1, shown.y + shown.height / 2);
    const rest = await pixel(p, shown.x + shown.width * 0.6, shown.y + shown.height / 2);
    expect(near(fill, 0x7fb2f0), `fill ${JSON.stringify(fill)}`).toBe(true);
    expect(near(rest, 0x2a3a5e), `track ${JSON.stringify(rest)}`).toBe(true);
    await p.screenshot({ path: join(RESULTS, 'map-meters.png') });
    expect(errors).toEqual([]);
  });

  it('loads the game sounds only after the first key press, and the browser decodes every one', async () => {
    const game = await newGamePage(STILL);
    const problems: string[] = [];
    game.page.on('console', (msg) => {
      // The software GPU's own performance notes are Chromium's, not the page's.
      if ((msg.type() === 'error' || msg.type() === 'warning') && !msg.text().includes('GL Driver Message')) problems.push(msg.text());
    });
    await game.page.goto(page('lang=en'));
    await game.page.waitForFunction(() => window.__mapTest?.ready === true, undefined, WAIT);
    expect(await game.page.evaluate(() => window.__soundTest?.())).toEqual({ howls: 0, loaded: 0, failed: 0 });
    await game.page.keyboard.press('Space');
    // Every effect and the ambient loop, all decoded (a file Chromium cannot play ends "unloaded").
    const howls = SOUND_NAMES.length + 1;
    await game.page.waitForFunction(
      (n) => {
        const r = window.__soundTest?.();
        return r !== undefined && r.howls === n && r.loaded + r.failed === n;
      },
      howls,
      WAIT,
    );
    expect(await game.page.evaluate(() => window.__soundTest?.())).toEqual({ howls, loaded: howls, failed: 0 });
    expect(problems).toEqual([]);
    expect(game.errors).toEqual([]);
  });
});
