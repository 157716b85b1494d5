import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine/model';
import { calibrate, pearson, turnPosition, type Trajectory } from './calibration';
import { loadScenario } from './load';
import { loadPolls, pollMonth } from './polls';

const SCENARIO = `
format: 1
id: cal
title: Calibration
turns: 4
calendar: {start: "2020-01", months_per_turn: 3}
sides:
  tokyo: {name: Tokyo, goals: Win, score: view}
  seoul: {name: Seoul, goals: Win, score: other}
meters:
  - {id: view, label: View, start: 20}
  - {id: other, label: Other, start: 50}
decisions:
  - {id: wait, side: both, category: other, title: Wait, cost: 0, effects: []}
endings:
  - {id: done, kind: final, title: Done, text: Done, outcome: {tokyo: draw, seoul: draw}}
`;

let compiled: Scenario | undefined;
function scenario(): Scenario {
  if (compiled) return compiled;
  const loaded = loadScenario('cal.yaml', SCENARIO);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return (compiled = loaded.scenario);
}

function polls(text: string) {
  return loadPolls('cal.polls.yaml', text, scenario());
}

const game = (seed: string, views: number[]): Trajectory => ({ seed, meters: views.map((view) => ({ view, other: 50 })) });

describe('placing a poll on the turn axis', () => {
  it('reads the middle of the month, or its day, as a fraction of the turn it falls in', () => {
    const starts = [2020 * 12, 2020 * 12 + 3, 2020 * 12 + 6];
    expect(turnPosition(starts, pollMonth('2020-01'))).toBeCloseTo(0.5 / 3);
    expect(turnPosition(starts, pollMonth('2020-05'))).toBeCloseTo(1 + 1.5 / 3);
    expect(turnPosition(starts, pollMonth('2019-12'))).toBeCloseTo(-0.5 / 3);
    expect(turnPosition(starts, pollMonth('2020-07-01'))).toBeCloseTo(2 + 0.5 / 31 / 3);
  });

  it('never goes backwards: a later date is never an earlier turn', () => {
    const starts = [24000, 24002, 24005, 24006, 24010];
    fc.assert(
      fc.property(fc.double({ min: 23990, max: 24020, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (m, dm) => {
        expect(turnPosition(starts, m + dm)).toBeGreaterThanOrEqual(turnPosition(starts, m) - 1e-9);
      }),
    );
  });
});

describe('calibrate', () => {
  const file = (figures: string, extra = '') => `format: 1\nscenario: cal\npolls:\n  - meter: view\n    source: "Poll A"\n${extra}    figures:\n${figures}`;

  it('reads the game at the end of the turn that holds each figure, averages the seeds and counts agreeing directions', () => {
    const loaded = polls(file('      - {date: "2020-02", value: 20}\n      - {date: "2020-08", value: 30}\n      - {date: "2021-02", value: 25}\n'));
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    // 2020-02 is in turn 1 (position 0.5), 2020-08 in turn 3 (2.5), 2021-02 half a turn after the end (4.5: read at the end).
    const result = calibrate(scenario(), loaded.polls, [game('1', [20, 21, 28, 31, 26]), game('2', [20, 21, 28, 29, 24])]);
    const [series] = result.series;
    expect(series!.figures.map((f) => f.game)).toEqual([21, 30, 25]);
    expect(series!.directions).toEqual({ agree: 2, of: 2 });
    expect(series!.levels.meanError).toBeCloseTo(1 / 3);
    expect(series!.figures.map((f) => f.position)).toEqual([expect.closeTo(0.5), expect.closeTo(2.5), expect.closeTo(4.5)]);
    expect(series!.meets).toBe(true);
  });

  it('misses the targets when the game moves the other way, and leaves out a figure outside the game', () => {
    const loaded = polls(file('      - {date: "2020-02", value: 20}\n      - {date: "2020-08", value: 30}\n      - {date: "2022-06", value: 10}\n'));
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const [series] = calibrate(scenario(), loaded.polls, [game('1', [20, 18, 16, 14, 12])]).series;
    expect(series!.figures[2]!.game).toBeNull();
    expect(series!.directions).toEqual({ agree: 0, of: 1 });
    expect(series!.meets).toBe(false);
  });

  it('averages figures that fall in one turn into one reading: a dip within a turn is no change the game could show', () => {
    // 2020-04 and 2020-05 both fall in turn 2 (April–June); 2020-08 in turn 3.
    const loaded = polls(file('      - {date: "2020-04", value: 30}\n      - {date: "2020-05", value: 20}\n      - {date: "2020-08", value: 26}\n'));
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const [series] = calibrate(scenario(), loaded.polls, [game('1', [20, 22, 24, 27, 27])]).series;
    expect(series!.figures).toHaveLength(3);
    // One change, 25 → 26, and the game rises too.
    expect(series!.directions).toEqual({ agree: 1, of: 1 });
  });

  it('maps a poll onto the meter with scale:, and holds a report-only series to nothing', () => {
    const loaded = polls(file('      - {date: "2020-02", value: 2}\n      - {date: "2020-08", value: 3}\n', '    scale: {poll: [0, 10], meter: [0, 100]}\n    report_only: true\n'));
    if (!loaded.ok) throw new Error(loaded.problems[0]!.message);
    const [series] = calibrate(scenario(), loaded.polls, [game('1', [20, 20, 30, 30, 30])]).series;
    expect(series!.figures.map((f) => f.target)).toEqual([20, 30]);
    expect(series!.meets).toBeNull();
  });

  it('says where a polls file is wrong, with did-you-mean and the value quoted', () => {
    const bad = polls(file('      - {date: "2020-08", value: 30}\n      - {date: "2020-02", value: 20}\n').replace('meter: view', 'meter: veiw'));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      expect.stringMatching(/^4:12 the scenario has no meter 'veiw'\. Did you mean 'view'\? Its meters: view, other$/),
      expect.stringMatching(/^8:16 the figures are out of order: '2020-02' comes before '2020-08'/),
    ]);
    const typo = polls(file('      - {date: "2020-02", valeu: 20}\n'));
    expect(typo.ok || typo.problems[0]!.message).toMatch(/unknown key 'valeu'.*Did you mean 'value'\?.*Allowed here: date, value, note/);
    const other = polls(file('      - {date: "2020-02", value: 20}\n').replace('scenario: cal', 'scenario: linkage'));
    expect(other.ok || other.problems[0]!.message).toMatch(/for the scenario 'linkage', but the scenario given has id 'cal'/);
  });

  it('never throws on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = polls(`format: 1\nscenario: cal\n${text}`);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});

describe('pearson', () => {
  it('is 1 on a straight rising line and null without variation or points', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(pearson([1, 1, 1], [2, 4, 6])).toBeNull();
    expect(pearson([1, 2], [2, 4])).toBeNull();
  });
});
