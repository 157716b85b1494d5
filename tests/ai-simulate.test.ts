import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../src/cli/io';
import { runCli } from '../src/cli/main';
import { PLAYERS, strategies } from '../src/cli/simulate';
import { loadScenario } from '../src/scenario/load';
import { formatProblem } from '../src/scenario/problems';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MINI = join(ROOT, 'tests/fixtures/mini.yaml');
const TEMPLATE = join(ROOT, 'scenarios/template.yaml');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), readBytes: (p) => readFileSync(p) };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('simulate with the computer', () => {
  it('plays --tokyo ai against --seoul random and reports who played', async () => {
    const r = await run('simulate', TEMPLATE, '--games', '20', '--seed', 'p', '--tokyo', 'ai', '--seoul', 'random', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { games: number; players: Record<string, string>; outcomes: Record<string, Record<string, number>> };
    expect(report.players).toEqual({ tokyo: 'ai', seoul: 'random' });
    expect(report.games).toBe(20);
    // The template's Tokyo almost never wins at random (about 1 game in 100); the computer does.
    expect(report.outcomes.tokyo!.win).toBeGreaterThan(2);
    const text = await run('simulate', MINI, '--games', '5', '--seed', 'p', '--tokyo', 'ai-hard', '--seoul', 'ai-easy');
    expect(text.out).toMatch(/^5 games of 'mini' \(seed p; tokyo ai-hard, seoul ai-easy\)/);
  });

  it('names every player it knows when given one it does not', async () => {
    expect(Object.keys(PLAYERS).sort()).toEqual(['ai', 'ai-easy', 'ai-hard', 'random']);
    const r = await run('simulate', MINI, '--games', '5', '--seed', 'p', '--seoul', 'genius');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seoul takes one of: random, ai, ai-easy, ai-hard/);
  });

  it('is reproducible: the same seed and players give the same report', async () => {
    const a = await run('simulate', MINI, '--games', '10', '--seed', 'same', '--tokyo', 'ai', '--seoul', 'ai-hard', '--json');
    const b = await run('simulate', MINI, '--games', '10', '--seed', 'same', '--tokyo', 'ai', '--seoul', 'ai-hard', '--json');
    expect(a.out).toBe(b.out);
  });
});

describe('simulate --strategies', () => {
  const dominant = loadScenario(
    'dominant.yaml',
    [
      'format: 1',
      'id: dominant',
      'title: Dominant',
      'turns: 3',
      'sides:',
      '  tokyo: {name: Tokyo, goals: G, capital: 1, score: 0}',
      '  seoul: {name: Seoul, goals: G, capital: 1, score: 0}',
      'meters: [{id: m, label: M, start: 50}]',
      'flags: [{id: won}]',
      'decisions:',
      '  - {id: win_it, side: tokyo, category: other, title: Win, when: "turn == 2", effects: [{flag: won, set: true}]}',
      '  - {id: wait, side: both, category: other, title: Wait, effects: []}',
      'endings:',
      '  - {id: tokyo_wins, kind: final, when: won, title: T, text: T, outcome: {tokyo: win, seoul: loss}}',
      '  - {id: draw, kind: final, title: D, text: D}',
    ].join('\n'),
  );

  it('finds a plan that wins whatever the opponent does, and flags it', () => {
    if (!dominant.ok) throw new Error(dominant.problems.map(formatProblem).join('\n'));
    const found = strategies(dominant.scenario, 's', { iterations: 10, gamesPerCandidate: { random: 10, ai: 3 }, finalGames: { random: 50, ai: 10 } });
    expect(found.tokyo.plan[1]).toContain('win_it');
    expect(found.tokyo.winShare).toEqual({ random: 1, ai: 1 });
    expect(found.tokyo.dominant).toBe(true);
    // Seoul can never win this scenario: no plan of its own is flagged.
    expect(found.seoul.winShare).toEqual({ random: 0, ai: 0 });
    expect(found.seoul.dominant).toBe(false);
  });

  it('adds the best plan for each side to the report, with its win share against random play and the computer', async () => {
    const r = await run('simulate', MINI, '--games', '20', '--seed', 'q', '--strategies', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { players: Record<string, string>; strategies: Record<string, { plan: string[][]; winShare: Record<string, number>; dominant: boolean }> };
    expect(report.players).toEqual({ tokyo: 'random', seoul: 'random' });
    for (const side of ['tokyo', 'seoul']) {
      const s = report.strategies[side]!;
      expect(s.plan).toHaveLength(4);
      expect(Object.keys(s.winShare)).toEqual(['random', 'ai']);
      // Mini has a single ending, a draw: nothing can win, so nothing is dominant.
      expect(s.dominant).toBe(false);
    }
    const text = await run('simulate', MINI, '--games', '20', '--seed', 'q', '--strategies');
    expect(text.out).toMatch(/best fixed plan found for each side/);
    expect(text.out).toMatch(/^ {4}turn {2}1: /m);
  });
});
