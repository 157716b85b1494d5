/**
 * The one store (zustand/vanilla), made of slices (src/store/slices): settings; the library
 * (the catalog and an instructor's remembered files); the game (the session, the draft, the turns,
 * decided by the game authority); the classroom (the instructor's panel, the pause, the reveal, the
 * PIN and the turn timer); the class game (a seat on the class server); the instructor's class (a
 * class's dashboard on the class server); and the ui (the screen, the menus' pick, the notice). Scenes and views
 * read `state` and call `state.actions`; no rules live here, and no screen knows where a turn is
 * resolved (src/store/authority.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { localAuthority, type ComputerPlayer, type GameAuthority } from './authority';
import type { CatalogEntry } from './catalog';
import { readOnlyTimer, systemTimer, type Timer } from './clock';
import { memoryShelf, type LibraryShelf } from './library';
import type { Persistence, SaveProblem } from './persistence';
import type { Settings } from './settings';
import { classGameSlice } from './slices/classGame';
import { classroomSlice, runTurnTimer } from './slices/classroom';
import { gameSlice } from './slices/game';
import { instructorClassSlice } from './slices/instructorClass';
import type { AppActions, AppState, Kit, Store } from './slices/kit';
import { librarySlice } from './slices/library';
import { settingsSlice } from './slices/settings';
import { uiSlice } from './slices/ui';

export { GAME_SCREENS, SCREENS, type Screen } from './screens';
export type { AppActions, AppState } from './slices/kit';
export type { Notice, Pick } from './slices/ui';
export type { InstructorView } from './session';
export { clockLeftMs, systemTimer, WARNING_MS, type Clock, type Timer } from './clock';
export type { ComputerPlayer, GameAuthority, GameSetup, Ruling, TurnToResolve } from './authority';
export { localAuthority } from './authority';
export { selectInGame, selectPickedEntry } from './slices/ui';
export { selectSoundVolume } from './slices/settings';
export { selectEntry, selectLibraryEntries } from './slices/library';
export { selectCanChoose, selectCapitalLeft, selectCards, selectInstructing, selectSessionEntry, type SessionEntry } from './slices/game';
export { selectPanelOpen, selectTimeLeftMs } from './slices/classroom';
export { selectClassSeatOpen, selectMemoShort, type ClassConnection, type ClassGame, type ClassLink } from './slices/classGame';
export { ACTED_KEPT, selectClassAlerts, selectClassEntry, selectClassGames, type ActProblem, type ArrivedSummary, type InstructorClass, type InstructorLink } from './slices/instructorClass';

export type AppStore = StoreApi<AppState & { actions: AppActions }>;

export interface StoreDeps {
  readonly catalog: readonly CatalogEntry[];
  readonly persistence: Persistence;
  /** The computer player, for the side no one at the screen plays (the local authority asks it). */
  readonly computer: ComputerPlayer;
  /** Where games are decided; the engine in this page, with `computer`, when absent. */
  readonly authority?: GameAuthority;
  /** A fresh seed for a new game (the only place the clock or chance may enter; the engine never sees it). */
  readonly newSeed: () => string;
  /** The settings a first visit starts from (e.g. the browser's language). */
  readonly initialSettings?: Partial<Settings>;
  /** The clock the turn timer reads and schedules on (never seen by the engine); the system's when absent. */
  readonly timer?: Timer;
  /**
   * Only a clock to read, without scheduling: the timer then never runs out by itself (timeUp may
   * still be called). For tests that need a fixed time; ignored when `timer` is given.
   */
  readonly now?: () => number;
  /** Where an instructor's own scenario files are remembered (memory when absent). */
  readonly library?: LibraryShelf;
  /** What the page found wrong with its storage at start-up (none, full, unavailable): said at once on the title. */
  readonly storageProblem?: SaveProblem | null;
}

export function createAppStore(deps: StoreDeps): AppStore {
  let kit: Kit | undefined;
  const store = createStore<Store>()((set, get) => {
    kit = {
      set,
      get,
      persistence: deps.persistence,
      authority: deps.authority ?? localAuthority(deps.computer),
      timer: deps.timer ?? (deps.now ? readOnlyTimer(deps.now) : systemTimer),
      shelf: deps.library ?? memoryShelf(),
      newSeed: deps.newSeed,
      classLink: { current: null },
      instructorLink: { current: null },
    };
    const settings = settingsSlice(kit, deps.initialSettings);
    const library = librarySlice(kit, deps.catalog);
    const game = gameSlice(kit);
    const classroom = classroomSlice(kit);
    const classGame = classGameSlice(kit, kit.classLink);
    const instructorClass = instructorClassSlice(kit, kit.instructorLink);
    const ui = uiSlice(kit);
    return {
      ...settings.state,
      ...library.state,
      ...game.state,
      ...classroom.state,
      ...classGame.state,
      ...instructorClass.state,
      ...ui.state,
      actions: { ...settings.actions, ...library.actions, ...game.actions, ...classroom.actions, ...classGame.actions, ...instructorClass.actions, ...ui.actions },
    };
  });
  if (deps.storageProblem) store.setState({ notice: { problem: deps.storageProblem } });
  // The initializer above has run: the kit exists.
  runTurnTimer(kit!, store.subscribe);
  return store;
}

export type { CatalogEntry } from './catalog';
export type { LibraryEntry, LibraryProblem, LibraryReport } from './library';
export type { Persistence, SaveProblem } from './persistence';
export type { Classroom, Difficulty, InstructorEntry, Mode, Session } from './session';
export { hasSealed } from './session';
export type { Settings, TextSize } from './settings';
export { cards, capitalLeft, roomForAnswer, type Card } from './draft';
