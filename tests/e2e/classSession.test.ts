/**
 * What the issue calls done, in one run: a class in Korea runs a whole hot-seat session of an
 * instructor's own English-only scenario loaded in the browser, the instructor steps in behind the
 * PIN, and the class prints its debrief. The interface is Korean throughout (a ko-KR browser);
 * controls are found by their keys (data-key), so the test does not depend on the wording.
 * Screenshots go to test-results/class-*.png for a person to look at.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openGame, press, shot as photograph, STILL, WAIT, waitForScreen } from './harness';
const PILOT = readFileSync('tests/fixtures/scenarios/classroom_pilot.yaml');
const PIN = '1357';
const REASON = '학급 토론: 정상회담을 지지한 학생이 많았다';
const HANGUL = /[\uac00-\ud7a3]/;

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `class-${name}`));

const headings = (page: Page): Promise<string[]> => page.locator('#app h1, #app h2').allTextContents();

describe('a class session from start to the printed debrief', () => {
  it('runs in Korean: a custom scenario loaded in the browser, two teams, the instructor’s interventions, the printed debrief', async () => {
    const { page, errors } = await openGame({ ...STILL, locale: 'ko-KR' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');

    // The instructor's file, by the scenario list's file button: it joins the list, chosen.
    await press(page, 'title:new');
    await waitForScreen(page, 'scenarios');
    const chooser = page.waitForEvent('filechooser', WAIT);
    await page.locator('#app [data-key="library:load"]').focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'classroom_pilot.yaml', mimeType: 'application/yaml', buffer: PILOT });
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="scenario"][value="classroom_pilot"]')?.checked === true, undefined, WAIT);
    await press(page, 'scenarios:next');

    // Two teams on this screen, with a PIN for the instructor.
    await waitForScreen(page, 'side');
    await press(page, 'mode:hotseat');
    // The screen is drawn again for two teams (no side to choose) before its Continue means the class setup.
    await page.waitForFunction(() => document.querySelector('input[name="mode"][value="hotseat"]')?.matches(':checked') && !document.querySelector('input[name="side"]'), undefined, WAIT);
    await press(page, 'side:start');
    await waitForScreen(page, 'classSetup');
    await page.locator('#app [data-key="pin"]').fill(PIN);
    await press(page, 'setup:start');
    await waitForScreen(page, 'briefing');
    await press(page, 'briefing:begin');

    let intervened = false;
    for (let turn = 1; turn <= 4; turn++) {
      for (const team of ['tokyo', 'seoul'] as const) {
        await waitForScreen(page, 'handover', team);
        await press(page, 'reveal');
        await waitForScreen(page, 'turn', team);
        // Turn 3, Tokyo's team at the controls: the instructor steps in (the scenario's one event fired on turn 2, not yet on this one).
        if (turn === 3 && team === 'tokyo') {
          await page.keyboard.press('Control+Alt+KeyI');
          const pin = page.locator('[data-key="instructor:pin"]');
          await pin.waitFor({ state: 'visible', ...WAIT });
          await pin.fill(PIN);
          await page.locator('[data-key="instructor:unlock"]').click();
          const fire = page.locator('[data-key^="instructor:fire:"]:not([disabled])').first();
          await fire.waitFor({ state: 'visible', ...WAIT });
          await fire.click();
          await page.locator('[data-key="instructor:meter"]').selectOption('gov_trust');
          await page.locator('[data-key="instructor:value"]').fill('55');
          await page.locator('[data-key="instructor:reason"]').fill(REASON);
          await page.locator('[data-key="instructor:set"]').click();
          await page.waitForFunction(
            () => {
              const m = window.__cyd?.game?.meters.gov_trust;
              return m?.seen === 'exact' && m.value === 55;
            },
            undefined,
            WAIT,
          );
          await shot(page, 'panel-ko');
          await page.keyboard.press('Escape');
          await page.locator('#instructor-panel').waitFor({ state: 'hidden', ...WAIT });
          intervened = true;
        }
        if (turn === 1 && team === 'seoul') await shot(page, 'turn-ko');
        await press(page, 'end');
      }
      await waitForScreen(page, 'resolution');
      if (turn === 1) await shot(page, 'resolution-ko');
      await press(page, 'continue');
    }
    expect(intervened).toBe(true);

    // The debrief, in Korean, with the instructor's interventions (the reason as written).
    await waitForScreen(page, 'debrief');
    expect((await headings(page)).every((h) => HANGUL.test(h))).toBe(true);
    const debrief = (await page.locator('#app').textContent()) ?? '';
    expect(debrief).toContain(REASON);
    await shot(page, 'debrief-ko');

    // The printed debrief: Korean page, the scenario's English text where it has no Korean, the interventions, and a PDF.
    // A headless browser has no print dialog to show: the page's own print call is replaced, in this test only.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await press(page, 'report:print');
    const view = page.locator('#report-view');
    await view.waitFor({ state: 'visible', ...WAIT });
    const printed = (await view.textContent()) ?? '';
    expect(printed).toContain('Classroom pilot: a short summer (2019)');
    expect(printed).toContain(REASON);
    expect(HANGUL.test(printed)).toBe(true);
    expect(await view.getAttribute('lang')).toBe('ko');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-ko');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'screen' });

    expect(errors).toEqual([]);
  });
});
