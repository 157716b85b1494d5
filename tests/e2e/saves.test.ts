/**
 * Saves in the real game: a reload mid-turn comes back to the same turn with the same choices, and
 * a damaged save is reported on the title screen and kept aside, with the game still usable.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { choosableCard, click, gameUrl, newGamePage, press, shot, startGame, STILL, WAIT, waitForPlay, waitForPressed, waitForReady, waitForScene } from './harness';
import { layoutProblems } from './layout';

async function openTitle(page: Page): Promise<void> {
  await page.goto(gameUrl());
  await waitForReady(page);
}

describe('saves in the browser', () => {
  it('a reload mid-turn continues the same game: same turn, same meters, same choices', async () => {
    const { page } = await newGamePage(STILL);
    await openTitle(page);
    await startGame(page, 'tutorial', 'Tokyo');
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    await click(page, 'button', 'Continue');
    await waitForPlay(page, 'Turn', 1);
    const { key: card } = await choosableCard(page);
    await page.locator(`#app [data-key="${card}"]`).click();
    await waitForPressed(page, card);
    const before = await page.evaluate(() => window.__cyd?.game);

    await page.reload();
    await waitForReady(page);
    await click(page, 'button', 'Continue');
    await waitForPlay(page, 'Turn', 1);
    expect(await page.evaluate(() => window.__cyd?.game)).toEqual(before);
    expect(await page.locator(`#app [data-key="${card}"]`).getAttribute('aria-pressed')).toBe('true');
  });

  it('exports a game as a file from the menu, and imports it back into a fresh browser', async () => {
    const { page, context } = await newGamePage({ ...STILL, acceptDownloads: true });
    await openTitle(page);
    await startGame(page, 'fifty_years_on', 'Seoul');
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    await click(page, 'button', 'Continue');
    await waitForPlay(page, 'Turn', 1);
    const before = await page.evaluate(() => window.__cyd?.game);
    await click(page, 'button', 'Menu');
    await waitForScene(page, 'Settings');
    const [download] = await Promise.all([page.waitForEvent('download'), click(page, 'button', 'Export this game')]);
    const text = readFileSync(await download.path());
    expect(download.suggestedFilename()).toBe('close-yet-distant-fifty_years_on.json');
    await context.close();

    const { page: other } = await newGamePage(STILL);
    await openTitle(other);
    expect(await other.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    await other.locator('input[type="file"]').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: text });
    await waitForPlay(other, 'Turn', 1);
    expect(await other.evaluate(() => window.__cyd?.game)).toEqual(before);
  });

  it('steps back to an earlier turn from the title’s earlier saves, keeping the newer game among them', async () => {
    const { page, errors } = await newGamePage(STILL);
    await openTitle(page);
    await startGame(page, 'tutorial', 'Tokyo');
    for (const resolved of [1, 2]) {
      await click(page, 'button', 'End turn');
      await waitForPlay(page, 'Resolution', resolved);
      await click(page, 'button', 'Continue');
      await waitForPlay(page, 'Turn', resolved);
    }
    const latest = await page.evaluate(() => window.__cyd?.game);
    await page.reload();
    await waitForReady(page);
    const earlier = page.locator('#app details.title-backups');
    await earlier.locator('summary').click();
    const restores = earlier.getByRole('button', { name: /^Restore/ });
    // The last save of turns 1 and 2, newest first.
    expect(await restores.count()).toBe(2);
    expect(await earlier.locator('li').first().textContent()).toMatch(/turn 2/);
    expect(await layoutProblems(page)).toEqual([]);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await shot(page, 'title-earlier-saves-en');

    // The same list in Japanese at large text, laid out as well.
    await click(page, 'button', 'Settings');
    await press(page, 'settings:language:ja');
    await press(page, 'settings:textSize:large');
    await press(page, 'settings:back');
    await waitForScene(page, 'Title');
    await earlier.locator('summary').click();
    expect(await earlier.locator('li').first().textContent()).toMatch(/ターン2/);
    expect(await layoutProblems(page)).toEqual([]);
    await shot(page, 'title-earlier-saves-ja-large');

    await earlier.locator('li button').last().click();
    await waitForScene(page, 'Turn');
    expect(await page.evaluate(() => window.__cyd?.game?.turn)).toBe(1);
    // The game it replaced is now an earlier save itself: nothing was lost.
    await page.reload();
    await waitForReady(page);
    await earlier.locator('summary').click();
    expect(await earlier.locator('li button').count()).toBe(3);
    await earlier.locator('li button').first().click();
    await waitForScene(page, 'Turn');
    expect(await page.evaluate(() => window.__cyd?.game)).toEqual(latest);
    expect(errors).toEqual([]);
  });

  it('a full storage is reported where the player is, and the game goes on', async () => {
    const { page } = await newGamePage(STILL);
    await openTitle(page);
    // Fill the origin's storage to the brim: large pieces, then ever smaller ones into the gaps.
    await page.evaluate(`(() => {
      let n = 0;
      for (const size of [256 * 1024, 16 * 1024, 1024, 64]) {
        const piece = 'x'.repeat(size);
        for (;;) {
          try { localStorage.setItem('filler.' + n++, piece); } catch { break; }
        }
      }
    })()`);
    await startGame(page, 'fifty_years_on', 'Tokyo');
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    const alert = page.getByRole('alert');
    await alert.first().waitFor(WAIT);
    expect(await alert.first().textContent()).toMatch(/storage is full/);
    await click(page, 'button', 'Continue');
    await waitForPlay(page, 'Turn', 1);
  });

  it('a damaged save is reported, kept aside, and the game still starts anew', async () => {
    const { page, errors } = await newGamePage(STILL);
    await openTitle(page);
    await page.evaluate(() => localStorage.setItem('cyd.save', '{"format":"close-yet-distant/save","version":1,"seed":'));
    await page.reload();
    await waitForReady(page);
    await click(page, 'button', 'Continue');
    const alert = page.getByRole('alert');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toMatch(/could not be read.*kept aside/s);
    const kept = await page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('cyd.quarantine.'))
        .map((k) => localStorage.getItem(k)),
    );
    expect(kept).toEqual(['{"format":"close-yet-distant/save","version":1,"seed":']);
    // The game is still usable: a new game starts.
    await click(page, 'button', 'Dismiss');
    await startGame(page, 'tutorial', 'Seoul');
    expect(errors).toEqual([]);
  });
});
