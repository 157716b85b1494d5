/**
 * The save file: a versioned snapshot of a game (DESIGN.md, reliability rules). It carries the
 * seed and every turn's orders (the action log), the scenario's fingerprint, and the state with
 * its generator's state. Reading one never trusts it: the game is replayed from seed and orders,
 * and the replay must arrive at the saved state's fingerprint.
 */
import { IllegalOrderError, newGame, resolveTurn, stateHash, type GameState, type Orders, type SideOrders, type TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import type { LoadedGame, SaveProblem } from './persistence';
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

const unreadable = (why: string): { ok: false; problem: SaveProblem } => ({ ok: false, problem: { kind: 'unreadable', message: `The saved game could not be read: ${why}.` } });

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
    return unreadable('it is not valid JSON (the file may be damaged or cut short)');
  }
  if (!isObject(raw) || raw.format !== SAVE_FORMAT) return unreadable('it is not a Close Yet Distant save');
  let version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return unreadable('it has no valid version number');
  if (version > SAVE_VERSION) return unreadable(`it was made by a newer version of the game (save version ${version}; this game reads up to ${SAVE_VERSION}). Update the game to open it`);
  let data: Record<string, unknown> = raw;
  while (version < SAVE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return unreadable(`no way to upgrade a version ${version} save`);
    data = migrate(data);
    version += 1;
  }

  const { scenario, human, difficulty, seed, orders, draft } = data;
  if (!isObject(scenario) || typeof scenario.id !== 'string' || typeof scenario.hash !== 'string') return unreadable('it does not say which scenario it belongs to');
  if (human !== 'tokyo' && human !== 'seoul') return unreadable('it does not say which side you played');
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty as Difficulty)) return unreadable('its opponent difficulty is unknown');
  if (typeof seed !== 'string') return unreadable('its seed is missing');
  if (!Array.isArray(orders) || !orders.every(isOrders)) return unreadable("its record of the turns' orders is damaged");
  if (!isSideOrders(draft)) return unreadable("this turn's choices are damaged");

  const entry = catalog.find((e) => e.id === scenario.id);
  if (!entry) {
    return { ok: false, problem: { kind: 'scenario-missing', message: `The saved game belongs to the scenario '${scenario.id}', which this game does not have. Load that scenario file first, then continue.` } };
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
    return {
      ok: false,
      problem: {
        kind: 'replay-failed',
        message: changed
          ? `The scenario '${scenario.id}' has changed since this game was saved, and the saved turns no longer fit it (${e.message}).`
          : `The saved game's turns do not replay (${e.message}); the save is damaged.`,
      },
    };
  }
  // Same scenario file: the replay must land exactly on the saved state, or the save was tampered with or damaged.
  if (scenario.hash === entry.hash && data.stateHash !== stateHash(state)) return unreadable('its saved state does not match its own record of the turns');

  const session: Session = { scenarioId: entry.id, human, difficulty: difficulty as Difficulty, seed, state, reports, orders: orders as Orders[], draft: state.ending ? { decisions: [] } : draft };
  return { ok: true, session };
}
