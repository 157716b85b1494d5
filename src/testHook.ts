/**
 * `window.__cyd`: a read-only snapshot of the game for end-to-end tests (canvas text is invisible to
 * them). Each change replaces the frozen snapshot; the property has a getter and no setter, so a
 * test (or a console user) can read the game but not change it. It shows only what the human player
 * may see: meters through the human side's view (polls as estimate ± margin, hidden meters absent).
 */
import { version } from '../package.json';
import { sideView, type MeterView } from './engine';
import { SIDES, type Side } from './engine/model';
import type { AppState, AppStore, Difficulty, Mode, Screen } from './store';

/** The game being played, as the human player sees it. */
export interface GameSummary {
  readonly scenario: string;
  /** solo: against the computer; hotseat: two teams on one screen. */
  readonly mode: Mode;
  /** solo: the player's side; hotseat: the team at the controls (or called to them by the hand-over screen). */
  readonly side: Side;
  /** Hot-seat: the sides whose orders are sealed this turn (which, never what); empty in solo play. */
  readonly sealed: readonly Side[];
  readonly difficulty: Difficulty;
  /** The turn waiting for orders (or, once ended, the last turn played). */
  readonly turn: number;
  readonly turns: number;
  /** Turns resolved so far. */
  readonly resolved: number;
  /** The ending's id once the game has ended, else null. */
  readonly ending: string | null;
  /** The meters the human side sees; hidden meters are absent. */
  readonly meters: Readonly<Record<string, MeterView>>;
  readonly capital: number;
}

export interface CydSnapshot {
  /** The game's version, from package.json. */
  readonly version: string;
  /** The key of the scene currently shown. */
  readonly scene: string;
  /** True once the title screen is created and accepts input. */
  readonly ready: boolean;
  /** The store's screen (the director shows the matching scene). */
  readonly screen: Screen | '';
  /** The game being played, or null when none is. */
  readonly game: GameSummary | null;
}

declare global {
  interface Window {
    readonly __cyd?: CydSnapshot;
    /** How many frames the world has drawn (not those it skipped because nothing moved): the bench's frame rate. */
    readonly __cydFramesDrawn?: number;
  }
}

let framesDrawn = 0;

/** The world drew a frame (src/world/index.ts). */
export function countFrameDrawn(): void {
  framesDrawn++;
}

let current: CydSnapshot = Object.freeze({ version, scene: '', ready: false, screen: '', game: null });

export function installTestHook(target: Window = window): void {
  Object.defineProperty(target, '__cyd', {
    get: () => current,
    enumerable: false,
    configurable: false,
  });
  Object.defineProperty(target, '__cydFramesDrawn', { get: () => framesDrawn, enumerable: false, configurable: false });
}

/**
 * The user-timing mark set when the page first says it is ready: the bench reads its time, so the
 * boot is timed by the page itself rather than by how soon a busy page answers the browser's driver.
 */
export const READY_MARK = 'cyd:ready';

/** Replaces the snapshot with a new frozen one carrying the given changes. */
export function publish(change: Partial<Omit<CydSnapshot, 'version'>>): void {
  if (change.ready && !current.ready && typeof performance !== 'undefined') performance.mark(READY_MARK);
  current = Object.freeze({ ...current, ...change });
}

export function snapshot(): CydSnapshot {
  return current;
}

function freezeDeep<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) freezeDeep(inner);
    Object.freeze(value);
  }
  return value;
}

/** The human player's view of the current game, or null. */
export function gameSummary(state: AppState): GameSummary | null {
  const session = state.session;
  const scenario = session && state.catalog.find((e) => e.id === session.scenarioId)?.scenario;
  if (!session || !scenario) return null;
  const view = sideView(scenario, session.state, session.human);
  return freezeDeep({
    scenario: scenario.id,
    mode: session.mode,
    side: session.human,
    sealed: SIDES.filter((s) => session.sealed[s] !== undefined),
    difficulty: session.difficulty,
    turn: session.state.turn,
    turns: scenario.turns,
    resolved: session.reports.length,
    ending: session.state.ending?.id ?? null,
    meters: structuredClone(view.meters),
    capital: view.capital,
  });
}

/** Keeps `screen` and `game` in the snapshot in step with the store. Returns the unsubscribe. */
export function connectTestHook(store: AppStore): () => void {
  const update = (state: AppState): void => publish({ screen: state.screen, game: gameSummary(state) });
  update(store.getState());
  return store.subscribe((state, previous) => {
    if (state.screen !== previous.screen || state.session !== previous.session || state.catalog !== previous.catalog) update(state);
  });
}
