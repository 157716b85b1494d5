/**
 * What the slices share: the one store's state and actions (each slice adds its own part), its
 * set and get, and what the store was given. src/store/index.ts makes one kit and hands it to
 * every slice, so a slice's action may read and change the whole store in a single `set`.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { GameAuthority } from '../authority';
import type { Timer } from '../clock';
import type { LibraryShelf } from '../library';
import type { Persistence } from '../persistence';
import type { ClassGameActions, ClassGameState, ClassLink } from './classGame';
import type { ClassroomActions, ClassroomState } from './classroom';
import type { GameActions, GameSliceState } from './game';
import type { InstructorClassActions, InstructorClassState, InstructorLink } from './instructorClass';
import type { LibraryActions, LibraryState } from './library';
import type { SettingsActions, SettingsState } from './settings';
import type { UiActions, UiState } from './ui';

export type AppState = SettingsState & LibraryState & GameSliceState & ClassroomState & ClassGameState & InstructorClassState & UiState;
export type AppActions = SettingsActions & LibraryActions & GameActions & ClassroomActions & ClassGameActions & InstructorClassActions & UiActions;
export type Store = AppState & { actions: AppActions };

export interface Kit {
  readonly set: StoreApi<Store>['setState'];
  readonly get: () => Store;
  readonly persistence: Persistence;
  readonly authority: GameAuthority;
  /** A class game's connection to its server, while there is one (the class game slice sets it). */
  readonly classLink: { current: ClassLink | null };
  /** The instructor's dashboard's connection to its class, while there is one (the instructor class slice sets it). */
  readonly instructorLink: { current: InstructorLink | null };
  readonly timer: Timer;
  /** Where an instructor's own scenario files are remembered. */
  readonly shelf: LibraryShelf;
  /** A fresh seed for a new game (the only place chance enters; the engine never sees where from). */
  readonly newSeed: () => string;
}

/** A slice: its part of the state as the store starts, and its actions. */
export interface Slice<S, A> {
  readonly state: S;
  readonly actions: A;
}
