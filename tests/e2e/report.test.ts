/**
 * The class debrief's report in Debian's headless Chromium: a short game (the tutorial) to the
 * debrief, then its three buttons, clicked. The JSON and CSV downloads arrive and
 * parse; the printable page shows every section, prints to a PDF with pages (A4 and Letter), and
 * returns to the game. Screenshots of the page in screen and print media, in English and Japanese,
 * go to test-results/report-*.png for a person to look at.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseScenario, openGame, playToDebrief, press, RESULTS, settle, startGame, STILL, WAIT, waitForPlay, waitForScene } from './harness';
import { parseCsv } from '../csv';

/** The text of a download the click starts. */
async function downloaded(page: Page, key: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), press(page, key)]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Pages in a PDF: its page objects (not the /Pages tree nodes). */
const pdfPages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

async function openPrintView(page: Page): Promise<void> {
  await press(page, 'report:print');
  await page.locator('#report-view').waitFor(WAIT);
  // The fonts the page uses must have arrived before a screenshot or a PDF.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

describe('the class debrief report', () => {
  it('exports the game as JSON and the meters as CSV, and shows a printable debrief that prints to PDF', async () => {
    const { page, errors } = await openGame(STILL);
    // The test's own window.print: the game must call it, and a headless browser has no dialog to show.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await startGame(page, 'tutorial', 'Tokyo');
    const turns = await playToDebrief(page, 0);
    const ending = await page.evaluate(() => window.__cyd?.game?.ending);
    expect(ending).toEqual(expect.any(String));
    await settle(page);
    await page.screenshot({ path: join(RESULTS, 'report-debrief-buttons.png') });
    for (const name of ['Print the debrief', 'Export game (JSON)', 'Export meters (CSV)']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);

    // The whole game as JSON.
    const json = await downloaded(page, 'report:json');
    expect(json.name).toMatch(/^close-yet-distant-tutorial-\d{4}-\d{2}-\d{2}\.json$/);
    const record = JSON.parse(json.text) as { format: string; version: number; ending: { id: string } | null; turns: unknown[]; save: { format: string }; sides: Record<string, { played: string }> };
    expect(record.format).toBe('close-yet-distant/game-record');
    expect(record.version).toBe(1);
    expect(record.ending?.id).toBe(ending);
    expect(record.turns).toHaveLength(turns);
    expect(record.save.format).toBe('close-yet-distant/save');
    expect(record.sides.tokyo!.played).toBe('player');
    expect(record.sides.seoul!.played).toBe('computer');

    // The meters as CSV: a byte-order mark, one header, the start and a row per turn.
    const csv = await downloaded(page, 'report:csv');
    expect(csv.name).toMatch(/-meters\.csv$/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csv.text.slice(1));
    expect(header!.slice(0, 2)).toEqual(['turn', 'date']);
    expect(header!.length).toBeGreaterThan(3);
    expect(header!.slice(2).every((h) => /\(\w+\)$/.test(h))).toBe(true);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: turns + 1 }, (_, i) => String(i)));
    for (const row of rows) for (const cell of row.slice(2)) expect(Number.isFinite(Number(cell)) && cell !== '').toBe(true);

    // The printable debrief: every section, over the game, focus on its title.
    await openPrintView(page);
    const view = page.locator('#report-view');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-title');
    expect(await view.getAttribute('lang')).toBe('en');
    const headings = await view.locator('h2').allTextContents();
    expect(headings).toEqual([
      'The ending',
      'Every meter over the turns',
      'The essays’ arguments that drove the result',
      'Decisions turn by turn',
      'The instructor’s interventions',
      'Questions for discussion',
      'The essays behind this scenario',
    ]);
    expect(await view.locator('.report-ending-title').textContent()).not.toBe('');
    expect(await view.locator('.report-sides tbody tr').count()).toBe(2);
    const meters = header!.length - 2;
    expect(await view.locator('svg.report-chart polyline').count()).toBe(meters);
    expect(await view.locator('.report-legend li').count()).toBe(meters);
    expect(await view.locator('.report-meters tbody tr').count()).toBe(meters);
    expect(await view.locator('.report-turn').count()).toBe(turns);
    expect(await view.locator('.report-questions > li').count()).toBeGreaterThan(0);
    expect(await view.locator('.report-turn .report-source').count()).toBeGreaterThan(0);
    // The game underneath is out of reach while the page is up.
    expect(await page.evaluate(() => (document.getElementById('app') as HTMLElement).inert)).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'report-screen-top.png') });
    await view.locator('.report-section-timeline').evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: join(RESULTS, 'report-screen-timeline.png') });

    await page.getByRole('button', { name: 'Print / save as PDF', exact: true }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // Print media: only the page, black on white; and a PDF with pages in A4 and in Letter.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#world').isVisible()).toBe(false);
    expect(await page.locator('#app').isVisible()).toBe(false);
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.report-page')!).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(RESULTS, 'report-print.png'), fullPage: true });
    const a4 = await page.pdf({ format: 'A4', printBackground: true });
    const letter = await page.pdf({ format: 'Letter', printBackground: true });
    expect(pdfPages(a4)).toBeGreaterThanOrEqual(2);
    expect(pdfPages(letter)).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    // Back to the game: the page goes, the debrief is still there, focus on the print button.
    await page.getByRole('button', { name: 'Back to the game', exact: true }).click();
    expect(await page.locator('#report-view').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key)).toBe('report:print');
    // Escape closes it too, and only it: the debrief stays.
    await openPrintView(page);
    await page.keyboard.press('Escape');
    expect(await page.locator('#report-view').count()).toBe(0);
    await waitForScene(page, 'Debrief');
    expect(errors).toEqual([]);
  });

  it('prints in the interface language (Japanese), with the page’s language set, and fits its buttons at large text', async () => {
    const { page, errors } = await openGame({ locale: 'ja-JP' });
    // Large text, so the screenshot shows the report buttons at their widest; no motion, so the chart is drawn whole (both by a click in Settings).
    await press(page, 'title:settings');
    await waitForScene(page, 'Settings');
    await press(page, 'settings:textSize:large');
    await press(page, 'settings:motion');
    await page.waitForFunction(() => document.documentElement.dataset.textSize === 'large' && document.documentElement.dataset.motion === 'reduced', undefined, WAIT);
    await press(page, 'settings:back');
    await waitForScene(page, 'Title');
    await press(page, 'title:new');
    await waitForScene(page, 'ScenarioSelect');
    await chooseScenario(page, 'tutorial');
    await press(page, 'scenarios:next');
    await waitForScene(page, 'SideSelect');
    await press(page, 'side:seoul');
    await press(page, 'side:start');
    await waitForScene(page, 'Briefing');
    await press(page, 'briefing:begin');
    for (let resolved = 0; ; resolved++) {
      await waitForPlay(page, 'Turn', resolved);
      await press(page, 'end');
      await waitForPlay(page, 'Resolution', resolved + 1);
      const ended = await page.evaluate(() => window.__cyd?.game?.ending);
      await press(page, 'continue');
      if (ended) break;
      expect(resolved).toBeLessThan(30);
    }
    await waitForScene(page, 'Debrief');
    await settle(page);
    await page.screenshot({ path: join(RESULTS, 'report-debrief-buttons-ja-large.png') });
    await openPrintView(page);
    const view = page.locator('#report-view');
    expect(await view.getAttribute('lang')).toBe('ja');
    expect(await view.locator('h2').first().textContent()).toBe('結末');
    expect(await page.title()).toMatch(/^振り返り — /);
    await page.screenshot({ path: join(RESULTS, 'report-screen-ja.png') });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(RESULTS, 'report-print-ja.png'), fullPage: true });
    expect(pdfPages(await page.pdf({ format: 'A4' }))).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
  });
});
