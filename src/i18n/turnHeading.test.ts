/** The turn heading (src/ui/screens/turn.ts, handover.ts, briefing.ts draw these strings): when a turn is, said once. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES, loadLanguage, setLanguage, t, turnHeading, turnNumberAndWhen, turnWhen } from './index';

beforeAll(() => Promise.all([loadLanguage('ja'), loadLanguage('ko')]));
afterEach(() => setLanguage('en'));

const UNDATED = { turns: 8 };
const DATED = { turns: 8, calendar: { start: '2015-12', monthsPerTurn: 3 } };
const LABELLED = { turns: 3, calendar: { start: '2022-07', months: [3, 6, 3], labels: ['Summer 2022', { en: 'Winter 2022–23', ja: '2022〜23年冬', ko: '2022~23년 겨울' }, 'Summer 2023'] } };

/** How often `part` occurs in `whole`. */
const count = (whole: string, part: string): number => whole.split(part).length - 1;

describe('the turn heading', () => {
  it('without a calendar says the side, then the turn number once, in every language', () => {
    for (const lang of INTERFACE_LANGUAGES) {
      setLanguage(lang);
      for (let turn = 1; turn <= 8; turn++) {
        const number = t('play.turn.turnOf', { turn, turns: 8 });
        for (const side of ['Japan (Tokyo)', undefined]) {
          const { title, turnOf } = turnHeading(UNDATED, turn, side);
          const line = `${title} · ${turnOf}`;
          expect(count(line, number), `${lang}: ${line}`).toBe(1);
          expect(title, `${lang}: ${line}`).not.toMatch(/\d/);
        }
        expect(turnNumberAndWhen(UNDATED, turn)).toBe(number);
        expect(turnWhen(UNDATED, turn)).toBeUndefined();
      }
    }
    setLanguage('en');
    expect(turnHeading(UNDATED, 2, 'Japan (Tokyo)')).toEqual({ title: 'Japan (Tokyo)', turnOf: 'Turn 2 of 8' });
    expect(turnHeading(UNDATED, 2).title).toBe('Watching');
  });

  it('with a calendar says the month beside the side, and the number after it', () => {
    expect(turnHeading(DATED, 2, 'Japan (Tokyo)')).toEqual({ title: 'Japan (Tokyo), March 2016', turnOf: 'Turn 2 of 8' });
    expect(turnHeading(DATED, 2).title).toBe('Watching · March 2016');
    expect(turnNumberAndWhen(DATED, 2)).toBe('Turn 2 of 8 · March 2016');
    setLanguage('ja');
    expect(turnHeading(DATED, 2, '日本（東京）').title).toBe('日本（東京） · 2016年3月');
  });

  it("shows the calendar's label for a turn instead of its month, in the interface language", () => {
    expect(turnHeading(LABELLED, 1, 'Japan (Tokyo)').title).toBe('Japan (Tokyo), Summer 2022');
    expect(turnHeading(LABELLED, 2, 'Japan (Tokyo)').title).toBe('Japan (Tokyo), Winter 2022–23');
    expect(turnNumberAndWhen(LABELLED, 3)).toBe('Turn 3 of 3 · Summer 2023');
    setLanguage('ko');
    expect(turnWhen(LABELLED, 2)).toBe('2022~23년 겨울');
    // A label given as plain text is shown as it is in every language.
    expect(turnWhen(LABELLED, 1)).toBe('Summer 2022');
  });
});
