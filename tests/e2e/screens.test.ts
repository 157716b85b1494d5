/**
 * Every screen in English, Japanese and Korean at normal and large text, at 1280×720, the way a
 * class meets them: the title, Settings (where the text size is set, by a click), the scenario list
 * (an instructor's file loaded with its button: tests/fixtures/scenarios/crowded_turn.yaml, whose
 * first turn fires two events that ask for an answer and opens with a long guide note), the side,
 * the briefing, that crowded turn, its resolution, the debrief; then a shipped scenario for two
 * teams: the side screen for hot-seat, the class setup, the shared briefing, the hand-over screen
 * and a hot-seat turn, and its resolution shown to both teams.
 *
 * On each: the layout checker finds nothing (tests/e2e/layout.ts: no overlapping controls, every
 * control in reach, no text overflowing or cut, no word broken mid-word), axe-core finds no serious
 * or critical violation, and Tab moves through the controls in the order they are read. Each is
 * photographed to test-results/screens-<screen>-<lang>-<size>.png for a person to look at; what
 * was found goes to test-results/screens-report-<lang>-<size>.json as well. The checks are soft:
 * one screen's problems do not hide the next screen's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from './axe';
import { focusOrderProblems, tabThrough } from './focusOrder';
import { choosableCard, chooseScenario, openGame, pointAndClick, press, RESULTS, ROOT, shot, STILL, WAIT, waitForPlay, waitForPressed, waitForScreen } from './harness';
import { layoutProblems } from './layout';
import { notInScript, words } from './words';

const CROWDED = readFileSync(join(ROOT, 'tests/fixtures/scenarios/crowded_turn.yaml'));
/** The shipped scenario with the most decisions: the fullest card grid for the hot-seat turn. */
const SHIPPED = 'linkage';
const LOCALES = { en: 'en-US', ja: 'ja-JP', ko: 'ko-KR' } as const;
/** The fixture's sides' names, as the resolution's columns say them. */
const SIDE_NAMES = { en: { seoul: 'South Korea (Seoul)' }, ja: { seoul: '韓国（ソウル）' }, ko: { seoul: '한국 (서울)' } } as const;

type Lang = keyof typeof LOCALES;
type Size = 'normal' | 'large';

interface Findings {
  layout: string[];
  axe: string[];
  focus: string[];
  stops: number;
  /** Where the time went (this machine is shared: the suite must stay quick). */
  ms: Record<string, number>;
  /** Japanese and Korean: headings and controls whose names are not in the language's script. */
  notInScript?: string[];
}

/** The screen has stopped moving: fonts in, its entrance animations over (the world's endless motion aside). */
async function steady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.fonts.status === 'loaded' && document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    undefined,
    WAIT,
  );
}

function walk(lang: Lang, size: Size): () => Promise<void> {
  return async () => {
    const found: Record<string, Findings> = {};
    const w = (key: string, params?: Record<string, string | number>): string => words(lang, key, params);
    const check = async (page: Page, screen: string): Promise<void> => {
      const t0 = Date.now();
      await steady(page);
      await shot(page, `screens-${screen}-${lang}-${size}`);
      const t1 = Date.now();
      const layout = await layoutProblems(page);
      const t2 = Date.now();
      const axe = describeViolations(await axeViolations(page));
      const t3 = Date.now();
      const stops = await tabThrough(page);
      const focus = await focusOrderProblems(page);
      const t4 = Date.now();
      found[screen] = { layout, axe, focus, stops: stops.length, ms: { shot: t1 - t0, layout: t2 - t1, axe: t3 - t2, focus: t4 - t3 } };
      const where = `${screen} in ${lang} at ${size} text`;
      expect.soft(layout, `layout of ${where}`).toEqual([]);
      expect.soft(axe, `axe on ${where}`).toEqual([]);
      expect.soft(focus, `focus order of ${where}`).toEqual([]);
      expect.soft(stops.length, `controls reached by Tab on ${where}`).toBeGreaterThan(0);
      if (lang !== 'en') {
        const foreign = await notInScript(page, lang);
        found[screen] = { ...found[screen], notInScript: foreign };
        expect.soft(foreign, `names on ${where} not in the language's script`).toEqual([]);
      }
    };

    try {
      const { page, errors } = await openGame({ locale: LOCALES[lang], ...STILL });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      // The main way through is clicked by the controls' names in the screen's language (what a screen reader says).
      const say = (role: 'button' | 'radio', key: string, params?: Record<string, string | number>): Promise<void> => pointAndClick(page.getByRole(role, { name: w(key, params), exact: true }));
      const side = (s: 'tokyo' | 'seoul'): string => w('common.sides.' + s);

      // Settings, where the text size is chosen (a real click on Large), with the three languages each under its own name.
      await say('button', 'title.settings');
      await waitForScreen(page, 'settings');
      const languages = await page.locator('#app input[name="settings:language"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent ?? ''));
      expect(languages.map((l) => l.trim())).toEqual(['English', '日本語', '한국어']);
      if (size === 'large') {
        await say('radio', 'settings.textSizes.large');
        await page.waitForFunction(() => document.documentElement.dataset.textSize === 'large', undefined, WAIT);
      }
      await check(page, 'settings');
      await say('button', 'common.back');
      await waitForScreen(page, 'title');
      await check(page, 'title');

      // The scenario list, with the instructor's file loaded by its button.
      await say('button', 'title.newGame');
      await waitForScreen(page, 'scenarios');
      const chooser = page.waitForEvent('filechooser', WAIT);
      await say('button', 'library.load');
      await (await chooser).setFiles({ name: 'crowded_turn.yaml', mimeType: 'application/yaml', buffer: CROWDED });
      await page.waitForFunction(() => document.querySelector<HTMLInputElement>('#app input[name="scenario"][value="crowded_turn"]')?.checked === true, undefined, WAIT);
      await check(page, 'scenarios');
      await say('button', 'scenarios.next');

      await waitForScreen(page, 'side');
      await say('radio', 'side.lead', { name: side('tokyo') });
      await check(page, 'side');
      await say('button', 'side.start');

      await waitForScreen(page, 'briefing');
      await check(page, 'briefing');
      await say('button', 'briefing.begin');

      // The crowded turn: two events to answer and the long guide note, as it opens.
      await waitForPlay(page, 'Turn', 0);
      expect(await page.locator('#app input[name^="respond:"]').evaluateAll((inputs) => new Set(inputs.map((i) => (i as HTMLInputElement).name)).size)).toBe(2);
      expect(await page.locator('#app [role="note"]').count()).toBeGreaterThan(0);
      await check(page, 'turn');
      const card = await choosableCard(page, w('play.turn.joint', { other: w('play.side.seoul') }));
      await pointAndClick(page.getByRole('button', { name: card.title, exact: true }));
      await waitForPressed(page, card.key);
      await press(page, 'respond:fishing_boats:protest');
      await press(page, 'respond:textbook:review');
      await page.waitForFunction(() => document.querySelectorAll('#app input[name^="respond:"]:checked').length === 2, undefined, WAIT);
      await say('button', 'play.turn.endTurn');

      await waitForPlay(page, 'Resolution', 1);
      expect(await page.getByRole('heading', { level: 1, name: w('play.resolution.heading', { turn: 1 }) }).count()).toBe(1);
      // The other side's column says what Tokyo did, in the language's words.
      const theirs = (await page.getByRole('region', { name: w('play.resolution.sawIt', { side: SIDE_NAMES[lang].seoul }), exact: true }).textContent()) ?? '';
      const did = ['took', 'together', 'proposed'].map((how) => w(`play.resolution.${how}`, { title: card.title }));
      expect(
        did.some((line) => theirs.includes(line)),
        `the Seoul column names ${card.title}: ${theirs}`,
      ).toBe(true);
      await check(page, 'resolution');
      await say('button', 'play.resolution.continue');
      await waitForPlay(page, 'Turn', 1);
      await say('button', 'play.turn.endTurn');
      await waitForPlay(page, 'Resolution', 2);
      await say('button', 'play.resolution.toDebrief');
      await waitForPlay(page, 'Debrief', 2);
      await check(page, 'debrief');

      // Two teams on one screen, with a shipped scenario.
      await say('button', 'play.debrief.another');
      await waitForScreen(page, 'scenarios');
      await chooseScenario(page, SHIPPED);
      await say('button', 'scenarios.next');
      await waitForScreen(page, 'side');
      await say('radio', 'hotseat.mode.hotseat');
      await page.waitForFunction(() => document.querySelector('#app input[name="mode"][value="hotseat"]:checked') && !document.querySelector('#app input[name="side"]'), undefined, WAIT);
      await check(page, 'side-hotseat');
      await say('button', 'hotseat.teams.next');

      await waitForScreen(page, 'classSetup');
      await check(page, 'classSetup');
      await say('button', 'hotseat.setup.start');
      await waitForScreen(page, 'briefing');
      await check(page, 'briefing-hotseat');
      await say('button', 'briefing.begin');

      await waitForScreen(page, 'handover', 'tokyo');
      await check(page, 'handover');
      await say('button', 'hotseat.handover.reveal', { side: side('tokyo') });
      await waitForScreen(page, 'turn', 'tokyo');
      await check(page, 'turn-hotseat');
      await say('button', 'hotseat.turn.sealAndPass', { side: side('seoul') });
      await waitForScreen(page, 'handover', 'seoul');
      await say('button', 'hotseat.handover.reveal', { side: side('seoul') });
      await waitForScreen(page, 'turn', 'seoul');
      await say('button', 'play.turn.endTurn');
      await waitForPlay(page, 'Resolution', 1);
      await check(page, 'resolution-hotseat');

      expect(errors).toEqual([]);
    } finally {
      writeFileSync(join(RESULTS, `screens-report-${lang}-${size}.json`), `${JSON.stringify(found, null, 2)}\n`);
    }
  };
}

describe('every screen, laid out, accessible and in reading order', () => {
  for (const lang of Object.keys(LOCALES) as Lang[]) {
    for (const size of ['normal', 'large'] as const) {
      it(`in ${lang} at ${size} text`, walk(lang, size), 600_000);
    }
  }
});
