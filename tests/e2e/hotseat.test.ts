/**
 * Hot-seat class sessions on the visible screens in headless Chromium: two teams on one screen,
 * taking turns behind the hand-over screen. The second team must find no trace of the first
 * team's choice (in the page's text or in `window.__cyd`) until the turn is shown to both; the
 * resolution then shows both teams' choices, and the game plays to a debrief of both sides. A
 * second test runs a one-minute turn timer on Playwright's fake clock (no waiting on real time).
 * Screenshots go to test-results/hotseat-*.png for a person to look at (every hot-seat screen in
 * each language and text size is in the screens test, with its layout and accessibility checked).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localize } from '../../src/i18n/text';
import { catalogEntryFrom } from '../../src/store/testing';
import { choosableCard, click, gameUrl, newGamePage, openGame, shot as photograph, STILL, toSideSelect, WAIT, waitForPressed, waitForReady, waitForScene } from './harness';

/** The short tutorial: a whole hot-seat game in a few turns. */
const SCENARIO = 'tutorial';
const TUTORIAL = catalogEntryFrom(`scenarios/${SCENARIO}.yaml`).scenario;
const TOKYO_ONLY = TUTORIAL.decisions.filter((d) => d.side === 'tokyo').map((d) => d.id);
const MAX_TURNS = 30;

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `hotseat-${name}`));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for a scene with the given team called to (or at) the controls and the given sides sealed. */
async function waitForTeam(page: Page, scene: 'Handover' | 'Turn', side: 'tokyo' | 'seoul', sealed: readonly string[]): Promise<void> {
  try {
    await page.waitForFunction(
      ([s, team, seals]) => window.__cyd?.scene === s && window.__cyd?.game?.side === team && JSON.stringify(window.__cyd?.game?.sealed) === seals,
      [scene, side, JSON.stringify(sealed)] as const,
      WAIT,
    );
  } catch (error) {
    const at = await page.evaluate(() => ({
      scene: window.__cyd?.scene,
      screen: window.__cyd?.screen,
      game: window.__cyd?.game && { side: window.__cyd.game.side, sealed: window.__cyd.game.sealed, resolved: window.__cyd.game.resolved },
    }));
    throw new Error(`waited for ${scene} with ${side}'s team and ${JSON.stringify(sealed)} sealed, but the game shows ${JSON.stringify(at)}: ${String(error)}`, { cause: error });
  }
}

/** From the title to the class setup screen of a hot-seat game of the tutorial. */
async function toClassSetup(page: Page): Promise<void> {
  await toSideSelect(page, SCENARIO);
  await click(page, 'radio', 'Two teams on this screen (hot-seat)');
  // The screen is drawn again for two teams: no side to lead, no computer opponent, Continue instead of Start.
  await page.getByRole('button', { name: 'Continue', exact: true }).waitFor(WAIT);
  expect(await page.getByRole('radio', { name: /^Lead / }).count()).toBe(0);
  expect(await page.getByRole('radio', { name: /^(Easy|Normal|Hard)$/ }).count()).toBe(0);
  await shot(page, 'side');
  await click(page, 'button', 'Continue');
  await waitForScene(page, 'ClassSetup');
}

async function choose(page: Page, only?: readonly string[]): Promise<{ title: string; key: string }> {
  const card = await choosableCard(page, 'must choose it too', only);
  await click(page, 'button', card.title);
  await waitForPressed(page, card.key);
  return card;
}

/** Everything the page lets a player read or a script find: the DOM's text and the test hook. */
async function everythingShown(page: Page): Promise<string> {
  return page.evaluate(() => `${document.body.textContent ?? ''}\n${JSON.stringify(window.__cyd)}`);
}

describe('a hot-seat class session', () => {
  it('keeps the first team’s choice from the second team until both see the resolution, and plays to a debrief of both sides', async () => {
    const { page, errors } = await openGame(STILL);
    await toClassSetup(page);

    // The PIN box takes digits only: letters typed are dropped.
    await page.getByLabel('Instructor PIN (optional)').focus();
    await page.keyboard.type('24ab68');
    expect(await page.getByLabel('Instructor PIN (optional)').inputValue()).toBe('2468');
    expect(await page.getByLabel('Instructor PIN (optional)').getAttribute('type')).toBe('password');
    await shot(page, 'setup');
    await click(page, 'button', 'Start the session');
    await waitForScene(page, 'Briefing');
    expect(await page.evaluate(() => window.__cyd?.game)).toMatchObject({ scenario: SCENARIO, mode: 'hotseat', side: 'tokyo', sealed: [] });
    // Read by both teams together: both sides' goals, and only the meters both sides see exactly.
    expect(await page.getByRole('heading', { name: 'Goals of Seoul’s team' }).count()).toBe(1);
    expect(await page.getByText(/^Tokyo’s team and Seoul’s team · /).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'The meters both teams see' }).count()).toBe(1);
    await click(page, 'button', 'Begin');

    let resolved = 0;
    for (; resolved < MAX_TURNS; resolved++) {
      // Tokyo's team is called first; nothing is sealed yet.
      await waitForTeam(page, 'Handover', 'tokyo', []);
      expect(await page.getByRole('heading', { level: 1, name: 'Pass to the Tokyo team — Press to reveal' }).count()).toBe(1);
      // The hand-over screen shows no meter and no decision of either side.
      expect(await page.locator('#app [data-key^="card:"]').count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Your meters' }).count()).toBe(0);
      if (resolved === 0) await shot(page, 'handover-tokyo');
      await click(page, 'button', 'Reveal Tokyo’s turn');
      await waitForTeam(page, 'Turn', 'tokyo', []);
      expect(await page.getByText('Tokyo’s team is choosing').count()).toBe(1);

      if (resolved > 0) {
        // Later turns: nothing chosen; the first team's End turn seals and passes on all the same.
        await click(page, 'button', 'Seal and pass to Seoul');
        await waitForTeam(page, 'Handover', 'seoul', ['tokyo']);
        await click(page, 'button', 'Reveal Seoul’s turn');
        await waitForTeam(page, 'Turn', 'seoul', ['tokyo']);
        expect(await page.getByRole('button', { name: 'Seal and pass to Seoul' }).count()).toBe(0);
        await click(page, 'button', 'End turn');
      } else {
        // A decision only Tokyo has (a decision open to both sides is on Seoul's cards too, by its own right).
        const tokyo = await choose(page, TOKYO_ONLY);
        expect(TUTORIAL.decisions.filter((d) => d.side !== 'tokyo').map((d) => localize(d.title, 'en'))).not.toContain(tokyo.title);
        const tokyoId = tokyo.key.slice('card:'.length);
        await shot(page, 'turn-tokyo');
        await click(page, 'button', 'Seal and pass to Seoul');

        // Seoul's team is called; Tokyo's orders are sealed: which side, never what.
        await waitForTeam(page, 'Handover', 'seoul', ['tokyo']);
        expect(await page.getByText('Tokyo’s choices are sealed until the turn is shown to both teams.').count()).toBe(1);
        let shown = await everythingShown(page);
        expect(shown).not.toContain(tokyo.title);
        expect(shown).not.toContain(tokyoId);
        await shot(page, 'handover-seoul');

        await click(page, 'button', 'Reveal Seoul’s turn');
        await waitForTeam(page, 'Turn', 'seoul', ['tokyo']);
        expect(await page.getByText('Seoul’s team is choosing').count()).toBe(1);
        shown = await everythingShown(page);
        expect(shown).not.toContain(tokyo.title);
        expect(shown).not.toContain(tokyoId);
        const seoul = await choose(page);
        shown = await everythingShown(page);
        expect(shown).not.toContain(tokyo.title);
        expect(shown).not.toContain(tokyoId);
        await shot(page, 'turn-seoul');
        // The second team's End turn resolves the turn.
        await click(page, 'button', 'End turn');
        await page.waitForFunction(() => window.__cyd?.scene === 'Resolution' && window.__cyd?.game?.resolved === 1, undefined, WAIT);

        // Shown to both teams: each column as its own side saw it, neither marked "(you)", each naming the other team's choice.
        expect(await page.getByText('Shown to both teams').count()).toBe(1);
        const tokyoColumn = await page.getByRole('region', { name: /^How .*Tokyo.* saw it$/ }).textContent();
        const seoulColumn = await page.getByRole('region', { name: /^How .*Seoul.* saw it$/ }).textContent();
        expect(seoulColumn).toMatch(new RegExp(`(Took|Agreed with you|Proposed): ${escape(tokyo.title)}`));
        expect(tokyoColumn).toMatch(new RegExp(`(Took|Agreed with you|Proposed): ${escape(seoul.title)}`));
        expect(await page.getByRole('region', { name: /\(you\)$/ }).count()).toBe(0);
        await shot(page, 'resolution');
      }
      await page.waitForFunction((n) => window.__cyd?.scene === 'Resolution' && window.__cyd?.game?.resolved === n, resolved + 1, WAIT);
      expect(await page.evaluate(() => window.__cyd?.game?.sealed)).toEqual([]);
      const ended = await page.evaluate(() => window.__cyd?.game?.ending);
      await click(page, 'button', ended ? 'See the debrief' : 'Continue');
      if (ended) break;
    }

    await page.waitForFunction(() => window.__cyd?.scene === 'Debrief', undefined, WAIT);
    // Both sides' results, neither marked as "you"; the chart follows one side at a time, by a switch.
    const results = await page.getByRole('region', { name: 'Win' }).textContent();
    expect(results).toMatch(/Tokyo.*:.*score/);
    expect(results).toMatch(/Seoul.*:.*score/);
    expect(results).not.toContain('(you)');
    expect(await page.getByRole('radio', { name: 'Tokyo’s meters' }).isChecked()).toBe(true);
    // The chart's title says whose meters they are (no one-player "your" in a two-team debrief).
    const tokyoChart = await page.getByRole('region', { name: 'Tokyo’s meters over time' }).textContent();
    await click(page, 'radio', 'Seoul’s meters');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="follow"]:checked')?.value === 'seoul', undefined, WAIT);
    expect(await page.getByRole('region', { name: 'Seoul’s meters over time' }).textContent()).not.toBe(tokyoChart);
    await shot(page, 'debrief');
    expect(errors).toEqual([]);
  }, 300_000);

  it('shows a team’s one-minute timer, warns at 30 seconds and submits the team’s choices when it runs out', async () => {
    const { page, errors } = await newGamePage(STILL);
    // The store's timer reads Date.now: a fake clock (flowing until told to jump) stands in for a minute's wait.
    await page.clock.install();
    await page.goto(gameUrl());
    await waitForReady(page);
    await toClassSetup(page);
    await click(page, 'radio', '1 minute');
    await click(page, 'button', 'Start the session');
    await waitForScene(page, 'Briefing');
    await click(page, 'button', 'Begin');
    await waitForTeam(page, 'Handover', 'tokyo', []);
    await click(page, 'button', 'Reveal Tokyo’s turn');
    await waitForTeam(page, 'Turn', 'tokyo', []);

    const timer = page.locator('#app [data-key="timer"]');
    expect(await timer.textContent()).toMatch(/^(1:00|0:5\d) left for Tokyo’s team$/);
    const card = await choose(page);

    await page.clock.fastForward('00:35');
    await page.waitForFunction(() => /^0:[0-2]\d left for Tokyo’s team$/.test(document.querySelector('#app [data-key="timer"]')?.textContent ?? ''), undefined, WAIT);
    await page.waitForFunction(() => document.getElementById('announcer')?.textContent === '30 seconds left for Tokyo’s team', undefined, WAIT);
    await shot(page, 'timer');

    // Time up: Tokyo's choices as they stood are sealed and Seoul's team is called.
    await page.clock.fastForward('00:30');
    await waitForTeam(page, 'Handover', 'seoul', ['tokyo']);
    expect(await everythingShown(page)).not.toContain(card.title);
    expect(errors).toEqual([]);
  }, 300_000);
});
