/**
 * An instructor's own scenario files in the browser (Debian's headless Chromium, the production
 * build with its Content-Security-Policy): a bad file dropped on the page shows the checker's
 * located problems in a dialog and the game goes on; a good file chosen with the file button plays
 * to its debrief and is still on the list after a reload; `?scenario=` loads a file published
 * beside the game; an English-only scenario plays in Japanese and Korean; the checker's code is
 * fetched only when a file comes. Screenshots: test-results/library-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseScenario,
  click,
  focused,
  gameUrl,
  newGamePage,
  openGame,
  playToDebrief,
  press,
  ROOT,
  shot as photograph,
  startGame,
  STILL,
  WAIT,
  waitForPlay,
  waitForReady,
  waitForScene,
} from './harness';

const FIXTURES = join(ROOT, 'tests/fixtures/scenarios');
const GOOD = readFileSync(join(FIXTURES, 'classroom_pilot.yaml'), 'utf8');
const BAD = readFileSync(join(FIXTURES, 'bad_pilot.yaml'), 'utf8');
/** The fixtures are published beside the game (tests/e2e/globalSetup.ts), as an instructor's files would be. */
const SAME_ORIGIN = 'fixtures/classroom_pilot.yaml';

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `library-${name}`));

/** Drags files over the page and drops them, as a browser does (a DataTransfer carrying Files). */
async function dropFiles(page: Page, files: readonly (readonly [string, string])[], { enterOnly = false } = {}): Promise<void> {
  await page.evaluate(
    ([list, onlyEnter]) => {
      const transfer = new DataTransfer();
      for (const [fileName, content] of list) transfer.items.add(new File([content], fileName, { type: 'application/yaml' }));
      const target = document.getElementById('app') ?? document.body;
      const fire = (type: string): boolean => target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      fire('dragenter');
      fire('dragover');
      if (!onlyEnter) fire('drop');
    },
    [files, enterOnly] as const,
  );
}

const dropFile = (page: Page, name: string, text: string, options: { enterOnly?: boolean } = {}): Promise<void> => dropFiles(page, [[name, text]], options);

const scenarioIds = (page: Page): Promise<string[]> => page.locator('#app input[name="scenario"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

/** Chooses a file with the scenario list's file button (a real key press: the chooser needs a user gesture). */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser', WAIT);
  await page.locator('#app [data-key="library:load"]').focus();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
}

async function waitForScenario(page: Page, id: string): Promise<void> {
  await page.waitForFunction((s) => window.__cyd?.screen === 'scenarios' && document.querySelector<HTMLInputElement>(`input[name="scenario"][value="${s}"]`)?.checked === true, id, WAIT);
}

describe('scenario files in the browser', () => {
  it('shows the located problems of a bad file dropped on the page, and the game goes on', async () => {
    const { page, errors } = await openGame({ ...STILL, permissions: ['clipboard-read', 'clipboard-write'] });
    const before = await focused(page);

    await dropFile(page, 'bad_pilot.yaml', BAD, { enterOnly: true });
    await expect.poll(() => page.locator('.library-drop').isVisible()).toBe(true);
    await shot(page, 'dropzone');
    await dropFile(page, 'bad_pilot.yaml', BAD);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    expect(await page.locator('.library-drop').isVisible()).toBe(false);
    const text = (await dialog.textContent()) ?? '';
    // The checker's places and words, as `npm run scenario -- check` prints them.
    expect(text).toContain('bad_pilot.yaml:83:11');
    expect(text).toContain(`'cost' should be a number, but it is the text "two"`);
    expect(text).toContain('bad_pilot.yaml:84:5');
    expect(text).toContain("Did you mean 'once'?");
    // The offending line among the two before and the two after it, numbered, with a caret under the column.
    const excerpt = dialog.locator('.library-source').first();
    expect(await excerpt.locator('code').allTextContents()).toEqual([
      '    category: economy',
      '    title: "Lift the export controls"',
      '    cost: two',
      '    onse: true',
      '    when: "export_controls"',
    ]);
    expect(await excerpt.locator('.library-gutter').allTextContents()).toEqual(['81 │ ', '82 │ ', '83 │ ', '84 │ ', '85 │ ']);
    expect(await excerpt.locator('code.library-marked').textContent()).toBe('    cost: two');
    expect(await excerpt.locator('.library-caret-line').textContent()).toBe('83 │     cost: ^');
    // Text nodes only: the author's text is never read as markup.
    expect(await excerpt.evaluate((pre) => [...pre.querySelectorAll('code')].every((c) => c.childNodes.length === 1 && c.firstChild!.nodeType === Node.TEXT_NODE))).toBe(true);
    const [code, caret] = await Promise.all([excerpt.locator('code.library-marked').boundingBox(), excerpt.locator('.library-caret').boundingBox()]);
    // The caret sits under the 't' of "two" (column 11): ten characters in.
    expect(Math.abs(caret!.x - (code!.x + (code!.width * 10) / 13))).toBeLessThan(2);
    expect(await focused(page)).toBe('Close');
    await shot(page, 'problems');

    // Copy gives the command line's lines.
    await dialog.getByRole('button', { name: 'Copy the problems' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`bad_pilot.yaml:83:11: error: 'cost' should be a number`);

    // Escape closes the dialog and focus returns; the title and the list are as they were.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect(await page.evaluate(() => window.__cyd?.screen)).toBe('title');
    expect(await focused(page)).toBe(before);
    await click(page, 'button', 'New game');
    await waitForScene(page, 'ScenarioSelect');
    expect(await scenarioIds(page)).toEqual(['tutorial', 'fifty_years_on', 'different_roads', 'linkage', 'thaw']);
    await click(page, 'button', 'Back');
    await waitForScene(page, 'Title');
    await startGame(page, 'tutorial', 'Tokyo');
    expect(errors).toEqual([]);
  });

  it('plays a good scenario chosen with the file button to its debrief, and keeps it after a reload', async () => {
    const { page, errors } = await openGame(STILL);
    await click(page, 'button', 'New game');
    await waitForScene(page, 'ScenarioSelect');
    await chooseFile(page, 'classroom_pilot.yaml', GOOD);
    await waitForScenario(page, 'classroom_pilot');
    const label = await page.locator('input[name="scenario"][value="classroom_pilot"]').evaluate((i) => (i as HTMLInputElement).labels?.[0]?.textContent ?? '');
    expect(label).toContain('Your file: classroom_pilot.yaml');
    await page.getByRole('button', { name: 'Remove from the list' }).waitFor(WAIT);
    await shot(page, 'list');

    await click(page, 'button', /^Next/);
    await waitForScene(page, 'SideSelect');
    await click(page, 'radio', 'Lead Seoul');
    await click(page, 'button', 'Start the game');
    await waitForScene(page, 'Briefing');
    expect(await page.evaluate(() => window.__cyd?.game?.scenario)).toBe('classroom_pilot');
    await click(page, 'button', 'Begin');
    await waitForPlay(page, 'Turn', 0);
    await shot(page, 'turn');
    expect(await playToDebrief(page, 0)).toBe(4);
    expect(['thaw', 'still_distant']).toContain(await page.evaluate(() => window.__cyd?.game?.ending));
    await shot(page, 'debrief');

    // A reload: the file is remembered, and the saved game continues once it is back on the list.
    await page.reload();
    await waitForReady(page);
    await click(page, 'button', 'Continue');
    await waitForPlay(page, 'Debrief', 4);
    expect(await page.evaluate(() => window.__cyd?.game?.scenario)).toBe('classroom_pilot');
    await page.reload();
    await waitForReady(page);
    await click(page, 'button', 'New game');
    await waitForScene(page, 'ScenarioSelect');
    await page.waitForFunction(() => document.querySelector('input[name="scenario"][value="classroom_pilot"]') !== null, undefined, WAIT);

    // Removing it takes it off the list and out of storage.
    await chooseScenario(page, 'classroom_pilot');
    await page.getByRole('button', { name: 'Remove from the list' }).click();
    await page.waitForFunction(() => document.querySelector('input[name="scenario"][value="classroom_pilot"]') === null, undefined, WAIT);
    expect(await page.evaluate(() => localStorage.getItem('cyd.library'))).toBeNull();
    expect(errors).toEqual([]);
  });

  it('loads ?scenario= from the same site and shows it on the list', async () => {
    const { page, errors } = await openGame({ ...STILL, path: `?scenario=${encodeURIComponent(SAME_ORIGIN)}` });
    await waitForScene(page, 'ScenarioSelect');
    await waitForScenario(page, 'classroom_pilot');
    // A wrong address is reported like a problem in a file (the game's server answers 404).
    await page.goto(`${gameUrl()}?scenario=no/such/file.yaml`);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toMatch(/Could not download/);
    await shot(page, 'address-problem');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    // The browser's own line for the 404, and nothing else.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  });

  it('lists many files (the list scrolls) and reports several bad ones together', async () => {
    const { page, errors } = await openGame(STILL);
    const copies = [1, 2, 3, 4, 5].map((n) => [`pilot_${n}.yaml`, GOOD.replace('id: classroom_pilot', `id: pilot_${n}`).replace('title: "Classroom pilot:', `title: "Pilot ${n}:`)] as const);
    await dropFiles(page, [...copies, ['bad_pilot.yaml', BAD], ['tutorial_copy.yaml', GOOD.replace('id: classroom_pilot', 'id: tutorial')]]);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('2 files could not be loaded');
    expect(text).toContain('bad_pilot.yaml:83:11');
    expect(text).toMatch(/tutorial_copy\.yaml:5:5 The id 'tutorial' belongs to a scenario that comes with the game/);
    await shot(page, 'problems-many');
    // A real click (the Close button lies over the list's Next button, which must not hear it).
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    // The last good file is picked on the list; the list has room for some and scrolls to it.
    await waitForScenario(page, 'pilot_5');
    expect(await page.evaluate(() => window.__cyd?.scene)).toBe('ScenarioSelect');
    expect(await scenarioIds(page)).toEqual(['tutorial', 'fifty_years_on', 'different_roads', 'linkage', 'thaw', 'pilot_1', 'pilot_2', 'pilot_3', 'pilot_4', 'pilot_5']);
    await shot(page, 'long-list');
    await page.locator('input[name="scenario"][value="pilot_5"]').focus();
    // From the last file to the first: one press per entry above it.
    for (let i = 0; i < (await scenarioIds(page)).length - 1; i++) await page.keyboard.press('ArrowUp');
    expect(await page.locator('input[name="scenario"][value="tutorial"]').isChecked()).toBe(true);
    await shot(page, 'long-list-top');
    expect(errors).toEqual([]);
  });

  it.each([
    ['ja', 'ja-JP'],
    ['ko', 'ko-KR'],
  ])('plays an English-only scenario with a %s interface, its text in English', async (lang, locale) => {
    const { page, errors } = await newGamePage({ ...STILL, locale });
    await page.goto(`${gameUrl()}?scenario=${encodeURIComponent(SAME_ORIGIN)}`);
    await waitForScenario(page, 'classroom_pilot');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    await shot(page, `${lang}-list`);
    await press(page, 'scenarios:next');
    await waitForScene(page, 'SideSelect');
    await press(page, 'side:tokyo');
    await press(page, 'side:start');
    await waitForScene(page, 'Briefing');
    await press(page, 'briefing:begin');
    await waitForPlay(page, 'Turn', 0);
    const screen = page.locator('#app');
    // The scenario's English text is there, marked as English, and no control or heading is left blank.
    expect(await screen.textContent()).toContain('Fund student and youth exchanges');
    expect(await page.locator('#app [data-key="card:youth_exchange"]').evaluate((card) => (card.querySelector('.btn-label') ?? card).closest('[lang]')?.getAttribute('lang'))).toBe('en');
    const blank = await screen.locator('button, label, h1, h2, h3, legend').evaluateAll((els) => els.filter((el) => (el.textContent ?? '').trim() === '').length);
    expect(blank).toBe(0);
    await shot(page, `${lang}-turn`);
    await press(page, 'end');
    await waitForPlay(page, 'Resolution', 1);
    await shot(page, `${lang}-resolution`);

    // A bad file dropped during a game: the problems show over it, and the game goes on after.
    await dropFile(page, 'bad_pilot.yaml', BAD);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain('bad_pilot.yaml:84:5');
    expect(await dialog.getAttribute('lang')).toBe(lang);
    await shot(page, `${lang}-problems`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', ...WAIT });
    expect(await page.evaluate(() => window.__cyd?.scene)).toBe('Resolution');
    await press(page, 'continue');
    await waitForPlay(page, 'Turn', 1);
    expect(errors).toEqual([]);
  });

  it('checks files with the lazily loaded checker, fetched only when a file comes, with no policy violation', async () => {
    const { page, errors } = await newGamePage(STILL);
    const checkerFetched: string[] = [];
    page.on('request', (r) => /\/checkWorker-[\w-]+\.js$/.test(r.url()) && checkerFetched.push(r.url()));

    // Without an instructor's file, the checker's chunk is never fetched.
    await page.goto(gameUrl());
    await waitForReady(page);
    expect(checkerFetched).toEqual([]);

    await page.goto(`${gameUrl()}?scenario=${encodeURIComponent(SAME_ORIGIN)}`);
    await waitForScenario(page, 'classroom_pilot');
    expect(checkerFetched.length).toBeGreaterThan(0);
    await dropFile(page, 'bad_pilot.yaml', BAD);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.textContent()).toContain('bad_pilot.yaml:83:11');
    expect(errors).toEqual([]);
  });
});
