/**
 * Whole games on the visible screens in Debian's headless Chromium: as Tokyo with pointer clicks,
 * and as Seoul by keyboard alone. Every turn's resolution and the debrief must appear, with the
 * ending named in `window.__cyd`. Screenshots of the turn, resolution and debrief screens go to
 * test-results/play-*.png for a person to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choosableCard, click, focused, openGame, shot as photograph, tabTo, toSideSelect, waitForPlay, waitForPressed, waitForScene } from './harness';

/** The longest-running shipped scenario for the pointer game, the short tutorial for the keyboard game. */
const TOKYO_SCENARIO = 'linkage';
const SEOUL_SCENARIO = 'tutorial';
/** More turns than any shipped scenario has: a game that never ends fails instead of looping. */
const MAX_TURNS = 30;

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `play-${name}`));

/** Checks what every resolution screen must show: the turn's heading and both sides' columns, the player's marked. */
async function checkResolution(page: Page, turn: number, side: 'Tokyo' | 'Seoul'): Promise<void> {
  expect(await page.getByRole('heading', { level: 1, name: `Turn ${turn}: what happened` }).count()).toBe(1);
  const other = side === 'Tokyo' ? 'Seoul' : 'Tokyo';
  expect(await page.getByRole('region', { name: new RegExp(`^How .*${side}.* saw it \\(you\\)$`) }).count()).toBe(1);
  expect(await page.getByRole('region', { name: new RegExp(`^How .*${other}.* saw it$`) }).count()).toBe(1);
}

/** The meters the turn screen lists are exactly those the hook says the player may see. */
async function checkMeters(page: Page): Promise<void> {
  const listed = await page.getByRole('region', { name: 'Your meters' }).getByRole('listitem').count();
  const visible = await page.evaluate(() => Object.keys(window.__cyd?.game?.meters ?? {}).length);
  expect(listed).toBe(visible);
  expect(listed).toBeGreaterThan(0);
}

async function checkDebrief(page: Page): Promise<string> {
  const game = await page.evaluate(() => window.__cyd?.game);
  expect(game?.ending).toEqual(expect.any(String));
  expect(await page.getByRole('heading', { level: 1, name: /^Debrief: Ending: / }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Play again' }).count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Choose another scenario' }).count()).toBe(1);
  return game!.ending!;
}

describe('complete games on the visible controls', () => {
  it('plays Tokyo to an ending with pointer clicks', async () => {
    const { page, errors } = await openGame();
    await toSideSelect(page, TOKYO_SCENARIO);
    await click(page, 'radio', 'Lead Tokyo');
    await click(page, 'button', 'Start the game');
    await waitForScene(page, 'Briefing');
    await click(page, 'button', 'Begin');

    let resolved = 0;
    for (; resolved < MAX_TURNS; resolved++) {
      await waitForPlay(page, 'Turn', resolved);
      expect(await page.getByRole('heading', { level: 1, name: new RegExp(`Turn ${resolved + 1} of \\d+$`) }).count()).toBe(1);
      await checkMeters(page);
      const card = await choosableCard(page);
      await click(page, 'button', card.title);
      await waitForPressed(page, card.key);
      if (resolved === 0) await shot(page, 'turn-tokyo');
      await click(page, 'button', 'End turn');
      await waitForPlay(page, 'Resolution', resolved + 1);
      await checkResolution(page, resolved + 1, 'Tokyo');
      // The other side's column says what Tokyo did.
      const theirs = await page.getByRole('region', { name: /^How .*Seoul.* saw it$/ }).textContent();
      expect(theirs).toMatch(new RegExp(`(Took|Agreed with you|Proposed): ${card.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      if (resolved === 0) await shot(page, 'resolution-tokyo');
      const ended = await page.evaluate(() => window.__cyd?.game?.ending);
      await click(page, 'button', ended ? 'See the debrief' : 'Continue');
      if (ended) break;
    }
    await waitForPlay(page, 'Debrief', resolved + 1);
    await checkDebrief(page);
    await shot(page, 'debrief-tokyo');
    expect(errors).toEqual([]);
  }, 300_000);

  it('plays Seoul to an ending by keyboard alone', async () => {
    const { page, errors } = await openGame();
    expect(await focused(page)).toBe('New game');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'ScenarioSelect');
    for (let i = 0; i < 10; i++) {
      if ((await page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="scenario"]:checked')?.value)) === SEOUL_SCENARIO) break;
      await page.keyboard.press('ArrowDown');
    }
    await tabTo(page, /^Next/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'SideSelect');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Lead Seoul' }).isChecked()).toBe(true);
    await tabTo(page, /^Start the game$/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    await tabTo(page, /^Begin$/);
    await page.keyboard.press('Enter');

    let resolved = 0;
    for (; resolved < MAX_TURNS; resolved++) {
      await waitForPlay(page, 'Turn', resolved);
      if (resolved === 0) {
        // A card chosen by Tab and Space: it says it is pressed.
        await checkMeters(page);
        const card = await choosableCard(page);
        await tabTo(page, new RegExp(`^${card.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
        await page.keyboard.press('Space');
        await waitForPressed(page, card.key);
        await shot(page, 'turn-seoul');
        await tabTo(page, /^End turn$/);
        await page.keyboard.press('Enter');
      } else {
        // The shortcut: E ends the turn from wherever focus is.
        await page.keyboard.press('e');
      }
      await waitForPlay(page, 'Resolution', resolved + 1);
      await checkResolution(page, resolved + 1, 'Seoul');
      // Focus starts in the player's column, which scrolls by keyboard; Enter continues.
      expect(await focused(page)).toMatch(/saw it \(you\)$/);
      await page.keyboard.press('PageDown');
      if (resolved === 0) await shot(page, 'resolution-seoul');
      const ended = await page.evaluate(() => window.__cyd?.game?.ending);
      await page.keyboard.press('Enter');
      if (ended) break;
    }
    await waitForPlay(page, 'Debrief', resolved + 1);
    await checkDebrief(page);
    await shot(page, 'debrief-seoul');

    // Play again starts the same scenario and side anew, at the briefing.
    await tabTo(page, /^Play again$/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    expect(await page.evaluate(() => window.__cyd?.game)).toMatchObject({ scenario: SEOUL_SCENARIO, side: 'seoul', resolved: 0, ending: null });
    expect(errors).toEqual([]);
  }, 300_000);
});
