/**
 * A class session's secrets and a player's saves in headless Chromium, as people would meet them:
 * the instructor's PIN and the first team's sealed choice are nowhere in the browser's storage; a
 * reload keeps the sealed choice locked until the instructor types the PIN; a team's Export asks
 * for the PIN; a second tab on the same game is told at once that it is behind; and a browser that
 * keeps nothing says so on the title. Screenshots go to test-results/secrecy-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { click, choosableCard, gameUrl, newGamePage, openGame, shot as photograph, startGame, startHotseatSession, STILL, WAIT, waitForPlay, waitForReady, waitForScene } from './harness';

const PIN = '8046';
const panel = (page: Page) => page.getByRole('dialog', { name: 'Instructor panel' });
const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `secrecy-${name}`));
const storedText = (page: Page): Promise<string> =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .map((k) => `${k}=${localStorage.getItem(k)}`)
      .join('\n'),
  );

async function unlock(page: Page): Promise<void> {
  const pin = panel(page).getByLabel('PIN', { exact: true });
  await pin.waitFor(WAIT);
  await pin.fill(PIN);
  await page.keyboard.press('Enter');
  await panel(page).getByRole('button', { name: 'Pause the game' }).waitFor(WAIT);
}

describe('a class session’s secrets on a shared screen', () => {
  it('keeps the PIN and the sealed choice out of storage, locked through a reload until the instructor opens them; Export asks for the PIN', async () => {
    const { page, errors } = await openGame(STILL);
    await startHotseatSession(page, 'tutorial', PIN);
    await click(page, 'button', 'Begin');
    await click(page, 'button', 'Reveal Tokyo’s turn');
    await waitForScene(page, 'Turn');
    const card = await choosableCard(page);
    await click(page, 'button', card.title);
    await click(page, 'button', 'Seal and pass to Seoul');
    await waitForScene(page, 'Handover');
    const tokyoId = card.key.slice('card:'.length);
    await page.waitForFunction(() => (localStorage.getItem('cyd.save') ?? '').includes('"sealedLocked":{"tokyo"'), undefined, WAIT);
    const stored = await storedText(page);
    expect(stored).not.toContain(PIN);
    expect(stored).not.toContain(tokyoId);

    // The page is reloaded: Seoul's team plays on; its End turn needs the instructor first.
    await page.reload();
    await waitForReady(page);
    await click(page, 'button', 'Continue');
    await waitForScene(page, 'Handover');
    await click(page, 'button', 'Reveal Seoul’s turn');
    await waitForScene(page, 'Turn');
    await click(page, 'button', 'End turn');
    await page
      .getByRole('alert')
      .getByText(/kept locked under the instructor’s PIN/)
      .waitFor(WAIT);
    await shot(page, 'sealed-locked');
    await unlock(page);
    await page.keyboard.press('Escape');
    await panel(page).waitFor({ state: 'hidden', ...WAIT });
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    expect(await page.evaluate(() => document.getElementById('app')?.textContent ?? '')).toContain(card.title);

    // A team's Export opens the PIN prompt, not a download; the instructor exports from the panel.
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    await click(page, 'button', 'Menu');
    await waitForScene(page, 'Settings');
    await click(page, 'button', 'Export this game');
    await panel(page).getByLabel('PIN', { exact: true }).waitFor(WAIT);
    expect(downloads).toBe(0);
    await shot(page, 'export-asks-pin');
    await unlock(page);
    const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: 'Export this game' }).click()]);
    const file = readFileSync(await download.path(), 'utf8');
    expect(file).not.toContain(PIN);
    expect(JSON.parse(file)).toMatchObject({ mode: 'hotseat', classroom: { pin: { iterations: 100_000 } } });
    expect(errors).toEqual([]);
  }, 300_000);
});

describe('saves across tabs and browsers', () => {
  it('tells a second tab on the same game that it is behind as soon as the first saves', async () => {
    const { page, context, errors } = await openGame(STILL);
    await startGame(page, 'tutorial', 'Tokyo');
    const second = await context.newPage();
    await second.goto(gameUrl());
    await waitForReady(second);
    await click(second, 'button', 'Continue');
    await waitForPlay(second, 'Turn', 0);
    await click(page, 'button', 'End turn');
    await waitForPlay(page, 'Resolution', 1);
    await second
      .getByRole('alert')
      .getByText(/saved in another tab or window/)
      .waitFor(WAIT);
    await shot(second, 'stale-tab');
    // Its End turn does not overwrite the newer save.
    const newer = await page.evaluate(() => localStorage.getItem('cyd.save'));
    await click(second, 'button', 'End turn');
    await waitForPlay(second, 'Resolution', 1);
    expect(await page.evaluate(() => localStorage.getItem('cyd.save'))).toBe(newer);
    expect(errors).toEqual([]);
  }, 300_000);

  it('says on the title at once when the browser keeps nothing', async () => {
    const { page, errors } = await newGamePage(STILL);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The user denied storage access.', 'SecurityError');
        },
      });
    });
    await page.goto(gameUrl());
    await waitForReady(page);
    await page
      .getByRole('alert')
      .getByText(/will not let the game keep anything/)
      .waitFor(WAIT);
    await shot(page, 'no-storage');
    expect(errors).toEqual([]);
  }, 120_000);
});
