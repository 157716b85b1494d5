/**
 * The save file: a versioned snapshot of a game (docs/architecture.md, reliability rules). It carries the
 * seed and every turn's orders (the action log), the scenario's fingerprint, and the state with
 * its generator's state. Reading one never trusts it: the game is replayed from seed and orders,
 * and the replay must arrive at the saved state's fingerprint.
 */
import { IllegalOrderError, InterventionError, stateHash, type GameState, type Orders, type SideOrders, type TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import type { LoadedGame, SaveProblem, SaveReason } from './persistence';
import { replayGame } from './replay';
import { DIFFICULTIES, MODES, NO_CLASSROOM, type Classroom, type Difficulty, type InstructorEntry, type Mode, type Session } from './session';

export const SAVE_FORMAT = 'close-yet-distant/save';
export const SAVE_VERSION = 2;

/** Version 2: a class session (hot-seat mode, sealed orders, the instructor's PIN, timer and log) besides version 1's game. */
export interface SaveFileV2 {
  readonly format: typeof SAVE_FORMAT;
  readonly version: 2;
  /** When it was written (ISO 8601); for the player, never for the game. */
  readonly savedAt: string;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly mode: Mode;
  readonly human: Side;
  readonly difficulty: Difficulty;
  readonly seed: string;
  readonly orders: readonly Orders[];
  readonly draft: SideOrders;
  readonly sealed: Session['sealed'];
  readonly classroom: Classroom;
  /** The instructor's log: its 'fire', 'adjust' and 'end' entries are replayed with the orders. */
  readonly log: readonly InstructorEntry[];
  readonly state: GameState;
  readonly stateHash: string;
}

/**
 * Upgrades from each older version to the next. A fixture of every old version
 * (tests/fixtures/saves/) must keep loading after every future change.
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  // Version 1 knew only one player against the computer, without an instructor.
  1: (old) => ({ ...old, version: 2, mode: 'solo', sealed: {}, classroom: NO_CLASSROOM, log: [] }),
};

export function toSaveFile(session: Session, entry: CatalogEntry, savedAt: string): SaveFileV2 {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    savedAt,
    scenario: { id: entry.id, hash: entry.hash },
    mode: session.mode,
    human: session.human,
    difficulty: session.difficulty,
    seed: session.seed,
    orders: session.orders,
    draft: session.draft,
    sealed: session.sealed,
    classroom: session.classroom,
    log: session.log,
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
const isSealed = (v: unknown): v is Session['sealed'] => isObject(v) && Object.entries(v).every(([side, o]) => (side === 'tokyo' || side === 'seoul') && isSideOrders(o));
const isClassroom = (v: unknown): v is Classroom =>
  isObject(v) && (v.pin === null || typeof v.pin === 'string') && (v.timerSeconds === null || (typeof v.timerSeconds === 'number' && v.timerSeconds > 0));
const isTurn = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
function isInstructorEntry(v: unknown): v is InstructorEntry {
  if (!isObject(v) || !isTurn(v.turn) || (v.undone !== undefined && v.undone !== true)) return false;
  switch (v.kind) {
    case 'fire':
      return typeof v.event === 'string';
    case 'adjust':
      return typeof v.meter === 'string' && typeof v.before === 'number' && typeof v.value === 'number' && Number.isFinite(v.value) && typeof v.reason === 'string';
    case 'undo':
      return isTurn(v.undid);
    case 'end':
    case 'reveal':
    case 'hide':
    case 'pause':
    case 'resume':
      return true;
    default:
      return false;
  }
}

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

  const { scenario, mode, human, difficulty, seed, orders, draft, sealed, classroom, log } = data;
  if (!isObject(scenario) || typeof scenario.id !== 'string' || typeof scenario.hash !== 'string') return unreadable('noScenario');
  if (typeof mode !== 'string' || !MODES.includes(mode as Mode)) return unreadable('badMode');
  if (human !== 'tokyo' && human !== 'seoul') return unreadable('noSide');
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty as Difficulty)) return unreadable('badDifficulty');
  if (typeof seed !== 'string') return unreadable('noSeed');
  if (!Array.isArray(orders) || !orders.every(isOrders)) return unreadable('badOrders');
  if (!isSideOrders(draft)) return unreadable('badDraft');
  if (!isSealed(sealed) || !isClassroom(classroom)) return unreadable('badClassroom');
  if (!Array.isArray(log) || !log.every(isInstructorEntry)) return unreadable('badLog');

  const entry = catalog.find((e) => e.id === scenario.id);
  if (!entry) {
    return { ok: false, problem: { kind: 'scenario-missing', reason: 'scenarioMissing', params: { scenario: scenario.id } } };
  }

  // The action log is the truth: replay it.
  let state: GameState;
  let reports: TurnReport[];
  try {
    ({ state, reports } = replayGame(entry.scenario, seed, orders, log));
  } catch (e) {
    if (!(e instanceof IllegalOrderError) && !(e instanceof InterventionError)) throw e;
    const changed = scenario.hash !== entry.hash;
    return { ok: false, problem: { kind: 'replay-failed', reason: changed ? 'scenarioChanged' : 'turnsDamaged', params: { scenario: scenario.id, detail: e.message } } };
  }
  // Same scenario file: the replay must land exactly on the saved state, or the save was tampered with or damaged.
  if (scenario.hash === entry.hash && data.stateHash !== stateHash(state)) return unreadable('stateMismatch');

  const ended = state.ending !== null;
  const session: Session = {
    scenarioId: entry.id,
    mode: mode as Mode,
    human,
    difficulty: difficulty as Difficulty,
    seed,
    state,
    reports,
    orders,
    draft: ended ? { decisions: [] } : draft,
    sealed: ended ? {} : sealed,
    classroom,
    log,
  };
  return { ok: true, session };
}
