/**
 * `window.__cyd`: a read-only snapshot of the game for end-to-end tests (canvas text is invisible to
 * them). Each change replaces the frozen snapshot; the property has a getter and no setter, so a
 * test (or a console user) can read the game but not change it.
 */
import { version } from '../package.json';

export interface CydSnapshot {
  /** The game's version, from package.json. */
  readonly version: string;
  /** The key of the scene currently shown. */
  readonly scene: string;
  /** True once the title screen is created and accepts input. */
  readonly ready: boolean;
}

declare global {
  interface Window {
    readonly __cyd?: CydSnapshot;
  }
}

let current: CydSnapshot = Object.freeze({ version, scene: '', ready: false });

export function installTestHook(target: Window = window): void {
  Object.defineProperty(target, '__cyd', {
    get: () => current,
    enumerable: false,
    configurable: false,
  });
}

/** Replaces the snapshot with a new frozen one carrying the given changes. */
export function publish(change: Partial<Omit<CydSnapshot, 'version'>>): void {
  current = Object.freeze({ ...current, ...change });
}

export function snapshot(): CydSnapshot {
  return current;
}
