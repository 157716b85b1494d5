/**
 * The one store (zustand/vanilla): settings, the scenario catalog, which screen is showing, the
 * choices made in the menus, and the game being played. Scenes and the DOM layer read it and call
 * its actions; the actions call the engine and the computer player. No rules live here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { intervene, interventionProblem, newGame, resolveTurn, type GameState, type Intervention, type SideOrders } from '../engine';
import type { Scenario, Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import { admit, memoryShelf, type LibraryEntry, type LibraryProblem, type LibraryReport, type LibraryShelf, type RememberedFile } from './library';
import { chooseResponse, stillChoosable, toggleDecision } from './draft';
import type { Persistence, SaveProblem } from './persistence';
import { replayGame } from './replay';
import { EMPTY_DRAFT, NO_CLASSROOM, otherSide, type Classroom, type Difficulty, type InstructorAction, type Mode, type Session } from './session';
import { DEFAULT_SETTINGS, settingsFrom, type Settings } from './settings';

import { canMove, type Screen } from './screens';

export { GAME_SCREENS, SCREENS, type Screen } from './screens';

/** A save problem the player must read; it stays until dismissed. The screens word it through src/i18n (saveProblemText). */
export interface Notice {
  readonly problem: SaveProblem;
}

/** Choices made in the menus before a game starts. */
export interface Pick {
  readonly scenarioId: string | null;
  /** solo: the side the player governs; hot-seat needs no side (Tokyo's team chooses first). */
  readonly side: Side | null;
  readonly difficulty: Difficulty;
  readonly mode: Mode;
  readonly classroom: Classroom;
}

/**
 * The instructor's panel and what it controls on screen. The panel asks for the session's PIN
 * ('locked') before it opens; paused stops the teams' input and the timer; revealed shows every
 * meter's true value (hidden meters and the values behind polls) to the room.
 */
export interface InstructorView {
  readonly panel: 'closed' | 'locked' | 'open';
  readonly paused: boolean;
  readonly revealed: boolean;
}

const INSTRUCTOR_CLOSED: InstructorView = Object.freeze({ panel: 'closed', paused: false, revealed: false });

/**
 * The turn timer of the team at the controls: running (endsAt, on the store's clock) or stopped
 * with the time left (leftMs) while the game is paused.
 */
export interface Clock {
  readonly side: Side;
  readonly endsAt: number | null;
  readonly leftMs: number;
}

/** Milliseconds left on a clock at time `now` (never below zero). */
export function clockLeftMs(clock: Clock, now: number): number {
  return Math.max(0, clock.endsAt === null ? clock.leftMs : clock.endsAt - now);
}

/** Chooses the computer's orders for a turn: deterministic in the state, so a game replays. */
export type ComputerPlayer = (scenario: Scenario, state: GameState, side: Side, difficulty: Difficulty) => SideOrders;

export interface AppState {
  readonly settings: Settings;
  readonly catalog: readonly CatalogEntry[];
  /** Have the shipped scenarios arrived (the scenario list and Continue wait for them)? */
  readonly catalogReady: boolean;
  readonly screen: Screen;
  /** The screen to return to from settings. */
  readonly previousScreen: Screen;
  readonly pick: Pick;
  readonly session: Session | null;
  /** Is there a saved game the title's Continue can resume? */
  readonly canContinue: boolean;
  readonly notice: Notice | null;
  readonly instructor: InstructorView;
  /** The turn timer, when the session has one and a team is choosing. */
  readonly clock: Clock | null;
  /** Scenario files an instructor loaded that could not join the list (or only for this visit): the library dialog shows them; empty when none. */
  readonly libraryProblems: readonly LibraryReport[];
}

export interface AppActions {
  /** The scenarios, once the loading screen has fetched and compiled them. */
  setCatalog(catalog: readonly CatalogEntry[]): void;
  go(screen: Screen): void;
  openSettings(): void;
  closeSettings(): void;
  updateSettings(change: Partial<Settings>): void;
  pickScenario(id: string): void;
  pickSide(side: Side): void;
  pickDifficulty(difficulty: Difficulty): void;
  pickMode(mode: Mode): void;
  /** The class session's PIN and timer, chosen before a hot-seat game starts. */
  setClassroom(change: Partial<Classroom>): void;
  /** Starts a game from the pick (scenario, and for solo play a side, must be chosen) and shows the briefing. */
  startGame(seed?: string): void;
  /** From the briefing: the first turn (behind the hand-over screen in hot-seat). */
  beginTurn(): void;
  /** Hot-seat: the team named on the hand-over screen takes the controls; its timer starts. */
  revealTurn(): void;
  toggleDecision(id: string): void;
  respond(eventId: string, choiceId: string): void;
  /**
   * Submits the draft. Solo: with the computer's orders, resolves the turn. Hot-seat: the first team's
   * orders are sealed and the hand-over screen calls the other team; the second team's resolve the turn.
   * Autosaves; shows the resolution once the turn has resolved.
   */
  endTurn(): void;
  /** The timer ran out: the team's choices so far are submitted as they stand. */
  timeUp(): void;
  /** From the resolution: the next turn, or the debrief once the game has ended. */
  nextTurn(): void;
  continueSavedGame(): void;
  quitToTitle(): void;
  dismissNotice(): void;
  /** The current game as save-file text (null when no game is running), for a download. */
  exportSave(): string | null;
  /** Loads a save file's text the player chose; a bad file becomes a notice, the current game is kept. */
  importSave(text: string): void;
  /** Opens the instructor's panel: locked behind the session's PIN when it has one. */
  openInstructorPanel(): void;
  /** Unlocks the panel when the PIN is right; says whether it was. */
  unlockInstructorPanel(pin: string): boolean;
  closeInstructorPanel(): void;
  // The instructor's actions below work only while the panel is open, and are logged for the debrief.
  pause(): void;
  resume(): void;
  /** Fires one of the scenario's events now; null when done, else why not (the engine's words). */
  fireEvent(eventId: string): string | null;
  /** Sets a meter to a value with a written reason; null when done, else why not. */
  adjustMeter(meterId: string, value: number, reason: string): string | null;
  /** Shows (or hides again) every meter's true value, hidden ones and those behind polls. */
  setRevealed(revealed: boolean): void;
  /** Takes back the last turn (or the instructor's ending of the game) and returns to its choices. */
  undoLastTurn(): void;
  /** Ends the game now with the ending that holds, and shows the debrief. */
  endGameNow(): void;
  /**
   * An instructor's checked file joins the list and is remembered (its text; null when it comes from
   * the library itself at boot). A shipped scenario's id is refused, an earlier copy of the same id is
   * replaced (src/store/library.ts, admit). False when refused; the reason is in libraryProblems.
   * `idAt` locates the file's `id:` for that reason.
   */
  addToLibrary(entry: LibraryEntry, text: string | null, idAt?: LibraryProblem): boolean;
  /** Takes an instructor's file off the list and forgets it. */
  removeFromLibrary(id: string): void;
  /** The files the library remembers (their text), to check and compile at boot. */
  rememberedFiles(): readonly RememberedFile[];
  showLibraryProblems(reports: readonly LibraryReport[]): void;
  dismissLibraryProblems(): void;
}

export type AppStore = StoreApi<AppState & { actions: AppActions }>;

export interface StoreDeps {
  readonly catalog: readonly CatalogEntry[];
  readonly persistence: Persistence;
  readonly computer: ComputerPlayer;
  /** A fresh seed for a new game (the only place the clock or chance may enter; the engine never sees it). */
  readonly newSeed: () => string;
  /** The settings a first visit starts from (e.g. the browser's language). */
  readonly initialSettings?: Partial<Settings>;
  /** Milliseconds on a steady clock, for the turn timer (never seen by the engine). */
  readonly now?: () => number;
  /** Where an instructor's own scenario files are remembered (memory when absent). */
  readonly library?: LibraryShelf;
}

export function createAppStore(deps: StoreDeps): AppStore {
  const { persistence, computer } = deps;
  const now = deps.now ?? (() => Date.now());
  const shelf = deps.library ?? memoryShelf();
  const problemNotice = (p: SaveProblem | null): Notice | null => (p ? { problem: p } : null);
  /** After a write: its problem if it failed; if it worked, a storage problem reported earlier is over. */
  const noticeAfterSave = (p: SaveProblem | null, before: Notice | null): Notice | null =>
    p ? problemNotice(p) : before && (before.problem.kind === 'full' || before.problem.kind === 'unavailable') ? null : before;

  return createStore<AppState & { actions: AppActions }>()((set, get) => {
    const entry = (id: string): CatalogEntry | undefined => get().catalog.find((e) => e.id === id);
    const sessionEntry = (): { session: Session; entry: CatalogEntry } | null => {
      const session = get().session;
      const e = session && entry(session.scenarioId);
      return session && e ? { session, entry: e } : null;
    };
    // The draft is saved too, so a reload mid-turn comes back to the same choices.
    const setDraft = (draft: SideOrders): void => {
      const se = sessionEntry();
      if (!se || draft === se.session.draft || get().instructor.paused) return;
      const session = { ...se.session, draft };
      set({ session, notice: noticeAfterSave(persistence.saveGame(session, se.entry), get().notice) });
    };
    const saved = (session: Session, e: CatalogEntry): Partial<AppState> => ({ session, notice: noticeAfterSave(persistence.saveGame(session, e), get().notice) });
    /** A new turn's timer: stopped (endsAt null) when the team takes the controls while the game is paused, so it never runs during a pause. */
    const clockFor = (session: Session, paused = get().instructor.paused): Clock | null => {
      const seconds = session.classroom.timerSeconds;
      return seconds && !session.state.ending ? { side: session.human, endsAt: paused ? null : now() + seconds * 1000, leftMs: seconds * 1000 } : null;
    };
    /** The screen a turn starts on: the hand-over screen in hot-seat, else the turn itself (its timer running). */
    const turnScreen = (session: Session, paused?: boolean): Partial<AppState> =>
      session.state.ending ? { screen: 'debrief', clock: null } : session.mode === 'hotseat' ? { screen: 'handover', clock: null } : { screen: 'turn', clock: clockFor(session, paused) };
    /** The session and its scenario when the instructor's panel is open on a running game. */
    const instructing = (): { session: Session; entry: CatalogEntry } | null => (get().instructor.panel === 'open' ? sessionEntry() : null);
    const logged = (session: Session, entry: InstructorAction): Session => ({ ...session, log: [...session.log, { ...entry, turn: session.state.turn }] });
    /** Applies an intervention that changes the game, logs it and saves. */
    const act = (action: Intervention, entry: InstructorAction): string | null => {
      const se = instructing();
      if (!se) return 'the instructor panel is not open';
      const problem = interventionProblem(se.entry.scenario, se.session.state, action);
      if (problem !== null) return problem;
      const done = intervene(se.entry.scenario, se.session.state, action);
      // A choice the intervention took off the table (a decision's `when` no longer holds) is dropped, or the turn could not end.
      const fit = (side: Side, orders: SideOrders): SideOrders => stillChoosable(se.entry.scenario, done.state, side, orders);
      const sealed = Object.fromEntries(Object.entries(se.session.sealed).map(([side, orders]) => [side, fit(side as Side, orders)]));
      const session: Session = { ...logged(se.session, entry), state: done.state, reports: done.report ? [...se.session.reports, done.report] : se.session.reports, ...(!done.state.ending && { draft: fit(se.session.human, se.session.draft), sealed }) };
      set({ ...saved(session, se.entry), ...(done.state.ending && { screen: 'debrief', clock: null, instructor: { ...get().instructor, paused: false } }) });
      return null;
    };

    return {
      settings: settingsFrom(persistence.loadSettings(), { ...DEFAULT_SETTINGS, ...deps.initialSettings }),
      catalog: deps.catalog,
      catalogReady: deps.catalog.length > 0,
      screen: 'title',
      previousScreen: 'title',
      pick: { scenarioId: null, side: null, difficulty: 'normal', mode: 'solo', classroom: NO_CLASSROOM },
      session: null,
      canContinue: persistence.hasGame(),
      notice: null,
      instructor: INSTRUCTOR_CLOSED,
      clock: null,
      // A stored list that cannot be read is kept as it was (library.ts) and said at once.
      libraryProblems: shelf.damaged() ? [{ file: '', added: false, problems: [{ reason: 'libraryUnreadable' }] }] : [],
      actions: {
        setCatalog: (catalog) => set({ catalog, catalogReady: true }),
        go: (screen) => {
          // Only the moves src/store/screens.ts declares: a screen cannot be reached from where it makes no sense.
          if (canMove(get().screen, screen)) set({ screen });
          else console.warn(`The ${get().screen} screen does not lead to ${screen} (src/store/screens.ts).`);
        },
        openSettings: () => set((s) => ({ previousScreen: s.screen === 'settings' ? s.previousScreen : s.screen, screen: 'settings' })),
        closeSettings: () => set((s) => ({ screen: s.previousScreen })),
        updateSettings: (change) => {
          const settings = settingsFrom({ ...get().settings, ...change }, get().settings);
          set({ settings, notice: problemNotice(persistence.saveSettings(settings)) ?? get().notice });
        },
        pickScenario: (id) => {
          if (entry(id)) set((s) => ({ pick: { ...s.pick, scenarioId: id } }));
        },
        pickSide: (side) => set((s) => ({ pick: { ...s.pick, side } })),
        pickDifficulty: (difficulty) => set((s) => ({ pick: { ...s.pick, difficulty } })),
        pickMode: (mode) => set((s) => ({ pick: { ...s.pick, mode } })),
        setClassroom: (change) => set((s) => ({ pick: { ...s.pick, classroom: { ...s.pick.classroom, ...change } } })),
        startGame: (seed) => {
          const { pick } = get();
          const e = pick.scenarioId ? entry(pick.scenarioId) : undefined;
          const human = pick.mode === 'hotseat' ? 'tokyo' : pick.side;
          if (!e || !human) return;
          const gameSeed = seed ?? deps.newSeed();
          const session: Session = {
            scenarioId: e.id,
            mode: pick.mode,
            human,
            difficulty: pick.difficulty,
            seed: gameSeed,
            state: newGame(e.scenario, gameSeed),
            reports: [],
            orders: [],
            draft: EMPTY_DRAFT,
            sealed: {},
            classroom: pick.classroom,
            log: [],
          };
          const problem = persistence.saveGame(session, e);
          set({ session, screen: 'briefing', canContinue: problem === null, notice: problemNotice(problem), instructor: INSTRUCTOR_CLOSED, clock: null });
        },
        beginTurn: () => {
          const session = get().session;
          if (session) set(turnScreen(session));
        },
        revealTurn: () => {
          const session = get().session;
          if (session && !session.state.ending && get().screen === 'handover') set({ screen: 'turn', clock: clockFor(session) });
        },
        toggleDecision: (id) => {
          const se = sessionEntry();
          if (!se || se.session.state.ending) return;
          setDraft(toggleDecision(se.entry.scenario, se.session.state, se.session.human, se.session.draft, id));
        },
        respond: (eventId, choiceId) => {
          const se = sessionEntry();
          if (!se || se.session.state.ending) return;
          setDraft(chooseResponse(se.entry.scenario, se.session.state, se.session.human, se.session.draft, eventId, choiceId));
        },
        endTurn: () => {
          const se = sessionEntry();
          if (!se || se.session.state.ending || get().instructor.paused) return;
          const { session, entry: e } = se;
          const other = otherSide(session.human);
          if (session.mode === 'hotseat' && !session.sealed[other]) {
            // The first team's orders are sealed; the other team takes the controls behind the hand-over screen.
            const next: Session = { ...session, human: other, draft: EMPTY_DRAFT, sealed: { ...session.sealed, [session.human]: session.draft } };
            return set({ ...saved(next, e), screen: 'handover', clock: null });
          }
          const theirs = session.mode === 'hotseat' ? session.sealed[other]! : computer(e.scenario, session.state, other, session.difficulty);
          const orders = { [session.human]: session.draft, [other]: theirs } as Record<Side, SideOrders>;
          const { state, report } = resolveTurn(e.scenario, session.state, orders);
          const next: Session = {
            ...session,
            // Tokyo's team chooses first every turn.
            human: session.mode === 'hotseat' ? 'tokyo' : session.human,
            state,
            reports: [...session.reports, report],
            orders: [...session.orders, orders],
            draft: EMPTY_DRAFT,
            sealed: {},
          };
          set({ ...saved(next, e), screen: 'resolution', clock: null });
        },
        timeUp: () => {
          const { clock, session, screen } = get();
          if (!clock || !session || screen !== 'turn' || clock.side !== session.human || clockLeftMs(clock, now()) > 0) return;
          get().actions.endTurn();
        },
        nextTurn: () => {
          const session = get().session;
          if (session) set(turnScreen(session));
        },
        continueSavedGame: () => {
          const loaded = persistence.loadGame(get().catalog);
          if (!loaded) return set({ canContinue: false });
          if (!loaded.ok) return set({ canContinue: persistence.hasGame(), notice: problemNotice(loaded.problem) });
          const session = loaded.session;
          set({ session, pick: pickOf(session), ...turnScreen(session, false), instructor: INSTRUCTOR_CLOSED });
        },
        quitToTitle: () => set({ screen: 'title', canContinue: persistence.hasGame(), instructor: INSTRUCTOR_CLOSED, clock: null }),
        dismissNotice: () => set({ notice: null }),
        addToLibrary: (e, text, idAt) => {
          const admitted = admit(get().catalog, e, text, shelf, idAt);
          const report = admitted.report;
          set((s) => ({ ...(admitted.ok && { catalog: admitted.catalog }), ...(report && { libraryProblems: [...s.libraryProblems, report] }) }));
          return admitted.ok;
        },
        removeFromLibrary: (id) => {
          // A remembered file that no longer checks is not in the catalog, but can still be forgotten.
          const e = entry(id);
          if (e && e.origin !== 'custom') return;
          const file = shelf.files().find((f) => f.id === id)?.file ?? id;
          const problem = shelf.forget(id);
          set((s) => ({
            catalog: s.catalog.filter((c) => c !== e),
            pick: s.pick.scenarioId === id ? { ...s.pick, scenarioId: null } : s.pick,
            ...(problem && { libraryProblems: [...s.libraryProblems, { file, added: false, problems: [{ reason: problem, params: { file } }] }] }),
          }));
        },
        rememberedFiles: () => shelf.files(),
        showLibraryProblems: (reports) => set((s) => ({ libraryProblems: [...s.libraryProblems, ...reports] })),
        dismissLibraryProblems: () => set({ libraryProblems: [] }),
        exportSave: () => {
          const se = sessionEntry();
          return se ? persistence.exportGame(se.session, se.entry) : null;
        },
        importSave: (text) => {
          const loaded = persistence.importGame(text, get().catalog);
          if (!loaded.ok) return set({ notice: problemNotice(loaded.problem) });
          const session = loaded.session;
          set({ session, canContinue: true, pick: pickOf(session), ...turnScreen(session, false), notice: null, instructor: INSTRUCTOR_CLOSED });
        },
        openInstructorPanel: () => {
          const session = get().session;
          if (!session || get().instructor.panel !== 'closed') return;
          set({ instructor: { ...get().instructor, panel: session.classroom.pin ? 'locked' : 'open' } });
        },
        unlockInstructorPanel: (pin) => {
          const session = get().session;
          if (!session || get().instructor.panel !== 'locked' || pin !== session.classroom.pin) return false;
          set({ instructor: { ...get().instructor, panel: 'open' } });
          return true;
        },
        closeInstructorPanel: () => set({ instructor: { ...get().instructor, panel: 'closed' } }),
        pause: () => {
          const se = instructing();
          if (!se || get().instructor.paused || se.session.state.ending) return;
          const clock = get().clock;
          set({
            ...saved(logged(se.session, { kind: 'pause' }), se.entry),
            instructor: { ...get().instructor, paused: true },
            clock: clock && { ...clock, endsAt: null, leftMs: clockLeftMs(clock, now()) },
          });
        },
        resume: () => {
          const se = instructing();
          if (!se || !get().instructor.paused) return;
          const clock = get().clock;
          set({
            ...saved(logged(se.session, { kind: 'resume' }), se.entry),
            instructor: { ...get().instructor, paused: false },
            clock: clock && { ...clock, endsAt: now() + clock.leftMs },
          });
        },
        fireEvent: (eventId) => act({ kind: 'fire', event: eventId }, { kind: 'fire', event: eventId }),
        adjustMeter: (meterId, value, reason) => {
          const se = sessionEntry();
          const before = se?.session.state.meters[meterId] ?? Number.NaN;
          // The log says what the meter became: a value beyond its bounds is kept within them, as the engine does.
          const bounds = se?.entry.scenario.meters.find((m) => m.id === meterId);
          const within = bounds && Number.isFinite(value) ? Math.min(bounds.max, Math.max(bounds.min, value)) : value;
          return act({ kind: 'adjust', meter: meterId, value: within, reason }, { kind: 'adjust', meter: meterId, before, value: within, reason: reason.trim() });
        },
        setRevealed: (revealed) => {
          const se = instructing();
          if (!se || get().instructor.revealed === revealed) return;
          set({ ...saved(logged(se.session, { kind: revealed ? 'reveal' : 'hide' }), se.entry), instructor: { ...get().instructor, revealed } });
        },
        undoLastTurn: () => {
          const se = instructing();
          if (!se) return;
          const { session, entry: e } = se;
          const endedByHand = session.state.ending?.byInstructor === true;
          if (!endedByHand && session.orders.length === 0) return;
          // Back to the choices of the last turn resolved (or of the turn the instructor ended): what was done after is taken back.
          const back = endedByHand ? session.state.turn : session.orders.length;
          const orders = endedByHand ? session.orders : session.orders.slice(0, -1);
          const log = session.log.map((x) => (!x.undone && (x.turn > back || (endedByHand && x.kind === 'end')) && (x.kind === 'fire' || x.kind === 'adjust' || x.kind === 'end') ? { ...x, undone: true as const } : x));
          const { state, reports } = replayGame(e.scenario, session.seed, orders, log);
          const undone: Session = {
            ...session,
            human: session.mode === 'hotseat' ? 'tokyo' : session.human,
            state,
            reports,
            orders,
            draft: EMPTY_DRAFT,
            sealed: {},
            // Undo ends a pause: the log says so, as the debrief reads it.
            log: [...log, ...(get().instructor.paused ? [{ kind: 'resume' as const, turn: session.state.turn }] : []), { kind: 'undo', turn: session.state.turn, undid: back }],
          };
          set({ ...saved(undone, e), ...turnScreen(undone, false), instructor: { ...get().instructor, paused: false } });
        },
        endGameNow: () => void act({ kind: 'end' }, { kind: 'end' }),
      },
    };
  });
}


export type { CatalogEntry } from './catalog';
export type { LibraryEntry, LibraryProblem, LibraryReport } from './library';
export type { Persistence, SaveProblem } from './persistence';
export type { Classroom, Difficulty, InstructorEntry, Mode, Session } from './session';
export type { Settings, TextSize } from './settings';
export { cards, capitalLeft, roomForAnswer, type Card } from './draft';

/** The menus' pick that matches a game resumed from a save. */
function pickOf(session: Session): Pick {
  return { scenarioId: session.scenarioId, side: session.human, difficulty: session.difficulty, mode: session.mode, classroom: session.classroom };
}
