/**
 * The one store (zustand/vanilla): settings, the scenario catalog, which screen is showing, the
 * choices made in the menus, and the game being played. Scenes and the DOM layer read it and call
 * its actions; the actions call the engine and the computer player. No rules live here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { newGame, resolveTurn, type GameState, type SideOrders } from '../engine';
import type { Scenario, Side } from '../engine/model';
import type { CatalogEntry } from './catalog';
import { chooseResponse, toggleDecision } from './draft';
import type { Persistence, SaveProblem } from './persistence';
import { EMPTY_DRAFT, type Difficulty, type Session } from './session';
import { DEFAULT_SETTINGS, settingsFrom, type Settings } from './settings';

export type Screen = 'title' | 'settings' | 'scenarios' | 'side' | 'briefing' | 'turn' | 'resolution' | 'debrief';

/** A save problem the player must read; it stays until dismissed. The screens word it through src/i18n (saveProblemText). */
export interface Notice {
  readonly problem: SaveProblem;
}

/** Choices made in the menus before a game starts. */
export interface Pick {
  readonly scenarioId: string | null;
  readonly side: Side | null;
  readonly difficulty: Difficulty;
}

/** Chooses the computer's orders for a turn: deterministic in the state, so a game replays. */
export type ComputerPlayer = (scenario: Scenario, state: GameState, side: Side, difficulty: Difficulty) => SideOrders;

export interface AppState {
  readonly settings: Settings;
  readonly catalog: readonly CatalogEntry[];
  readonly screen: Screen;
  /** The screen to return to from settings. */
  readonly previousScreen: Screen;
  readonly pick: Pick;
  readonly session: Session | null;
  /** Is there a saved game the title's Continue can resume? */
  readonly canContinue: boolean;
  readonly notice: Notice | null;
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
  /** Starts a game from the pick (scenario and side must be chosen) and shows the briefing. */
  startGame(seed?: string): void;
  toggleDecision(id: string): void;
  respond(eventId: string, choiceId: string): void;
  /** Submits the draft with the computer's orders, resolves the turn, autosaves, shows the resolution. */
  endTurn(): void;
  /** From the resolution: the next turn, or the debrief once the game has ended. */
  nextTurn(): void;
  continueSavedGame(): void;
  quitToTitle(): void;
  dismissNotice(): void;
  /** The current game as save-file text (null when no game is running), for a download. */
  exportSave(): string | null;
  /** Loads a save file's text the player chose; a bad file becomes a notice, the current game is kept. */
  importSave(text: string): void;
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
}

export function createAppStore(deps: StoreDeps): AppStore {
  const { persistence, computer } = deps;
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
      if (!se || draft === se.session.draft) return;
      const session = { ...se.session, draft };
      set({ session, notice: noticeAfterSave(persistence.saveGame(session, se.entry), get().notice) });
    };

    return {
      settings: settingsFrom(persistence.loadSettings(), { ...DEFAULT_SETTINGS, ...deps.initialSettings }),
      catalog: deps.catalog,
      screen: 'title',
      previousScreen: 'title',
      pick: { scenarioId: null, side: null, difficulty: 'normal' },
      session: null,
      canContinue: persistence.hasGame(),
      notice: null,
      actions: {
        setCatalog: (catalog) => set({ catalog }),
        go: (screen) => set({ screen }),
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
        startGame: (seed) => {
          const { pick } = get();
          const e = pick.scenarioId ? entry(pick.scenarioId) : undefined;
          if (!e || !pick.side) return;
          const gameSeed = seed ?? deps.newSeed();
          const session: Session = {
            scenarioId: e.id,
            human: pick.side,
            difficulty: pick.difficulty,
            seed: gameSeed,
            state: newGame(e.scenario, gameSeed),
            reports: [],
            orders: [],
            draft: EMPTY_DRAFT,
          };
          const problem = persistence.saveGame(session, e);
          set({ session, screen: 'briefing', canContinue: problem === null, notice: problemNotice(problem) });
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
          if (!se || se.session.state.ending) return;
          const { session, entry: e } = se;
          const other: Side = session.human === 'tokyo' ? 'seoul' : 'tokyo';
          const orders = { [session.human]: session.draft, [other]: computer(e.scenario, session.state, other, session.difficulty) } as Record<Side, SideOrders>;
          const { state, report } = resolveTurn(e.scenario, session.state, orders);
          const next: Session = { ...session, state, reports: [...session.reports, report], orders: [...session.orders, orders], draft: EMPTY_DRAFT };
          const problem = persistence.saveGame(next, e);
          set({ session: next, screen: 'resolution', notice: noticeAfterSave(problem, get().notice) });
        },
        nextTurn: () => {
          const session = get().session;
          if (session) set({ screen: session.state.ending ? 'debrief' : 'turn' });
        },
        continueSavedGame: () => {
          const loaded = persistence.loadGame(get().catalog);
          if (!loaded) return set({ canContinue: false });
          if (!loaded.ok) return set({ canContinue: persistence.hasGame(), notice: problemNotice(loaded.problem) });
          const session = loaded.session;
          set({
            session,
            pick: { scenarioId: session.scenarioId, side: session.human, difficulty: session.difficulty },
            screen: session.state.ending ? 'debrief' : 'turn',
          });
        },
        quitToTitle: () => set({ screen: 'title', canContinue: persistence.hasGame() }),
        dismissNotice: () => set({ notice: null }),
        exportSave: () => {
          const se = sessionEntry();
          return se ? persistence.exportGame(se.session, se.entry) : null;
        },
        importSave: (text) => {
          const loaded = persistence.importGame(text, get().catalog);
          if (!loaded.ok) return set({ notice: problemNotice(loaded.problem) });
          const session = loaded.session;
          set({
            session,
            canContinue: true,
            pick: { scenarioId: session.scenarioId, side: session.human, difficulty: session.difficulty },
            screen: session.state.ending ? 'debrief' : 'turn',
            notice: null,
          });
        },
      },
    };
  });
}


export type { CatalogEntry } from './catalog';
export type { Persistence, SaveProblem } from './persistence';
export type { Difficulty, Session } from './session';
export type { Settings, TextSize } from './settings';
export { cards, capitalLeft, roomForAnswer, type Card } from './draft';
