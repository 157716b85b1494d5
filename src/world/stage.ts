/**
 * What the world (the Phaser canvas behind the page) is asked to draw: the line between the two
 * halves of the view. Screens lay out words and controls in the DOM and leave empty *slots* (a map's
 * box, a meter's bar track) where the world should draw; the world reads each slot's box from the
 * browser's layout every frame, so it follows CSS (text size, language, scrolling) without knowing it.
 * This module holds no Phaser: screens import it freely, and the world scene subscribes to it.
 */
import type { Side } from '../engine/model';
import type { Backdrop } from '../store/screens';

/** A meter's bar: the world draws it inside `slot` and tweens it from `from` to `value`. */
export interface MeterBar {
  readonly id: string;
  readonly slot: HTMLElement;
  readonly value: number;
  /** Where the bar starts its tween (last turn's value); equal to value for no motion. */
  readonly from: number;
  readonly min: number;
  readonly max: number;
  /** A poll's margin of error around the value, drawn as a band (absent for exact values). */
  readonly margin?: number;
  /** The bar's colour (0xRRGGBB). */
  readonly color: number;
}

/** The map as the board: drawn inside `slot`, the player's own country highlighted. */
export interface BoardMap {
  readonly slot: HTMLElement;
  readonly highlight: Side | null;
}

/** A moment the world animates once: an arc between the capitals, or a pulse where an event lands. */
export type Cue =
  { readonly kind: 'arc'; readonly from: Side; readonly to: Side; readonly what: 'summit' | 'proposal' } | { readonly kind: 'pulse'; readonly at: Side | 'islands' | 'pyongyang' | 'beijing' };

export interface Stage {
  readonly backdrop: Backdrop;
  readonly map: BoardMap | null;
  readonly meters: readonly MeterBar[];
  /** Counts screen changes: the world plays its transition when it moves on. */
  readonly scene: number;
}

type Listener = (stage: Stage, previous: Stage) => void;

let current: Stage = Object.freeze({ backdrop: 'title', map: null, meters: [], scene: 0 });
const listeners = new Set<Listener>();
const cueListeners = new Set<(cue: Cue) => void>();

export function stage(): Stage {
  return current;
}

/** Changes what the world draws (the rest stays as it was). */
export function setStage(change: Partial<Omit<Stage, 'scene'>>): void {
  const previous = current;
  current = Object.freeze({ ...current, ...change });
  for (const l of listeners) l(current, previous);
}

/** A new screen: its backdrop, no map or meters until the screen asks for them, and a transition. */
export function newScene(backdrop: Backdrop): void {
  const previous = current;
  current = Object.freeze({ backdrop, map: null, meters: [], scene: previous.scene + 1 });
  for (const l of listeners) l(current, previous);
}

export function onStage(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the world to animate a moment (nothing happens while no world is listening). */
export function cue(c: Cue): void {
  for (const l of cueListeners) l(c);
}

export function onCue(listener: (cue: Cue) => void): () => void {
  cueListeners.add(listener);
  return () => cueListeners.delete(listener);
}
