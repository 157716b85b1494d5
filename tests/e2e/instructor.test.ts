/**
 * The instructor panel in headless Chromium, driven through the page as an instructor would: the
 * Ctrl+Alt+I shortcut, the PIN, pause (the teams' End turn does nothing), reveal (a hidden meter's
 * true value shows on the turn screen), firing an event and setting a meter with a reason, both of
 * which the turn's resolution and the debrief then show. Screenshots: test-results/instructor-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { click, openGame, playToDebrief, shot as photograph, startGame, startHotseatSession, STILL, WAIT, waitForPlay, waitForScene } from './harness';

/** linkage has a meter neither side sees during play, and one Tokyo sees exactly. */
const HIDDEN_METER = "Washington's confidence in the trilateral";
const TOKYO_METER = 'Japanese who feel affinity for Korea';

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `instructor-${name}`));

const panel = (page: Page) => page.getByRole('dialog', { name: 'Instructor panel' });

async function openPanel(page: Page): Promise<void> {
  await page.keyboard.press('Control+Alt+KeyI');
  await panel(page).waitFor({ state: 'visible', ...WAIT });
}

async function closePanel(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await panel(page).waitFor({ state: 'hidden', ...WAIT });
}

/** The text of the screen shown. */
const screenText = (page: Page): Promise<string> => page.evaluate(() => document.getElementById('app')?.textContent ?? '');

describe('the instructor panel', () => {
  it('pauses the teams, reveals a hidden meter, fires an event and sets a meter, and the debrief lists both', async () => {
    const { page, errors } = await openGame(STILL);
    await startGame(page, 'linkage', 'Tokyo');

    // A solo game has no PIN: the shortcut opens the panel at once, with focus inside it.
    await openPanel(page);
    expect(await page.evaluate(() => document.getElementById('instructor-panel')?.contains(document.activeElement))).toBe(true);
    await shot(page, 'panel');

    // Pause: the cover shows and the teams' End turn does nothing.
    const centre = async (key: string): Promise<{ x: number; y: number }> => {
      const box = await page.locator(`#app [data-key="${key}"]`).first().boundingBox();
      if (!box) throw new Error(`no ${key} on the screen`);
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const end = await centre('end');
    const menu = await centre('menu');
    await panel(page).getByRole('button', { name: 'Pause the game' }).click();
    await closePanel(page);
    await page
      .locator('.instructor-cover')
      .getByText('Paused by the instructor', { exact: true })
      .waitFor({ state: 'visible', ...WAIT });
    await shot(page, 'paused');
    await page.keyboard.press('e');
    // Real clicks where End turn and Menu are: the cover lies over them, and neither hears it.
    await page.mouse.click(end.x, end.y);
    await page.mouse.click(menu.x, menu.y);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.evaluate(() => ({ screen: window.__cyd?.screen, resolved: window.__cyd?.game?.resolved }))).toEqual({ screen: 'turn', resolved: 0 });
    await openPanel(page);
    await panel(page).getByRole('button', { name: 'Resume the game' }).click();
    expect(await page.locator('.instructor-cover').isVisible()).toBe(false);

    // Reveal: the hidden meter joins the turn screen's meters, marked; hidden again, it leaves.
    const meters = (): Promise<string> => page.evaluate(() => document.querySelector('#app section[aria-label="Your meters"]')?.textContent ?? '');
    expect(await meters()).not.toContain(HIDDEN_METER);
    await panel(page).getByRole('button', { name: 'Reveal hidden meters and true poll values' }).click();
    await closePanel(page);
    await page.waitForFunction((label) => document.querySelector('#app section[aria-label="Your meters"]')?.textContent?.includes(label), HIDDEN_METER, WAIT);
    const trueValue = await page.evaluate(() => document.querySelector('#app section[aria-label="Your meters"]')?.textContent ?? '');
    expect(trueValue).toMatch(new RegExp(`Revealed by the instructor: ${HIDDEN_METER}: \\d+`));
    await shot(page, 'revealed');
    await openPanel(page);
    await panel(page).getByRole('button', { name: 'Hide the true values again' }).click();
    await closePanel(page);
    await page.waitForFunction((label) => !document.querySelector('#app section[aria-label="Your meters"]')?.textContent?.includes(label), HIDDEN_METER, WAIT);

    // Fire an event due only in turn 4 (its effects touch meters Tokyo sees): the panel says so,
    // and the event cannot fire again this turn. One that fired on its own this turn is marked.
    await openPanel(page);
    expect(await panel(page).getByRole('listitem').filter({ hasText: "'No Japan': the consumer boycott" }).textContent()).toContain('Already fired this turn');
    expect(await panel(page).locator('button[data-key="instructor:fire:no_japan"]').isDisabled()).toBe(true);
    const fire = panel(page).locator('button[data-key="instructor:fire:covid_arrives"]');
    const fireName = (await fire.getAttribute('aria-label'))!;
    const eventTitle = fireName.replace(/^Fire “/, '').replace(/”$/, '');
    await fire.click();
    await panel(page).getByText(`Fired “${eventTitle}”.`).waitFor(WAIT);
    expect(await panel(page).getByRole('button', { name: fireName }).isDisabled()).toBe(true);

    // Set a meter: every meter is listed at its true value with its bounds (the hidden one too);
    // Set stays disabled until a reason is written.
    const select = panel(page).getByLabel('Meter', { exact: true });
    const options = await select.locator('option').allTextContents();
    expect(options.find((o) => o.startsWith(HIDDEN_METER))).toMatch(/: \d+(\.\d)? \(0 to 100\)$/);
    await select.selectOption('jp_view');
    expect(await select.locator('option:checked').textContent()).toMatch(new RegExp(`^${TOKYO_METER}: \\d+(\\.\\d)?% \\(0 to 100\\)$`));
    const setButton = panel(page).getByRole('button', { name: 'Set the meter' });
    await panel(page)
      .getByLabel(/^New value/)
      .fill('85');
    expect(await setButton.isDisabled()).toBe(true);
    const reason = 'The class decided Washington is reassured';
    await panel(page)
      .getByLabel(/^Reason/)
      .fill(reason);
    expect(await setButton.isDisabled()).toBe(false);
    await setButton.click();
    await panel(page).getByText(`${TOKYO_METER} set to 85%.`).waitFor(WAIT);
    const log = await panel(page).getByRole('region', { name: 'Interventions so far' }).textContent();
    expect(log).toContain(`Turn 1: Fired the event “${eventTitle}”`);
    expect(log).toMatch(new RegExp(`Turn 1: Set ${TOKYO_METER}: \\d+(\\.\\d)?% → 85% \\(“${reason}”\\)`));
    await shot(page, 'adjusted');
    await closePanel(page);
    // Focus is back in the game.
    expect(await page.evaluate(() => (document.getElementById('app')?.contains(document.activeElement) ? 'in the game' : (document.activeElement?.outerHTML.slice(0, 120) ?? 'nothing')))).toBe(
      'in the game',
    );

    // The turn's resolution names both as the instructor's.
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    const resolution = await screenText(page);
    expect(resolution).toContain(`Event fired by the instructor: ${eventTitle}`);
    expect(resolution).toContain(`The instructor set ${TOKYO_METER}: “${reason}”`);
    await shot(page, 'resolution');
    await click(page, 'button', (await page.evaluate(() => window.__cyd?.game?.ending)) ? 'See the debrief' : 'Continue');

    await playToDebrief(page, 1);
    const debrief = await screenText(page);
    expect(debrief).toContain('Instructor’s interventions');
    expect(debrief).toContain(`Turn 1: Fired the event “${eventTitle}”`);
    expect(debrief).toMatch(new RegExp(`Turn 1: Set ${TOKYO_METER}: \\d+(\\.\\d)?% → 85% \\(“${reason}”\\)`));
    expect(debrief).toContain('Turn 1: Paused the game');
    expect(debrief).toContain('Turn 1: Revealed the hidden meters and true poll values');
    // For the screenshot: the reading column scrolled to its end (the interventions, then the questions).
    await page.locator('#app [data-key="scroll:debrief"]').focus();
    await page.keyboard.press('End');
    await shot(page, 'debrief');
    expect(errors).toEqual([]);
  }, 300_000);

  it('asks a hot-seat session’s PIN, refuses a wrong one, and ends the game by hand', async () => {
    const { page, errors } = await openGame(STILL);
    await startHotseatSession(page, 'tutorial', '2468');

    // Locked on the briefing already: a wrong PIN is refused, the field emptied, the PIN never shown.
    await openPanel(page);
    const pin = panel(page).getByLabel('PIN', { exact: true });
    expect(await pin.evaluate((el) => document.activeElement === el)).toBe(true);
    await pin.fill('1111');
    await page.keyboard.press('Enter');
    await panel(page).getByText('That PIN is not right. The panel stays locked.').waitFor(WAIT);
    expect(await pin.inputValue()).toBe('');
    expect(await panel(page).textContent()).not.toContain('2468');
    expect(await panel(page).getByRole('button', { name: 'Pause the game' }).count()).toBe(0);
    await shot(page, 'locked');
    await pin.fill('2468');
    await page.keyboard.press('Enter');
    await panel(page).getByRole('button', { name: 'Pause the game' }).waitFor(WAIT);

    // Tab stays inside the dialog.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.getElementById('instructor-panel')?.contains(document.activeElement))).toBe(true);
    }

    // End the game now, after a confirm step: the debrief says the instructor ended it.
    await panel(page).getByRole('button', { name: 'End the game now' }).click();
    await panel(page)
      .getByText(/^End the game now and show the debrief\?/)
      .waitFor(WAIT);
    await panel(page).getByRole('button', { name: 'Yes, end the game' }).click();
    await waitForScene(page, 'Debrief');
    expect(await page.evaluate(() => window.__cyd?.game?.resolved)).toBe(1);
    await closePanel(page);
    const debrief = await screenText(page);
    expect(debrief).toMatch(/Ended by the instructor after turn 1(: |\.)/);
    expect(debrief).toContain('Turn 1: Ended the game');
    await shot(page, 'ended');

    // Closed again, the panel asks for the PIN again.
    await openPanel(page);
    expect(await panel(page).getByLabel('PIN', { exact: true }).count()).toBe(1);
    await closePanel(page);
    expect(errors).toEqual([]);
  }, 300_000);
});
