/**
 * The save file: a versioned snapshot of a game (DESIGN.md, reliability rules). It carries the
 * seed and every turn's orders (the action log), the scenario's fingerprint, and the state with
 * its generator's state. Reading one never trusts it: the game is replayed from seed and orders,
 * and the replay must arrive at the saved state's fingerprint.
 */
import { IllegalOrderError, newGame, resolveTurn, stateHash, type GameState, type Orders, type SideOrders, type TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import type { LoadedGame, SaveProblem, SaveReason } from './persistence';
import { DIFFICULTIES, type Difficulty, type Session } from './session';

export const SAVE_FORMAT = 'close-yet-distant/save';
export const SAVE_VERSION = 1;

export interface SaveFileV1 {
  readonly format: typeof SAVE_FORMAT;
  readonly version: 1;
  /** When it was written (ISO 8601); for the player, never for the game. */
  readonly savedAt: string;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly human: Side;
  readonly difficulty: Difficulty;
  readonly seed: string;
  readonly orders: readonly Orders[];
  readonly draft: SideOrders;
  readonly state: GameState;
  readonly stateHash: string;
}

/**
 * Upgrades from each older version to the next. Version 1 is the first: the table is empty, and a
 * fixture of a version-1 save (tests/fixtures/saves/) must keep loading after every future change.
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {};

export function toSaveFile(session: Session, entry: CatalogEntry, savedAt: string): SaveFileV1 {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    savedAt,
    scenario: { id: entry.id, hash: entry.hash },
    human: session.human,
    difficulty: session.difficulty,
    seed: session.seed,
    orders: session.orders,
    draft: session.draft,
    state: session.state,
    stateHash: stateHash(session.state),
  };
}

const unreadable = (reason: SaveReason, params: Record<string, string | number> = {}): { ok: false; problem: SaveProblem } => ({ ok: false, problem: { kind: 'unreadable', reason, params } });

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isSideOrders = (v: unknown): v is SideOrders =>
  isObject(v) && isStringList(v.decisions) && (v.responses === undefined || (isObject(v.responses) && Object.values(v.responses).every((x) => typeof x === 'string')));
const isOrders = (v: unknown): v is Orders => isObject(v) && isSideOrders(v.tokyo) && isSideOrders(v.seoul);

/** Parses save-file text back into a session, replaying it against the scenario it names. */
export function readSaveFile(text: string, catalog: readonly CatalogEntry[]): LoadedGame {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return unreadable('notJson');
  }
  if (!isObject(raw) || raw.format !== SAVE_FORMAT) return unreadable('notASave');
  let version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return unreadable('noVersion');
  if (version > SAVE_VERSION) return unreadable('newerVersion', { version, supported: SAVE_VERSION });
  let data: Record<string, unknown> = raw;
  while (version < SAVE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return unreadable('cannotUpgrade', { version });
    data = migrate(data);
    version += 1;
  }

  const { scenario, human, difficulty, seed, orders, draft } = data;
  if (!isObject(scenario) || typeof scenario.id !== 'string' || typeof scenario.hash !== 'string') return unreadable('noScenario');
  if (human !== 'tokyo' && human !== 'seoul') return unreadable('noSide');
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty as Difficulty)) return unreadable('badDifficulty');
  if (typeof seed !== 'string') return unreadable('noSeed');
  if (!Array.isArray(orders) || !orders.every(isOrders)) return unreadable('badOrders');
  if (!isSideOrders(draft)) return unreadable('badDraft');

  const entry = catalog.find((e) => e.id === scenario.id);
  if (!entry) {
    return { ok: false, problem: { kind: 'scenario-missing', reason: 'scenarioMissing', params: { scenario: scenario.id } } };
  }

  // The action log is the truth: replay it.
  let state = newGame(entry.scenario, seed);
  const reports: TurnReport[] = [];
  try {
    for (const turnOrders of orders) {
      const resolved = resolveTurn(entry.scenario, state, turnOrders);
      state = resolved.state;
      reports.push(resolved.report);
    }
  } catch (e) {
    if (!(e instanceof IllegalOrderError)) throw e;
    const changed = scenario.hash !== entry.hash;
    return { ok: false, problem: { kind: 'replay-failed', reason: changed ? 'scenarioChanged' : 'turnsDamaged', params: { scenario: scenario.id, detail: e.message } } };
  }
  // Same scenario file: the replay must land exactly on the saved state, or the save was tampered with or damaged.
  if (scenario.hash === entry.hash && data.stateHash !== stateHash(state)) return unreadable('stateMismatch');

  const session: Session = { scenarioId: entry.id, human, difficulty: difficulty as Difficulty, seed, state, reports, orders: orders as Orders[], draft: state.ending ? { decisions: [] } : draft };
  return { ok: true, session };
}
