/**
 * The fourth historical scenario, 'thaw' (2022–2024), in the browser in English, Japanese and Korean:
 * a browser set to each language picks it on the scenario list, reads its briefing, and plays one
 * full turn against the computer by real clicks (a decision, End turn, the resolution, on to turn 2).
 * Every screen must be in the language's own script and the scenario's own text in that language.
 * Screenshots of the list, the briefing, the turn and the resolution go to test-results/thaw-*.png
 * for a person to look at (missing glyphs, cut-off text, the wrong language).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/engine/model';
import { choosableCard, chooseScenario, openGame, ROOT, shot as photograph, STILL, waitForPlay, waitForPressed, waitForScene } from './harness';
import { notInScript, words } from './words';

const SCENARIO = 'thaw';

/** The scenario's own words, read from the file the build ships. */
const file = parse(readFileSync(`${ROOT}/scenarios/${SCENARIO}.yaml`, 'utf8')) as { title: Record<Language, string>; briefing: Record<Language, string> };
/** The briefing's first sentence, as the player reads it. */
const firstSentence = (lang: Language): string =>
  file.briefing[lang]
    .split(/(?<=[.。])\s*/)[0]!
    .replace(/\s+/g, ' ')
    .trim();

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `thaw-${name}`));

/** The visible text of the game, with the line breaks of the layout folded. */
const screenText = async (page: Page): Promise<string> => ((await page.locator('#app').innerText()) ?? '').replace(/\s+/g, ' ');

async function expectScreenIn(page: Page, lang: Language): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  if (lang !== 'en') expect(await notInScript(page, lang)).toEqual([]);
}

describe('the Thaw scenario in three languages', () => {
  for (const [lang, locale, side] of [
    ['en', 'en-US', 'tokyo'],
    ['ja', 'ja-JP', 'tokyo'],
    ['ko', 'ko-KR', 'seoul'],
  ] as const) {
    it(`is chosen, briefed and played for a turn in ${lang}, leading ${side}`, async () => {
      const w = (key: string, params?: Record<string, string | number>): string => words(lang, key, params);
      const press = (role: 'button' | 'radio', name: string): Promise<void> => page.getByRole(role, { name, exact: true }).click();
      const { page, errors } = await openGame({ ...STILL, locale });
      await expectScreenIn(page, lang);

      // The scenario list shows it under its title in this language.
      await press('button', w('title.newGame'));
      await waitForScene(page, 'ScenarioSelect');
      await chooseScenario(page, SCENARIO);
      expect(await screenText(page)).toContain(file.title[lang]);
      await expectScreenIn(page, lang);
      await shot(page, `${lang}-scenarios`);
      await press('button', w('scenarios.next'));

      await waitForScene(page, 'SideSelect');
      await press('radio', w('side.lead', { name: w(`common.sides.${side}`) }));
      await press('button', w('side.start'));

      // The briefing, in this language.
      await waitForScene(page, 'Briefing');
      await expectScreenIn(page, lang);
      expect(await screenText(page)).toContain(firstSentence(lang));
      await shot(page, `${lang}-briefing`);
      await press('button', w('briefing.begin'));

      // One full turn against the computer: a decision, End turn, the resolution, the next turn.
      await waitForPlay(page, 'Turn', 0);
      await expectScreenIn(page, lang);
      const other = side === 'tokyo' ? 'seoul' : 'tokyo';
      const card = await choosableCard(page, w('play.turn.joint', { other: w(`play.side.${other}`) }));
      await press('button', card.title);
      await waitForPressed(page, card.key);
      await shot(page, `${lang}-turn`);
      await press('button', w('play.turn.endTurn'));

      await waitForPlay(page, 'Resolution', 1);
      await expectScreenIn(page, lang);
      expect(await page.getByRole('heading', { level: 1, name: w('play.resolution.heading', { turn: 1 }) }).count()).toBe(1);
      // The computer's side says what the player did, in this language's words.
      const theirs = page.getByRole('region', { name: new RegExp(`^${w('play.resolution.sawIt', { side: '.*' })}$`) });
      const did = [w('play.resolution.took', { title: card.title }), w('play.resolution.together', { title: card.title }), w('play.resolution.proposed', { title: card.title })];
      const column = (await theirs.textContent()) ?? '';
      expect(
        did.some((line) => column.includes(line)),
        `the other side's column names ${card.title}`,
      ).toBe(true);
      await shot(page, `${lang}-resolution`);
      await press('button', w('play.resolution.continue'));
      await waitForPlay(page, 'Turn', 1);
      expect(await page.evaluate(() => window.__cyd?.game)).toMatchObject({ scenario: SCENARIO, side, resolved: 1, ending: null });

      expect(errors).toEqual([]);
    }, 300_000);
  }
});
