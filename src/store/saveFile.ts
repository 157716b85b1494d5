/**
 * The save file: a versioned snapshot of a game (docs/architecture.md, reliability rules). It carries the
 * seed and every turn's orders (the action log), the scenario's fingerprint, and the state with
 * its generator's state. Reading one never trusts it: the game is replayed from seed and orders,
 * and the replay must arrive at the saved state's fingerprint.
 */
import { IllegalOrderError, InterventionError, stateHash, type GameState, type Orders, type SideOrders, type TurnReport } from '../engine';
import type { Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import type { Clock } from './clock';
import { stillChoosable } from './draft';
import type { LockedOrders, PinGuard, PinLock } from './pin';
import type { SaveProblem, SaveReason } from './persistence';
import { replayGame } from './replay';
import { DIFFICULTIES, MODES, NO_CLASSROOM, type Classroom, type Difficulty, type InstructorEntry, type Mode, type Session } from './session';

export const SAVE_FORMAT = 'close-yet-distant/save';
export const SAVE_VERSION = 3;

/**
 * Version 3: version 2's game and class session (hot-seat mode, sealed orders, the instructor's PIN,
 * timer and log), with the PIN only as its lock (a salted hash), sealed orders under a PIN
 * encrypted (src/store/pin.ts), the team's clock, a revision count, and a checksum over every field.
 */
export interface SaveFileV3 {
  readonly format: typeof SAVE_FORMAT;
  readonly version: 3;
  /** When it was written (ISO 8601); for the player, never for the game. */
  readonly savedAt: string;
  readonly scenario: { readonly id: string; readonly hash: string };
  readonly mode: Mode;
  readonly human: Side;
  readonly difficulty: Difficulty;
  readonly seed: string;
  readonly orders: readonly Orders[];
  readonly draft: SideOrders;
  /** Sealed orders in the clear: only in a session without a PIN (no secrecy was asked for). */
  readonly sealed: Session['sealed'];
  /** Sealed orders under the session's PIN: a student reading the save cannot read them. */
  readonly sealedLocked: NonNullable<Session['sealedLocked']>;
  readonly classroom: Classroom;
  /** The instructor's log: its 'fire', 'adjust' and 'end' entries are replayed with the orders. */
  readonly log: readonly InstructorEntry[];
  /** The team's turn timer when saved: a reload resumes it rather than starting a full time again. */
  readonly clock: Clock | null;
  /** How many times this game has been written: a tab whose game is older than the stored one may not overwrite it. */
  readonly revision: number;
  readonly state: GameState;
  readonly stateHash: string;
  /** stateHash of every other field but savedAt: a damaged or hand-edited file is refused, whatever its scenario. */
  readonly checksum: string;
}

/** What a save keeps beside the session: the team's clock and the write's revision. */
export interface SaveExtras {
  readonly clock: Clock | null;
  readonly revision: number;
}

/**
 * Upgrades from each older version to the next. A fixture of every old version
 * (tests/fixtures/saves/) must keep loading after every future change.
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {
  // Version 1 knew only one player against the computer, without an instructor.
  1: (old) => ({ ...old, version: 2, mode: 'solo', sealed: {}, classroom: NO_CLASSROOM, log: [] }),
  // Version 2 kept the PIN itself (the store locks it on load) and had no clock, revision or checksum.
  2: (old) => {
    const classroom = isObject(old.classroom) ? old.classroom : {};
    const { pin, ...rest } = classroom;
    const legacy = typeof pin === 'string' ? { legacyPin: pin } : {};
    const upgraded = { ...old, version: 3, classroom: { ...rest, pin: null, ...legacy }, sealedLocked: {}, clock: null, revision: 0 };
    return { ...upgraded, checksum: checksumOf(upgraded) };
  },
};

/** The checksum of a save's fields: all but savedAt (when, not what) and the checksum itself. */
export function checksumOf(file: Record<string, unknown>): string {
  const { savedAt: _when, checksum: _check, ...fields } = file;
  return stateHash(fields);
}

export function toSaveFile(session: Session, entry: CatalogEntry, savedAt: string, extras: SaveExtras = { clock: null, revision: 0 }): SaveFileV3 {
  const secret = session.classroom.pin !== null;
  const fields: Omit<SaveFileV3, 'checksum'> = {
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
    // Under a PIN, the other team's orders never leave memory in the clear.
    sealed: secret ? {} : session.sealed,
    sealedLocked: secret ? (session.sealedLocked ?? {}) : {},
    classroom: session.classroom,
    log: session.log,
    clock: extras.clock,
    revision: extras.revision,
    state: session.state,
    stateHash: stateHash(session.state),
  };
  return { ...fields, checksum: checksumOf(fields) };
}

/** What reading a save leaves to say beside the game: choices of this turn that no longer fit, dropped. */
export interface ReadExtras extends SaveExtras {
  readonly dropped: readonly string[];
}

const unreadable = (reason: SaveReason, params: Record<string, string | number> = {}): { ok: false; problem: SaveProblem } => ({ ok: false, problem: { kind: 'unreadable', reason, params } });

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
export const isSideOrders = (v: unknown): v is SideOrders =>
  isObject(v) && isStringList(v.decisions) && (v.responses === undefined || (isObject(v.responses) && Object.values(v.responses).every((x) => typeof x === 'string')));
const isOrders = (v: unknown): v is Orders => isObject(v) && isSideOrders(v.tokyo) && isSideOrders(v.seoul);
const isSealed = (v: unknown): v is Session['sealed'] => isObject(v) && Object.entries(v).every(([side, o]) => (side === 'tokyo' || side === 'seoul') && isSideOrders(o));
const isTurn = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
const isText = (v: unknown): v is string => typeof v === 'string';
const isLockedOrders = (v: unknown): v is LockedOrders => isObject(v) && isText(v.key) && isText(v.iv) && isText(v.data);
const isSealedLocked = (v: unknown): v is NonNullable<Session['sealedLocked']> => isObject(v) && Object.entries(v).every(([side, o]) => (side === 'tokyo' || side === 'seoul') && isLockedOrders(o));
const isPinLock = (v: unknown): v is PinLock =>
  isObject(v) &&
  isText(v.salt) &&
  isText(v.hash) &&
  Number.isInteger(v.iterations) &&
  (v.iterations as number) > 0 &&
  isObject(v.sealTo) &&
  isObject(v.opener) &&
  isText(v.opener.iv) &&
  isText(v.opener.data);
const isGuard = (v: unknown): v is PinGuard => isObject(v) && Number.isInteger(v.failures) && (v.failures as number) >= 0 && typeof v.waitUntil === 'number' && Number.isFinite(v.waitUntil);
const isClassroom = (v: unknown): v is Classroom =>
  isObject(v) &&
  (v.pin === null || isPinLock(v.pin)) &&
  (v.timerSeconds === null || (typeof v.timerSeconds === 'number' && v.timerSeconds > 0)) &&
  (v.guard === undefined || isGuard(v.guard)) &&
  (v.legacyPin === undefined || isText(v.legacyPin));
const isClock = (v: unknown): v is Clock =>
  isObject(v) &&
  (v.side === 'tokyo' || v.side === 'seoul') &&
  isTurn(v.turn) &&
  (v.endsAt === null || (typeof v.endsAt === 'number' && Number.isFinite(v.endsAt))) &&
  typeof v.leftMs === 'number' &&
  Number.isFinite(v.leftMs) &&
  v.leftMs >= 0 &&
  typeof v.warned === 'boolean';
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

/** A read save: the session, what was kept beside it, and what was dropped. */
export type ReadSave = { readonly ok: true; readonly session: Session; readonly extras: ReadExtras } | { readonly ok: false; readonly problem: SaveProblem };

/** Parses save-file text back into a session, replaying it against the scenario it names. */
export function readSaveFile(text: string, catalog: readonly CatalogEntry[]): ReadSave {
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
  // A current save must match its own checksum; an older one had none, and is checked from its upgrade on.
  if (version === SAVE_VERSION && raw.checksum !== checksumOf(raw)) return unreadable('badChecksum');
  let data: Record<string, unknown> = raw;
  while (version < SAVE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return unreadable('cannotUpgrade', { version });
    data = migrate(data);
    version += 1;
  }

  const { scenario, mode, human, difficulty, seed, orders, draft, sealed, sealedLocked, classroom, log, clock, revision } = data;
  if (!isObject(scenario) || typeof scenario.id !== 'string' || typeof scenario.hash !== 'string') return unreadable('noScenario');
  if (typeof mode !== 'string' || !MODES.includes(mode as Mode)) return unreadable('badMode');
  if (human !== 'tokyo' && human !== 'seoul') return unreadable('noSide');
  if (typeof difficulty !== 'string' || !DIFFICULTIES.includes(difficulty as Difficulty)) return unreadable('badDifficulty');
  if (typeof seed !== 'string') return unreadable('noSeed');
  if (!Array.isArray(orders) || !orders.every(isOrders)) return unreadable('badOrders');
  if (!isSideOrders(draft)) return unreadable('badDraft');
  if (!isSealed(sealed) || !isSealedLocked(sealedLocked) || !isClassroom(classroom)) return unreadable('badClassroom');
  if (!Array.isArray(log) || !log.every(isInstructorEntry)) return unreadable('badLog');
  if ((clock !== null && !isClock(clock)) || !Number.isInteger(revision) || (revision as number) < 0) return unreadable('badClassroom');
  // The team at the controls cannot also have sealed its orders.
  if (sealed[human] || sealedLocked[human]) return unreadable('badClassroom');

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
  // This turn's choices are checked again: what no longer fits the turn (the file edited, the scenario changed) is dropped and said.
  const dropped: string[] = [];
  const fit = (side: Side, o: SideOrders): SideOrders => {
    const kept = stillChoosable(entry.scenario, state, side, o);
    for (const id of o.decisions) if (!kept.decisions.includes(id)) dropped.push(id);
    for (const [event, choice] of Object.entries(o.responses ?? {})) if (kept.responses?.[event] !== choice) dropped.push(`${event}: ${choice}`);
    return kept;
  };
  const fitSealed = Object.fromEntries(Object.entries(sealed).map(([side, o]) => [side, fit(side as Side, o)])) as Session['sealed'];
  const session: Session = {
    scenarioId: entry.id,
    mode: mode as Mode,
    human,
    difficulty: difficulty as Difficulty,
    seed,
    state,
    reports,
    orders,
    draft: ended ? { decisions: [] } : fit(human, draft),
    sealed: ended ? {} : fitSealed,
    ...(!ended && Object.keys(sealedLocked).length > 0 && { sealedLocked }),
    classroom,
    log,
  };
  return { ok: true, session, extras: { clock, revision: revision as number, dropped } };
}
