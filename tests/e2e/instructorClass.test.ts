/**
 * An instructor's class on the class server, in headless Chromium, as a class meets it: the
 * instructor starts a class of three games with required memos from the title (Class game → Start a
 * class), six teams open the class's link on devices of their own and are given seats, the dashboard
 * shows them arrive. The instructor fires an event in every game at once; each team writes its memo
 * (End turn waits for it) and plays a turn; the instructor ends every game; a team answers the
 * debrief's questions; the class debrief lists every game, and its exports are read back.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv';
import { click, gameUrl, newGamePage, openGame, press, shot, STILL, WAIT, waitForPlay, waitForReady, waitForScreen, type GamePage } from './harness';

const GAMES = 3;
const MEMO_MIN = 20;

async function downloaded(page: Page, key: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), press(page, key)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

/** Types into a field the way a person does: a click on it, then the keys. */
async function typeInto(page: Page, key: string, text: string): Promise<void> {
  const field = page.locator(`#app [data-key="${key}"]`).first();
  await field.click();
  await field.press('Control+A');
  await page.keyboard.type(text);
}

describe('an instructor’s class on the class server', () => {
  it('a dashboard and six team devices: an event fired in every game, required memos, every game ended, the class debrief and its exports', async () => {
    const instructor = await openGame(STILL);
    const dash = instructor.page;
    await press(dash, 'title:class');
    await waitForScreen(dash, 'classJoin');
    await press(dash, 'class:start-class');
    await waitForScreen(dash, 'classCreate');
    await typeInto(dash, 'create:games', String(GAMES));
    await click(dash, 'radio', 'Required');
    await typeInto(dash, 'create:min-length', String(MEMO_MIN));
    await press(dash, 'create:create');
    await waitForScreen(dash, 'classDashboard');
    const code = ((await dash.locator('#app .dash-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    await press(dash, 'dash:key-noted');
    await expect.poll(() => dash.locator('#app .dash-card').count(), WAIT).toBe(GAMES);

    // Six teams open the class's link (the QR code's) and are each given a seat.
    const teams: GamePage[] = [];
    for (let i = 0; i < 2 * GAMES; i++) {
      const team = await newGamePage(STILL);
      await team.page.goto(`${gameUrl()}?class=${code}`);
      await waitForReady(team.page);
      await team.page.locator('#app .lobby-seats').waitFor(WAIT);
      expect(await team.page.locator('#app .lobby-given').innerText()).toMatch(/Your team plays (Tokyo|Seoul) in game/);
      await press(team.page, 'class:enter');
      await waitForScreen(team.page, 'briefing');
      await click(team.page, 'button', 'Begin');
      await waitForPlay(team.page, 'Turn', 0);
      teams.push(team);
    }
    await expect.poll(() => dash.locator('#app .dash-side.seat-connected').count(), WAIT).toBe(2 * GAMES);
    await shot(dash, 'instructor-dashboard');

    // An inject to every game: each game says it was done, and every team's turn shows the event.
    await dash.locator('#app [data-key="dash:event"]').selectOption('joint_poll');
    await press(dash, 'dash:fire');
    await expect.poll(() => dash.locator('#app .dash-results').innerText(), WAIT).toContain(`done in ${GAMES} games`);
    for (const team of teams) await team.page.getByText('A joint Japan–Korea opinion poll is published').first().waitFor(WAIT);

    // A required memo: End turn waits until the memo is long enough, then the orders go with it.
    for (const [i, team] of teams.entries()) {
      const end = team.page.locator('#app [data-key="end"]');
      await team.page.locator('#app [data-key="class:memo"]').waitFor(WAIT);
      await typeInto(team.page, 'class:memo', 'Too short');
      expect(await team.page.locator('#app .turn-class-memo-count').innerText()).toMatch(/more characters needed/);
      expect(await end.isDisabled()).toBe(true);
      await typeInto(team.page, 'class:memo', `Team ${i + 1} waits for the poll before moving.`);
      await expect.poll(() => end.isDisabled(), WAIT).toBe(false);
      if (i === 0) await shot(team.page, 'instructor-memo');
      await click(team.page, 'button', 'End turn');
    }
    for (const team of teams) {
      await waitForPlay(team.page, 'Resolution', 1);
      await click(team.page, 'button', 'Continue');
    }

    // The instructor ends every game (asked first).
    await press(dash, 'dash:end');
    await press(dash, 'dash:end-yes');
    await expect.poll(() => dash.locator('#app .dash-badge-ended').count(), WAIT).toBe(GAMES);
    // The instructor's end arrives as the turn's report (its cause said), then the debrief.
    for (const team of teams) {
      await waitForPlay(team.page, 'Resolution', 2);
      await click(team.page, 'button', 'See the debrief');
      await waitForScreen(team.page, 'debrief');
    }

    // A team answers the debrief's questions: one written, one chosen.
    const first = teams[0]!.page;
    await typeInto(first, 'answer:0', 'Trust moved most, because of the joint poll.');
    await press(first, 'answer:save:0');
    const choiceQuestion = 6;
    await click(first, 'radio', 'Trust comes back through regular talks between the governments.');
    await press(first, `answer:save:${choiceQuestion}`);
    await expect.poll(() => first.locator('#app .class-answer-status').filter({ hasText: 'Saved.' }).count(), WAIT).toBe(2);
    await shot(first, 'instructor-team-answers');

    // The class debrief lists every game; its exports read back.
    await press(dash, 'dash:debrief');
    await waitForScreen(dash, 'classDebrief');
    const record = JSON.parse((await downloaded(dash, 'cdeb:json')).text) as { format: string; record: { games: { code: string; memos: { text: string }[]; answers: unknown[] }[] } };
    expect(record.format).toBe('close-yet-distant/class-record');
    const codes = record.record.games.map((g) => g.code);
    expect(codes).toHaveLength(GAMES);
    for (const game of codes) await expect.poll(() => dash.locator('#app').innerText(), WAIT).toContain(`Game ${game}`);
    expect(record.record.games.flatMap((g) => g.memos.map((m) => m.text)).sort()).toEqual(Array.from({ length: 2 * GAMES }, (_, i) => `Team ${i + 1} waits for the poll before moving.`).sort());
    expect(record.record.games.flatMap((g) => g.answers)).toHaveLength(2);
    // Each CSV starts with a byte-order mark (for Excel), then RFC 4180.
    const meters = parseCsv((await downloaded(dash, 'cdeb:meters')).text.slice(1));
    expect(new Set(meters.slice(1).map((row) => row[0]))).toEqual(new Set(codes));
    const gradebook = parseCsv((await downloaded(dash, 'cdeb:gradebook')).text.slice(1));
    expect(gradebook.length - 1).toBe(2 * GAMES);
    await shot(dash, 'instructor-class-debrief');
    // Printable: the class's pages over the screen, every game on them; Escape gives the screen back.
    await press(dash, 'cdeb:print');
    const sheets = dash.locator('#class-sheets');
    await sheets.waitFor(WAIT);
    for (const game of codes) expect(await sheets.innerText()).toContain(game);
    await dash.keyboard.press('Escape');
    await sheets.waitFor({ state: 'detached', ...WAIT });
    for (const device of [instructor, ...teams]) expect(device.errors).toEqual([]);
  }, 300_000);
});
