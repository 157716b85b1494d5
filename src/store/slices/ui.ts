/**
 * The ui slice: which screen shows (and the one settings returns to), the choices made in the menus
 * before a game starts, and the notice a player must read. Every change of screen in the store goes
 * through moveTo, which follows only the moves src/store/screens.ts declares.
 */
import type { Side } from '../../engine/model';
import type { CatalogEntry } from '../catalog';
import type { SaveProblem } from '../persistence';
import { canMove, GAME_SCREENS, type Screen } from '../screens';
import { NO_CLASSROOM_CHOICE, type ClassroomChoice, type Difficulty, type Mode, type Session } from '../session';
import type { AppState, Kit, Slice } from './kit';

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
  readonly classroom: ClassroomChoice;
}

export interface UiState {
  readonly screen: Screen;
  /** The screen to return to from settings. */
  readonly previousScreen: Screen;
  readonly pick: Pick;
  readonly notice: Notice | null;
  /** A new version of the game is installed and waiting; the title offers it (never mid-game). */
  readonly updateReady: boolean;
}

export interface UiActions {
  /** Moves to `screen` when src/store/screens.ts declares the move from the screen showing; else warns and stays. */
  go(screen: Screen): void;
  openSettings(): void;
  closeSettings(): void;
  pickScenario(id: string): void;
  pickSide(side: Side): void;
  pickDifficulty(difficulty: Difficulty): void;
  pickMode(mode: Mode): void;
  /** The class session's PIN and timer, chosen before a hot-seat game starts. */
  setClassroom(change: Partial<ClassroomChoice>): void;
  dismissNotice(): void;
  /** The service worker has a new version waiting (src/ui/offline.ts). */
  setUpdateReady(ready: boolean): void;
}

/**
 * The one way the store changes screens. The move must be declared (src/store/screens.ts); when it
 * is not, nothing happens at all (`change` is not even made) and the console says which move was
 * refused. `change` is what else the move sets, in the same update, so no one sees the new screen
 * with the old state. True when the move was made.
 */
export function moveTo(kit: Kit, to: Screen, change?: () => Partial<AppState>): boolean {
  const from = kit.get().screen;
  if (!canMove(from, to)) {
    console.warn(`The ${from} screen does not lead to ${to} (src/store/screens.ts).`);
    return false;
  }
  kit.set({ ...change?.(), screen: to });
  return true;
}

export function problemNotice(problem: SaveProblem | null): Notice | null {
  return problem ? { problem } : null;
}

/** After a write: its problem if it failed; if it worked, a storage problem reported earlier is over. */
export function noticeAfterSave(problem: SaveProblem | null, before: Notice | null): Notice | null {
  if (problem) return problemNotice(problem);
  return before && (before.problem.kind === 'full' || before.problem.kind === 'unavailable') ? null : before;
}

/** The menus' pick that matches a game resumed from a save. */
export function pickOf(session: Session): Pick {
  return { scenarioId: session.scenarioId, side: session.human, difficulty: session.difficulty, mode: session.mode, classroom: { pin: null, timerSeconds: session.classroom.timerSeconds } };
}

export const NO_PICK: Pick = Object.freeze({ scenarioId: null, side: null, difficulty: 'normal', mode: 'solo', classroom: NO_CLASSROOM_CHOICE });

export function uiSlice(kit: Kit): Slice<UiState, UiActions> {
  const { set, get } = kit;
  const pick = (change: Partial<Pick>): void => set((s) => ({ pick: { ...s.pick, ...change } }));
  return {
    state: { screen: 'title', previousScreen: 'title', pick: NO_PICK, notice: null, updateReady: false },
    actions: {
      go: (screen) => void moveTo(kit, screen),
      openSettings: () => void moveTo(kit, 'settings', () => ({ previousScreen: get().screen === 'settings' ? get().previousScreen : get().screen })),
      closeSettings: () => void moveTo(kit, get().previousScreen),
      pickScenario: (id) => {
        if (get().catalog.some((e) => e.id === id)) pick({ scenarioId: id });
      },
      pickSide: (side) => pick({ side }),
      pickDifficulty: (difficulty) => pick({ difficulty }),
      pickMode: (mode) => pick({ mode }),
      setClassroom: (change) => pick({ classroom: { ...get().pick.classroom, ...change } }),
      dismissNotice: () => set({ notice: null }),
      setUpdateReady: (ready) => set({ updateReady: ready }),
    },
  };
}

// Selectors: small pure functions of the state, for views.

/** Is a game's screen showing (the in-game menu and the instructor panel work there)? */
export function selectInGame(state: AppState): boolean {
  return GAME_SCREENS.has(state.screen);
}

/** The scenario picked in the menus, when it is in the catalog. */
export function selectPickedEntry(state: AppState): CatalogEntry | null {
  const id = state.pick.scenarioId;
  return (id !== null && state.catalog.find((e) => e.id === id)) || null;
}
