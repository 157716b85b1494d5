import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main';
import { parseOrdersFile, toOrders } from '../src/cli/orders';
import { replay } from '../src/cli/replay';
import { PLAYERS, playGame, simulate, VERDICT } from '../src/cli/simulate';
import { newGame, resolveTurn, type Change } from '../src/engine';
import { loadScenario } from '../src/scenario/load';
import { formatProblem } from '../src/scenario/problems';
import type { CliIO } from '../src/cli/io';
import { readFileSync } from 'node:fs';

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

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('scenario check', () => {
  it('exits 0 for valid files, 1 when any is invalid, 2 for usage errors — as a real process, with no stack trace', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(cli('check', MINI).status).toBe(0);
    const bad = tmpFile('bad.yaml', 'format: 1\nid: Bad Id\n');
    const invalid = cli('check', MINI, bad);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:2:5: error: 'id': an id is lower-case`, 'm'));
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect(cli('check').status).toBe(2);
    expect(cli('check', '--frobnicate', MINI).status).toBe(2);
    expect(cli('frobnicate').status).toBe(2);
  });

  it('reports a missing file as a located error', async () => {
    const r = await run('check', '/nowhere/x.yaml');
    expect(r.code).toBe(1);
    expect(r.err).toBe('/nowhere/x.yaml:1:1: error: cannot read the file: no such file');
  });

  it('says warnings as FILE:LINE:COL: warning: and still exits 0 when there are only warnings', async () => {
    const pilot = readFileSync(join(ROOT, 'tests/fixtures/scenarios/classroom_pilot.yaml'), 'utf8');
    const file = tmpFile('goals.yaml', pilot.replace("Keep the Cabinet's approval at 30% or more and rebuild some trust with Seoul.", 'Keep trust above 60.'));
    const r = await run('check', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `${file}:28:12: warning: the goals of tokyo say 'trust above 60', but the ending 'thaw' that tokyo wins needs gov_trust >= 40; make the goals and the ending say the same number`,
    );
    expect(r.out).toMatch(/: ok with 1 warning \(/);
  });

  it('the template checks clean', async () => {
    const r = await run('check', TEMPLATE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('scenario replay', () => {
  const orders = tmpFile(
    'orders.json',
    JSON.stringify([
      { tokyo: ['summit'], seoul: [] },
      { tokyo: [], seoul: ['summit'] },
      { tokyo: ['speech'], seoul: [] },
      { tokyo: [], seoul: [] },
    ]),
  );

  it("prints one JSON document with every turn's meters and what fired, and the ending", async () => {
    const r = await run('replay', MINI, '--seed', 's1', '--orders', orders, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { turns: { turn: number; meters: Record<string, number>; fired: string[]; joint: string[] }[]; ending: { id: string } | null };
    expect(doc.turns.map((t) => t.turn)).toEqual([1, 2, 3, 4]);
    expect(Object.keys(doc.turns[0]!.meters)).toEqual(['trust']);
    // The summit proposed on turn 1 and accepted on turn 2 takes effect on turn 2.
    expect(doc.turns[1]!.joint).toEqual(['summit']);
    expect(doc.ending?.id).toBe('done');
  });

  it("prints each turn's meters as that turn left them, before the next turn's events move them", () => {
    const file = join(ROOT, 'scenarios/linkage.yaml');
    const loaded = loadScenario(file, readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error('linkage.yaml does not check clean');
    const scenario = loaded.scenario;
    const parsed = parseOrdersFile(readFileSync(join(ROOT, 'scenarios/history/linkage.orders.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const orders = parsed.turns.map((t) => toOrders(scenario, t));
    const printed = replay(scenario, '1', orders);
    let state = newGame(scenario, '1');
    let openingMoves = 0;
    for (const [i, turnOrders] of orders.entries()) {
      const { state: next, report } = resolveTurn(scenario, state, turnOrders);
      // The last change the turn's report made to each meter is the value the turn left it at.
      for (const c of report.changes) if (c.target === 'meter') expect(printed.turns[i]!.meters[c.id], `turn ${i + 1}, ${c.id}`).toBe(lastAfter(report.changes, c.id));
      openingMoves += next.opening.filter((c) => c.target === 'meter').length;
      state = next;
    }
    // The check above means something only if some turn opened with an event moving a meter.
    expect(openingMoves).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed and orders print the same thing', async () => {
    const a = await run('replay', MINI, '--seed', 'same', '--orders', orders, '--json');
    const b = await run('replay', MINI, '--seed', 'same', '--orders', orders, '--json');
    expect(a.out).toBe(b.out);
  });

  it('names the turn and the decision of an illegal order', async () => {
    const illegal = tmpFile(
      'illegal.json',
      JSON.stringify([
        { tokyo: [], seoul: [] },
        { tokyo: ['speech', 'sumit'], seoul: [] },
      ]),
    );
    const r = await run('replay', MINI, '--seed', 's', '--orders', illegal);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/illegal\.json: error: turn 2: tokyo .*'sumit'/);
  });

  it('explains a malformed orders file', async () => {
    const bad = tmpFile('bad.json', JSON.stringify([{ tokio: ['summit'] }]));
    const r = await run('replay', MINI, '--seed', 's', '--orders', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json: error: turn 1: unknown key 'tokio'/);
    expect((await run('replay', MINI, '--orders', bad)).code).toBe(2);
  });
});

function lastAfter(changes: readonly Change[], id: string): number {
  let value = NaN;
  for (const c of changes) if (c.target === 'meter' && c.id === id) value = c.after as number;
  return value;
}

describe('scenario simulate', () => {
  it('reports endings, meter ranges and what never happened', async () => {
    const r = await run('simulate', MINI, '--games', '200', '--seed', 'x', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      games: number;
      endings: Record<string, number>;
      meters: Record<string, { min: number; max: number }>;
      neverChosen: string[];
      neverFired: string[];
      winsWith: Record<'tokyo' | 'seoul', Record<string, { games: number; winShareWith: number; winShareWithout: number }>>;
    };
    expect(report.games).toBe(200);
    expect(Object.values(report.endings).reduce((a, b) => a + b, 0)).toBe(200);
    expect(report.meters.trust!.min).toBeGreaterThanOrEqual(0);
    expect(report.meters.trust!.max).toBeLessThanOrEqual(100);
    expect(report.neverChosen).toEqual([]);
    // Every decision a side can take, with how often it took it; mini's only ending is a draw, so no wins.
    expect(Object.keys(report.winsWith.tokyo)).toEqual(['summit', 'speech']);
    expect(Object.keys(report.winsWith.seoul)).toEqual(['summit']);
    expect(report.winsWith.tokyo.speech!.games).toBeGreaterThan(0);
    expect(report.winsWith.tokyo.speech!.games).toBeLessThan(200);
    expect(report.winsWith.tokyo.speech!.winShareWith).toBe(0);
  });

  it('shows a decision that always wins as a win share of 100% with it and 0% without', () => {
    const loaded = loadScenario(
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
        '  - {id: win_it, side: tokyo, category: other, title: Win, effects: [{flag: won, set: true}]}',
        '  - {id: wait, side: both, category: other, title: Wait, effects: []}',
        'endings:',
        '  - {id: tokyo_wins, kind: final, when: won, title: T, text: T, outcome: {tokyo: win, seoul: loss}}',
        '  - {id: draw, kind: final, title: D, text: D}',
      ].join('\n'),
    );
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const report = simulate(loaded.scenario, 400, 'd');
    const winIt = report.winsWith.tokyo.win_it!;
    expect(winIt.games).toBeGreaterThan(0);
    expect(winIt.games).toBeLessThan(400);
    expect(winIt.winShareWith).toBe(1);
    expect(winIt.winShareWithout).toBe(0);
    expect(report.endings.tokyo_wins).toBe(winIt.games);
    expect(report.winsWith.seoul.wait!.winShareWith).toBe(0);
  });

  const BALANCE = (name: string): string => join(ROOT, `tests/fixtures/scenarios/balance_${name}.yaml`);
  const loadFixture = (file: string) => {
    const loaded = loadScenario(file, readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    return loaded.scenario;
  };

  it('says a fair game looks balanced, and why: the win shares, and no dominant decision', async () => {
    const report = simulate(loadFixture(BALANCE('even')), 2000, 'v');
    expect(report.verdict.balance).toBe('balanced');
    expect(Math.abs(report.verdict.gap)).toBeLessThanOrEqual(VERDICT.evenGap);
    expect(report.verdict.dominant).toEqual([]);
    const tokyo = (100 * (report.outcomes.tokyo.win / 2000)).toFixed(1);
    expect(report.verdict.text[0]).toBe(`Looks balanced: Tokyo wins ${tokyo}%, Seoul ${(100 * (report.outcomes.seoul.win / 2000)).toFixed(1)}%, and no decision is dominant.`);
    const r = await run('simulate', BALANCE('even'), '--games', '2000', '--seed', 'v');
    expect(r.out).toMatch(/\n\nverdict: Looks balanced: /);
  });

  it('says a loaded game is lopsided, names the favoured side and the endings it wins by', async () => {
    const report = simulate(loadFixture(BALANCE('lopsided')), 2000, 'v');
    expect(report.verdict.balance).toBe('lopsided');
    expect(report.verdict.favoured).toBe('tokyo');
    expect(report.verdict.gap).toBeGreaterThanOrEqual(VERDICT.lopsidedGap);
    expect(report.verdict.text[0]).toMatch(/^Tokyo wins far more often than Seoul \(\d+\.\d% vs \d+\.\d%, \d+ points apart\): look at the endings Tokyo wins \(tokyo_ahead \d+\.\d%\)/);
    // Each side's wins by ending add up to its wins, and name only endings it wins.
    expect(report.endingOutcomes.tokyo_ahead).toEqual({ tokyo: 'win', seoul: 'loss' });
    expect(report.winsByEnding.tokyo).toEqual({ tokyo_ahead: report.endings.tokyo_ahead });
    expect(report.winsByEnding.seoul).toEqual({ seoul_ahead: report.endings.seoul_ahead });
    expect(report.outcomes.tokyo.win).toBe(report.endings.tokyo_ahead);
    const r = await run('simulate', BALANCE('lopsided'), '--games', '2000', '--seed', 'v');
    expect(r.out).toMatch(new RegExp(`^ +${report.endings.tokyo_ahead} +\\d+\\.\\d%  tokyo_ahead  tokyo wins, seoul loses$`, 'm'));
    expect(r.out).toMatch(new RegExp(`^tokyo: win .*wins by ending: tokyo_ahead ${report.endings.tokyo_ahead}$`, 'm'));
    const json = JSON.parse((await run('simulate', BALANCE('lopsided'), '--games', '2000', '--seed', 'v', '--json')).out) as typeof report;
    expect(json.verdict).toEqual(report.verdict);
    expect(json.winsByEnding).toEqual(report.winsByEnding);
  });

  it('flags a dominant decision, says by how many points it lifts the win share, and what to change', async () => {
    const report = simulate(loadFixture(BALANCE('dominant')), 2000, 'v');
    expect(report.verdict.dominant.map((d) => `${d.side}/${d.decision}`)).toEqual(['tokyo/win_it']);
    const d = report.verdict.dominant[0]!;
    expect(d.winShareWith).toBe(1);
    expect(d.lift).toBeGreaterThanOrEqual(VERDICT.dominantLift);
    const said = report.verdict.text.find((t) => t.startsWith('DOMINANT tokyo win_it'));
    expect(said).toContain(`raises the win share by ${Math.round(100 * d.lift)} points, whatever else Tokyo chose`);
    for (const change of ['`cost`', '`cooldown`', '`once: true`', '`when:`', 'effects smaller']) expect(said).toContain(change);
    // The fair coin's sides: nothing else lifts anything.
    expect(report.winsWith.seoul.wait!.winShareWith - report.winsWith.seoul.wait!.winShareWithout).toBeLessThan(VERDICT.dominantLift);
    const r = await run('simulate', BALANCE('dominant'), '--games', '2000', '--seed', 'v');
    expect(r.out).toMatch(/^ {2}tokyo {2}win_it .*DOMINANT$/m);
    expect(r.out).not.toMatch(/^ {2}tokyo {2}wait .*DOMINANT$/m);
  });

  it("counts a joint decision's proposals by each side, its agreements and its lapsed proposals apart", async () => {
    const scenario = loadFixture(MINI);
    const report = simulate(scenario, 300, 'j');
    // The same games, counted from their histories: a turn where the summit took effect is an
    // agreement; a side choosing it on a turn where it did not is a proposal, which lapses unless
    // the other side's acceptance makes it take effect next turn (or the game ends first).
    const want = { proposed: { tokyo: 0, seoul: 0 }, agreed: 0, lapsed: 0 };
    const random = { tokyo: PLAYERS.random!, seoul: PLAYERS.random! };
    for (let g = 0; g < 300; g++) {
      const { history } = playGame(scenario, `j/${g}`, random);
      history.forEach((h, i) => {
        if (h.joint.includes('summit')) return void want.agreed++;
        const next = history[i + 1];
        for (const side of ['tokyo', 'seoul'] as const) {
          if (!h.decisions[side].includes('summit')) continue;
          want.proposed[side]++;
          if (next && !next.joint.includes('summit')) want.lapsed++;
        }
      });
    }
    expect(report.joint.summit).toEqual(want);
    expect(want.proposed.tokyo).toBeGreaterThan(0);
    expect(want.agreed).toBeGreaterThan(0);
    expect(want.lapsed).toBeGreaterThan(0);
    // Merged, the choices would be proposals and acceptances together: the report keeps that total apart.
    expect(report.decisions.summit).toBeGreaterThan(want.proposed.tokyo + want.proposed.seoul);
    const r = await run('simulate', MINI, '--games', '300', '--seed', 'j');
    expect(r.out).toContain(`  summit: proposed by tokyo ${want.proposed.tokyo}, by seoul ${want.proposed.seoul}; agreed ${want.agreed}; lapsed ${want.lapsed}`);
  });

  it('simulates the template', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'simulate', TEMPLATE, '--games', '300', '--seed', '1'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/^300 games of 'template'/);
    expect(out).toMatch(/endings never reached: /);
  });
});
