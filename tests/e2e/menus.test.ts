/**
 * The menus by keyboard alone, in Debian's headless Chromium against the production build: title →
 * scenario → side and difficulty → briefing → the turn screen; settings that survive a reload; the
 * pointer on the visible title; a screenshot of every menu screen (test-results/menu-*.png) to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, openGame, shot as photograph, tabTo, WAIT, waitForReady, waitForScene, waitForScreen } from './harness';

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `menu-${name}`));

describe('the menus by keyboard', () => {
  it('goes from the title through scenario, side and briefing to the first turn', async () => {
    const { page, errors } = await openGame();
    await shot(page, 'title');

    // The title focuses New game: Enter opens the scenario list.
    expect(await focused(page)).toBe('New game');
    await page.keyboard.press('Enter');
    await waitForScene(page, 'ScenarioSelect');
    expect(await page.evaluate(() => window.__cyd?.screen)).toBe('scenarios');

    // The scenario list is a radio group; arrow keys choose, the summary goes with each option.
    const options = page.getByRole('radio');
    const count = await options.count();
    expect(count).toBeGreaterThan(0);
    const firstChecked = await options.first().isChecked();
    expect(firstChecked).toBe(true);
    if (count > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await options.nth(1).isChecked()).toBe(true);
    }
    await shot(page, 'scenarios');
    const chosen = await page.evaluate(() => (document.querySelector('input[name="scenario"]:checked') as HTMLInputElement).value);
    await tabTo(page, /^Next/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'SideSelect');

    // Side: none chosen yet, so Start is disabled; Space chooses Tokyo, the arrow moves to Seoul.
    expect(await page.getByRole('button', { name: 'Start the game' }).isDisabled()).toBe(true);
    expect(await focused(page)).toBe('Lead Tokyo');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Lead Seoul' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Normal');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Hard' }).isChecked()).toBe(true);
    await shot(page, 'side');
    await tabTo(page, /^Start the game$/);
    await page.keyboard.press('Enter');

    await waitForScene(page, 'Briefing');
    const game = await page.evaluate(() => window.__cyd?.game);
    expect(game).toMatchObject({ scenario: chosen, side: 'seoul', difficulty: 'hard', turn: 1, resolved: 0, ending: null });
    // The briefing lists the essays and the meters as Seoul sees them (no hidden values in the hook).
    const meters = page.getByRole('region', { name: 'Your meters', exact: true }).getByRole('listitem');
    // One line per meter: those Seoul sees (polls as estimate ± margin) and the hidden ones, without value.
    const seen = Object.values(game?.meters ?? {});
    expect(seen.length).toBeGreaterThan(0);
    expect(await meters.count()).toBeGreaterThanOrEqual(seen.length);
    expect(await meters.filter({ hasText: '±' }).count()).toBe(seen.filter((m) => m.seen === 'poll').length);
    expect(await page.getByRole('region', { name: 'The essays behind this scenario' }).getByRole('listitem').count()).toBeGreaterThan(0);
    // The long text scrolls by keyboard while its region has focus.
    expect(await focused(page)).toBe('The situation');
    await page.keyboard.press('PageDown');
    await shot(page, 'briefing');
    await tabTo(page, /^Begin$/);
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'turn');
    await waitForScene(page, 'Turn');

    expect(errors).toEqual([]);
  });

  it('goes back with Escape and keeps the pick', async () => {
    const { page, errors } = await openGame();
    await page.keyboard.press('Enter');
    await waitForScene(page, 'ScenarioSelect');
    await page.keyboard.press('Escape');
    await waitForScene(page, 'Title');
    expect(await page.evaluate(() => window.__cyd?.screen)).toBe('title');
    expect(errors).toEqual([]);
  });

  it('reports an unreadable save file on the title, and dismisses the message', async () => {
    const { page, errors } = await openGame();
    // Listening before any key is pressed: Playwright takes over the chooser only once it listens.
    const chooserOpened = page.waitForEvent('filechooser', WAIT);
    await tabTo(page, /^Import a save file$/);
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles({ name: 'not-a-save.json', mimeType: 'application/json', buffer: Buffer.from('{"this is": "not a save"') });
    const alert = page.getByRole('alert');
    await alert.waitFor(WAIT);
    expect((await alert.textContent())?.length ?? 0).toBeGreaterThan(10);
    expect(await page.evaluate(() => window.__cyd?.screen)).toBe('title');
    await shot(page, 'title-notice');
    // Focus stayed on Import; the message's Dismiss comes before it.
    expect(await focused(page)).toBe('Import a save file');
    await tabTo(page, /^Dismiss$/);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor({ state: 'detached', ...WAIT });
    expect(errors).toEqual([]);
  });

  it('answers the mouse too: a click where New game is drawn opens the scenario list', async () => {
    const { page, errors } = await openGame();
    // The pointer at the middle of the visible button: nothing (the world's canvas included) lies over it.
    const box = await page.getByRole('button', { name: 'New game', exact: true }).boundingBox();
    if (!box) throw new Error('New game is not on the screen');
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.dataset.key, [box.x + box.width / 2, box.y + box.height / 2])).toBe('title:new');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForScene(page, 'ScenarioSelect');
    expect(errors).toEqual([]);
  });

  it('keeps settings across a reload', async () => {
    const { page, errors } = await openGame();
    await tabTo(page, /^Settings$/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Settings');
    await shot(page, 'settings');

    // Volume (a slider): the focus starts there; arrow keys move it in steps of 5%.
    expect(await focused(page)).toBe('Volume');
    const volumeBefore = Number(await page.getByRole('slider', { name: 'Volume' }).inputValue());
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const volume = Number(await page.getByRole('slider', { name: 'Volume' }).inputValue());
    expect(volume).toBe(volumeBefore - 10);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Mute all sound');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Normal');
    await page.keyboard.press('ArrowRight');
    // Text size redraws the screen; focus stays on the option just chosen.
    await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.value === 'large', undefined, WAIT);
    expect(await page.getByRole('radio', { name: 'Large' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^Reduce motion/);
    await page.keyboard.press('Space');
    await shot(page, 'settings-large');

    await page.reload();
    await waitForReady(page);
    await shot(page, 'title-large');
    await tabTo(page, /^Settings$/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Settings');
    expect(Number(await page.getByRole('slider', { name: 'Volume' }).inputValue())).toBe(volume);
    expect(await page.getByRole('switch', { name: 'Mute all sound' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Large' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: /^Reduce motion/ }).isChecked()).toBe(true);

    // Back with Escape, to where settings were opened from.
    await page.keyboard.press('Escape');
    await waitForScene(page, 'Title');

    // Every menu at the large text size, for the screenshots.
    await tabTo(page, /^New game$/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'ScenarioSelect');
    await shot(page, 'scenarios-large');
    await tabTo(page, /^Next/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'SideSelect');
    await page.keyboard.press('Space');
    await shot(page, 'side-large');
    await tabTo(page, /^Start the game$/);
    await page.keyboard.press('Enter');
    await waitForScene(page, 'Briefing');
    await shot(page, 'briefing-large');
    expect(errors).toEqual([]);
  });
});
