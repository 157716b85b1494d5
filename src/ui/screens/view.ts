/**
 * What a screen is: a function that lays out its words and controls as DOM elements in `root` and
 * tells the world what to draw behind them (src/world/stage.ts). It reads the store and calls its
 * actions; it holds no game rules. The director (src/ui/director.ts) mounts one screen at a time.
 */
import type { AppActions, AppState, AppStore } from '../../store';

export interface ScreenContext {
  readonly store: AppStore;
  /** The store's state now. */
  state(): AppState;
  readonly actions: AppActions;
  /** Calls `listener` when the selected part of the state changes, while the screen shows. */
  watch<T>(select: (state: AppState) => T, listener: (value: T, previous: T) => void): void;
  /** Runs when the screen is left or redrawn (timers, listeners). */
  onLeave(cleanup: () => void): void;
  /** What Escape does on this screen (usually: back, or the menu). */
  onEscape(handler: () => void): void;
  /**
   * Single-key shortcuts (a letter, Enter, PageUp…): not while typing in a field, not with Ctrl, Alt
   * or Meta, and not when the key was already used by a control (Enter on a button presses it).
   */
  keys(map: Readonly<Record<string, (event: KeyboardEvent) => void>>): void;
  /** Builds the screen again from the store; focus stays on the same control (by data-key). */
  redraw(): void;
  /** The screen's controls are in place only now (its code came later): focus goes where it would have on showing. */
  settled(): void;
}

/** Builds a screen into `root`. The control marked `data-autofocus` (else the first) takes focus when the screen opens. */
export type ScreenView = (root: HTMLElement, ctx: ScreenContext) => void;
