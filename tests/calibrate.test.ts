/**
 * Every shipped scenario has a polls file and history orders, `calibrate` prints its agreement
 * table, and the recalibrated historical scenarios follow their polls within the targets
 * (issue 15: every public-opinion meter agrees in direction on 80% of its changes, levels within 3).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main';
import type { CliIO } from '../src/cli/io';

const SHIPPED = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml') && f !== 'template.yaml')
  .map((f) => f.replace(/\.yaml$/, ''));
/** The scenarios calibrated against the polls; a newer one is a forward test, printed but not held. */
const CALIBRATED = ['fifty_years_on', 'different_roads', 'linkage'];
/**
 * Series still outside the targets, each for a reason in docs/scenarios.md. Listed so that a fix
 * shows (the test then asks for the entry to go) and any other miss fails.
 */
const KNOWN_MISSES: Record<string, string[]> = {};

/** Runs calibrate on a shipped scenario; `polls`, when given, is read in place of its polls file. */
async function calibrate(id: string, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  return calibrateWith(id, undefined, ...extra);
}

async function calibrateWith(id: string, polls: string | undefined, ...extra: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const pollsPath = `scenarios/history/${id}.polls.yaml`;
  const readBytes = (p: string): Uint8Array => (polls !== undefined && p === pollsPath ? new TextEncoder().encode(polls) : readFileSync(p));
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l), readBytes };
  const code = await runCli(['calibrate', `scenarios/${id}.yaml`, '--orders', `scenarios/history/${id}.orders.json`, '--polls', `scenarios/history/${id}.polls.yaml`, ...extra], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('scenario calibrate on the shipped scenarios', () => {
  it.each(SHIPPED)('%s has history orders and a polls file, and calibrate prints a table for each series', async (id) => {
    expect(existsSync(`scenarios/history/${id}.orders.json`), `scenarios/history/${id}.orders.json`).toBe(true);
    expect(existsSync(`scenarios/history/${id}.polls.yaml`), `scenarios/history/${id}.polls.yaml`).toBe(true);
    const { code, out, err } = await calibrate(id);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/date +turn +poll +game +error/);
    expect(out).toMatch(/series held to the targets meet them/);
  });

  it.each(CALIBRATED)('%s follows its polls: every series held to the targets meets them, but for the known misses', async (id) => {
    const { out } = await calibrate(id, '--json');
    const result = JSON.parse(out) as { series: { meter: string; meets: boolean | null }[] };
    const missed = result.series.filter((s) => s.meets === false).map((s) => s.meter);
    expect(missed).toEqual(KNOWN_MISSES[id] ?? []);
    // The two publics' views of each other, the scenarios' first claim, are held and met in each.
    for (const meter of ['jp_view', 'kr_view'])
      expect(
        result.series.some((s) => s.meter === meter && s.meets === true),
        `${id} ${meter}`,
      ).toBe(true);
  });

  it('--check exits 1 when a held series misses its targets, 0 when all meet them', async () => {
    expect((await calibrate('different_roads', '--check')).code).toBe(0);
    // The same polls with Park's approval turned upside down (100 − each figure): every change the wrong way.
    const shipped = readFileSync('scenarios/history/fifty_years_on.polls.yaml', 'utf8');
    const start = shipped.indexOf('- meter: seoul_approval');
    const end = shipped.indexOf('- meter:', start + 1);
    const flipped = shipped.slice(start, end).replace(/value: ([\d.]+)/g, (_, v: string) => `value: ${100 - Number(v)}`);
    const wrong = shipped.slice(0, start) + flipped + shipped.slice(end);
    expect(start).toBeGreaterThan(0);
    expect(wrong).not.toBe(shipped);
    const missed = await calibrateWith('fifty_years_on', wrong, '--check');
    expect(missed.code).toBe(1);
    expect(missed.out).toMatch(/seoul_approval[\s\S]*MISSES the targets/);
  });

  it('gives the same facts as JSON', async () => {
    const { code, out } = await calibrate('linkage', '--json', '--seeds', '3');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { seeds: string[]; series: { meter: string; directions: { of: number } }[] };
    expect(json.seeds).toEqual(['1', '2', '3']);
    expect(json.series.length).toBeGreaterThan(0);
  });
});
