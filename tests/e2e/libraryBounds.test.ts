/**
 * An instructor's files in the browser, bounded (issue 16 §3): a `?scenario=` download shows its
 * progress in the page with a Cancel button that stops it; a link asks before it replaces the
 * instructor's own file; a large file is checked in a Web Worker while the page keeps drawing.
 * Debian's headless Chromium, the production build with its Content-Security-Policy.
 * Screenshots: test-results/library-bounds-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { focused, gameUrl, newGamePage, openGame, ROOT, shot, STILL, WAIT, waitForReady, waitForScene } from './harness';

const GOOD = readFileSync(join(ROOT, 'tests/fixtures/scenarios/classroom_pilot.yaml'), 'utf8');

const announced = (page: Page): Promise<string> => page.evaluate(() => document.getElementById('announcer')?.textContent ?? '');

/** Drops a file on the page as a browser does (a DataTransfer carrying it). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/yaml' }));
      const target = document.getElementById('app') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text] as const,
  );
}

async function waitForScenario(page: Page, id: string): Promise<void> {
  await page.waitForFunction((s) => window.__cyd?.screen === 'scenarios' && document.querySelector<HTMLInputElement>(`input[name="scenario"][value="${s}"]`)?.checked === true, id, WAIT);
}

const rememberedText = (page: Page, id: string): Promise<string | undefined> =>
  page.evaluate((want) => (JSON.parse(localStorage.getItem('cyd.library') ?? '{"files":[]}') as { files: { id: string; text: string }[] }).files.find((f) => f.id === want)?.text, id);

/** A file that checks clean and takes the checker seconds: the pilot with `count` more decisions, each with a long description and explain. */
function largeScenario(count: number): string {
  const words = 'Both publics read the same summit differently, and each government answers its own voters first. '.repeat(5).trim();
  let extra = '';
  for (let i = 0; i < count; i++) {
    extra += `  - id: extra_${i}\n    side: both\n    category: public\n    title: "Extra decision ${i}"\n    description: "${words}"\n    effects:\n      - {counter: dialogue, add: 1}\n      - {meter: jp_view, add: "max(1, dialogue / 2)", if: "gov_trust > 20"}\n    explain: "${words}"\n`;
  }
  return GOOD.replace('id: classroom_pilot', 'id: large_pilot').replace('decisions:\n', `decisions:\n${extra}`);
}

describe('bounded scenario files in the browser', () => {
  it('shows a slow ?scenario= download in the page, and Cancel stops it and changes nothing', async () => {
    const { page, errors } = await newGamePage(STILL);
    // The server that never finishes answering: the request is held until the page gives it up.
    let held: Route | undefined;
    await page.route('**/fixtures/slow/pilot.yaml', (route) => void (held = route));
    const aborted = new Promise<string>((resolve) => page.on('requestfailed', (r) => r.url().endsWith('/slow/pilot.yaml') && resolve(r.failure()?.errorText ?? '')));
    await page.goto(`${gameUrl()}?scenario=fixtures/slow/pilot.yaml`);
    await waitForReady(page);

    const panel = page.getByRole('region', { name: 'Downloading a scenario file' });
    await panel.waitFor(WAIT);
    expect(await panel.textContent()).toMatch(/Downloading pilot\.yaml from 127\.0\.0\.1:\d+…/);
    expect(await panel.locator('progress').count()).toBe(1);
    await expect.poll(() => announced(page), WAIT).toMatch(/^Downloading pilot\.yaml from .*Press Cancel to stop\.$/);
    expect(held).toBeDefined();
    await shot(page, 'library-bounds-download');

    // The game underneath goes on: the title's controls still answer while the file is on its way.
    expect(await page.evaluate(() => window.__cyd?.screen)).toBe('title');
    await page.getByRole('button', { name: 'Cancel the download of pilot.yaml' }).click(WAIT);
    await panel.waitFor({ state: 'detached', ...WAIT });
    expect(await aborted).toMatch(/ABORTED/);
    await expect.poll(() => announced(page), WAIT).toBe('The download of pilot.yaml was cancelled. Nothing was changed.');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('cyd.library'))).toBeNull();
    expect(await page.evaluate(() => window.__cyd?.screen)).toBe('title');
    expect(await focused(page)).not.toBe('');
    expect(errors).toEqual([]);
  });

  it('asks before a link replaces the instructor’s own file with the same id', async () => {
    const { page, errors } = await openGame(STILL);
    await dropFile(page, 'my_pilot.yaml', GOOD);
    await waitForScenario(page, 'classroom_pilot');
    // Someone's link to another file with the same id.
    const theirs = GOOD.replace('title: "Classroom pilot: a short summer (2019)"', 'title: "Their pilot"');
    await page.route('**/fixtures/theirs/pilot.yaml', (route) => route.fulfill({ status: 200, contentType: 'application/yaml', body: theirs }));
    await page.goto(`${gameUrl()}?scenario=fixtures/theirs/pilot.yaml`);
    const ask = page.getByRole('alertdialog', { name: 'Replace your file my_pilot.yaml?' });
    await ask.waitFor(WAIT);
    expect(await ask.textContent()).toContain("has the id 'classroom_pilot', like your file my_pilot.yaml");
    expect(await focused(page)).toBe('Keep my file');
    await shot(page, 'library-bounds-replace');
    // The safe answer is the default: Escape keeps the file.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => announced(page), WAIT).toBe("Your file my_pilot.yaml was kept; the link's file was not added.");
    expect(await rememberedText(page, 'classroom_pilot')).toBe(GOOD);

    // Asked again, the instructor replaces it.
    await page.goto(`${gameUrl()}?scenario=fixtures/theirs/pilot.yaml`);
    await ask.waitFor(WAIT);
    await ask.getByRole('button', { name: "Replace it with the link's file" }).click(WAIT);
    await ask.waitFor({ state: 'detached', ...WAIT });
    await waitForScenario(page, 'classroom_pilot');
    expect(await rememberedText(page, 'classroom_pilot')).toBe(theirs);
    expect(await page.locator('input[name="scenario"][value="classroom_pilot"]').evaluate((i) => (i as HTMLInputElement).labels?.[0]?.textContent ?? '')).toContain('Their pilot');
    expect(errors).toEqual([]);
  });

  it('checks a large file in a worker while the page keeps drawing', async () => {
    const { page, errors } = await openGame(STILL);
    const checkerFetched: string[] = [];
    page.on('request', (r) => /\/checkWorker-[\w-]+\.js$/.test(r.url()) && checkerFetched.push(r.url()));
    const text = largeScenario(900);
    expect(text.length).toBeGreaterThan(1_000_000);
    // Every frame the page's own loop gets from the drop until the file is on the list, in the page's own clock.
    const timing = await page.evaluate(
      ([fileName, content]) =>
        new Promise<{ frames: number[]; droppedAt: number; doneAt: number }>((resolve) => {
          const frames: number[] = [];
          // The clock when the page runs the frame's callback (a frame's own timestamp is when it was due, which can be long before).
          const tick = (): void => {
            const now = performance.now();
            frames.push(now);
            if (document.querySelector<HTMLInputElement>('input[name="scenario"][value="large_pilot"]')?.checked) resolve({ frames, droppedAt, doneAt: now });
            else requestAnimationFrame(tick);
          };
          const transfer = new DataTransfer();
          transfer.items.add(new File([content], fileName, { type: 'application/yaml' }));
          const target = document.getElementById('app') ?? document.body;
          const droppedAt = performance.now();
          for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
          requestAnimationFrame(tick);
        }),
      ['large_pilot.yaml', text] as const,
    );
    const times = [timing.droppedAt, ...timing.frames];
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const took = timing.doneAt - timing.droppedAt;
    const longest = Math.max(...gaps);
    console.log(
      `large file (${(text.length / 1e6).toFixed(2)} MB): on the list ${Math.round(took)} ms after the drop, ${timing.frames.length} frames meanwhile, longest gap ${Math.round(longest)} ms`,
    );
    // Checked on the page's thread, the check would be one long gap: here the page drew all along.
    expect(took).toBeGreaterThan(500);
    expect(longest).toBeLessThan(Math.max(250, took / 3));
    expect(timing.frames.length).toBeGreaterThan(took / 100);
    expect(checkerFetched.length).toBe(1);
    await waitForScenario(page, 'large_pilot');
    await waitForScene(page, 'ScenarioSelect');
    expect(errors).toEqual([]);
  });
});
