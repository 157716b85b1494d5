/**
 * The interface in Japanese and in Korean, in Debian's headless Chromium. A browser set to ja-JP or
 * ko-KR opens the game in its language on a first visit; a whole game is played by clicking the
 * controls by their translated accessible names (a decision chosen, the
 * turn ended, the resolution read, on to the debrief); on every screen the headings and controls
 * must be in the language's own script. A third game switches language from the menu in the middle
 * of a turn. Screenshots of every screen go to test-results/lang-*.png for a person to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choosableCard, chooseScenario, openGame, shot as photograph, STILL, WAIT, waitForPlay, waitForPressed, waitForScene, type GamePage } from './harness';
import { notInScript, words } from './words';

/** The short tutorial: six turns. */
const SCENARIO = 'tutorial';
const MAX_TURNS = 30;

/** The game's page in a browser whose preferred language is `locale` (a first visit), recording console errors. */
const openIn = (locale: string): Promise<GamePage> => openGame({ ...STILL, locale });

const shot = async (page: Page, name: string): Promise<void> => void (await photograph(page, `lang-${name}`));

async function press(page: Page, role: 'button' | 'radio', name: string): Promise<void> {
  await page.getByRole(role, { name, exact: true }).click();
}

async function expectScreenIn(page: Page, lang: 'ja' | 'ko'): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  expect(await notInScript(page, lang)).toEqual([]);
}

describe('the interface in Japanese and Korean', () => {
  for (const [lang, locale] of [
    ['ja', 'ja-JP'],
    ['ko', 'ko-KR'],
  ] as const) {
    it(`plays a game in ${lang} from a ${locale} browser, every screen in its language`, async () => {
      const w = (key: string, params?: Record<string, string | number>): string => words(lang, key, params);
      const { page, errors } = await openIn(locale);

      // First visit: the browser's language, on the page too.
      await expectScreenIn(page, lang);
      expect(await page.getByRole('button', { name: w('title.newGame'), exact: true }).count()).toBe(1);
      await shot(page, `${lang}-title`);

      // Settings lists the three languages, each under its own name.
      await press(page, 'button', w('title.settings'));
      await waitForScene(page, 'Settings');
      await expectScreenIn(page, lang);
      const languages = await page
        .getByRole('group', { name: w('settings.language') })
        .getByRole('radio')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent ?? ''));
      expect(languages.some((l) => l.includes('日本語'))).toBe(true);
      expect(languages.some((l) => l.includes('한국어'))).toBe(true);
      expect(languages.some((l) => l.includes('English'))).toBe(true);
      await shot(page, `${lang}-settings`);
      await press(page, 'button', w('common.back'));
      await waitForScene(page, 'Title');

      await press(page, 'button', w('title.newGame'));
      await waitForScene(page, 'ScenarioSelect');
      await chooseScenario(page, SCENARIO);
      await expectScreenIn(page, lang);
      await shot(page, `${lang}-scenarios`);
      await press(page, 'button', w('scenarios.next'));

      await waitForScene(page, 'SideSelect');
      await press(page, 'radio', w('side.lead', { name: w('common.sides.tokyo') }));
      await expectScreenIn(page, lang);
      await shot(page, `${lang}-side`);
      await press(page, 'button', w('side.start'));

      await waitForScene(page, 'Briefing');
      await expectScreenIn(page, lang);
      await shot(page, `${lang}-briefing`);
      await press(page, 'button', w('briefing.begin'));

      // One full turn: a decision, End turn, the resolution read.
      await waitForPlay(page, 'Turn', 0);
      await expectScreenIn(page, lang);
      const card = await choosableCard(page, w('play.turn.joint', { other: w('play.side.seoul') }));
      await press(page, 'button', card.title);
      await waitForPressed(page, card.key);
      await shot(page, `${lang}-turn`);
      await press(page, 'button', w('play.turn.endTurn'));

      await waitForPlay(page, 'Resolution', 1);
      await expectScreenIn(page, lang);
      expect(await page.getByRole('heading', { level: 1, name: w('play.resolution.heading', { turn: 1 }) }).count()).toBe(1);
      // The other side's column says what Tokyo did, in the language's words.
      const seoulColumn = page.getByRole('region', { name: new RegExp(`^${w('play.resolution.sawIt', { side: '.*' })}$`) });
      expect(await seoulColumn.count()).toBe(1);
      const did = [w('play.resolution.took', { title: card.title }), w('play.resolution.together', { title: card.title }), w('play.resolution.proposed', { title: card.title })];
      const theirs = (await seoulColumn.textContent()) ?? '';
      expect(
        did.some((line) => theirs.includes(line)),
        `the Seoul column names ${card.title}`,
      ).toBe(true);
      await shot(page, `${lang}-resolution`);

      // On to the debrief: end each turn without a decision.
      let resolved = 1;
      for (; resolved < MAX_TURNS; resolved++) {
        const ended = await page.evaluate(() => window.__cyd?.game?.ending);
        await press(page, 'button', ended ? w('play.resolution.toDebrief') : w('play.resolution.continue'));
        if (ended) break;
        await waitForPlay(page, 'Turn', resolved);
        await press(page, 'button', w('play.turn.endTurn'));
        await waitForPlay(page, 'Resolution', resolved + 1);
      }
      await waitForPlay(page, 'Debrief', resolved);
      await expectScreenIn(page, lang);
      expect(await page.getByRole('button', { name: w('play.debrief.playAgain'), exact: true }).count()).toBe(1);
      await shot(page, `${lang}-debrief`);

      expect(errors).toEqual([]);
    }, 300_000);
  }

  it('switches language from the menu in the middle of a turn and redraws the screen in it', async () => {
    const en = (key: string, params?: Record<string, string | number>): string => words('en', key, params);
    const { page, errors } = await openIn('en-US');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await press(page, 'button', en('title.newGame'));
    await waitForScene(page, 'ScenarioSelect');
    await chooseScenario(page, SCENARIO);
    await press(page, 'button', en('scenarios.next'));
    await waitForScene(page, 'SideSelect');
    await press(page, 'radio', en('side.lead', { name: en('common.sides.seoul') }));
    await press(page, 'button', en('side.start'));
    await waitForScene(page, 'Briefing');
    await press(page, 'button', en('briefing.begin'));
    await waitForPlay(page, 'Turn', 0);

    // Menu ▸ 한국어: the settings screen redraws in Korean at once, the page's language with it.
    await press(page, 'button', en('play.turn.menu'));
    await waitForScene(page, 'Settings');
    await press(page, 'radio', en('languages.ko'));
    await page.waitForFunction(() => document.documentElement.lang === 'ko', undefined, WAIT);
    await page.getByRole('heading', { level: 1, name: words('ko', 'settings.heading') }).waitFor(WAIT);
    await expectScreenIn(page, 'ko');
    await shot(page, 'switch-settings-ko');

    // Back in the game: the same turn, now in Korean.
    await press(page, 'button', words('ko', 'common.back'));
    await waitForPlay(page, 'Turn', 0);
    await expectScreenIn(page, 'ko');
    expect(await page.getByRole('button', { name: words('ko', 'play.turn.endTurn'), exact: true }).count()).toBe(1);
    await shot(page, 'switch-turn-ko');

    // And to Japanese, from the same menu.
    await press(page, 'button', words('ko', 'play.turn.menu'));
    await waitForScene(page, 'Settings');
    await press(page, 'radio', words('ko', 'languages.ja'));
    await page.getByRole('heading', { level: 1, name: words('ja', 'settings.heading') }).waitFor(WAIT);
    await press(page, 'button', words('ja', 'common.back'));
    await waitForPlay(page, 'Turn', 0);
    await expectScreenIn(page, 'ja');
    expect(await page.evaluate(() => window.__cyd?.game?.resolved)).toBe(0);

    expect(errors).toEqual([]);
  }, 300_000);
});
