/**
 * The director: the store's `screen` decides which screen shows. It mounts that screen's view into
 * #screen, tells the world its backdrop, moves focus, routes Escape and the screen's shortcut keys,
 * and publishes the screen to the test hook. Settings take effect here for every screen at once:
 * text size and reduced motion are attributes CSS reads; a new language rebuilds the screen in it.
 */
import { setLanguage } from '../i18n';
import { applySoundSettings, setAmbient } from '../audio/sound';
import { SCREENS, type Screen } from '../store/screens';
import type { AppState, AppStore, Settings } from '../store';
import { publish } from '../testHook';
import { newScene } from '../world/stage';
import { VIEWS } from './screens';
import type { ScreenContext } from './screens/view';

/** Applies the settings every screen shares: the language, the text size and motion (as CSS reads them), the sound. */
export function applySettings(settings: Settings): void {
  const lang = setLanguage(settings.language);
  const html = document.documentElement;
  html.lang = lang;
  html.dataset.textSize = settings.textSize;
  html.dataset.motion = settings.reducedMotion ? 'reduced' : 'full';
  applySoundSettings(settings);
}

/** Is the player typing into a field (where letters are text, not shortcuts)? */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && ['text', 'password', 'number', 'search'].includes(target.type)) ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Does the key belong to the focused control (Enter or Space on a button, arrows in a radio group or slider)? */
function usedByControl(event: KeyboardEvent): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (event.key === 'Enter' || event.key === ' ') return target.matches('button, a, input, select, textarea, summary');
  return false;
}

export interface Director {
  /** Builds the current screen again (focus stays put). */
  redraw(): void;
  stop(): void;
}

export function startDirector(store: AppStore, root: HTMLElement): Director {
  const cleanups: (() => void)[] = [];
  let escape: (() => void) | null = null;
  let shortcuts: Readonly<Record<string, (event: KeyboardEvent) => void>> = {};
  let shown: Screen | null = null;

  const leave = (): void => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    escape = null;
    shortcuts = {};
  };

  const mount = (screen: Screen, redraw: boolean): void => {
    const active = document.activeElement;
    const keepKey = redraw && active instanceof HTMLElement && root.contains(active) ? active.dataset.key : undefined;
    const scrolls = redraw ? [...root.querySelectorAll<HTMLElement>('.scroll, [data-scroll]')].map((el) => el.scrollTop) : [];
    leave();
    const declared = SCREENS[screen];
    if (!redraw) newScene(declared.backdrop);
    const page = document.createElement('div');
    page.className = `screen screen-${screen}${redraw ? '' : ' screen-enter'}`;
    page.dataset.screen = screen;
    const ctx: ScreenContext = {
      store,
      state: () => store.getState(),
      actions: store.getState().actions,
      watch: (select, listener) => {
        // Compared with the value when the watch was made: zustand also calls a listener added during a
        // change for that same change, and a redraw from it would otherwise redraw again, forever.
        let last = select(store.getState());
        cleanups.push(
          store.subscribe((state) => {
            const value = select(state);
            if (value === last) return;
            const before = last;
            last = value;
            listener(value, before);
          }),
        );
      },
      onLeave: (cleanup) => void cleanups.push(cleanup),
      onEscape: (handler) => void (escape = handler),
      keys: (map) => void (shortcuts = { ...shortcuts, ...map }),
      redraw: () => {
        if (store.getState().screen === screen) mount(screen, true);
      },
      settled: () => {
        if (store.getState().screen !== screen || (document.activeElement instanceof HTMLElement && root.contains(document.activeElement))) return;
        (root.querySelector<HTMLElement>('[data-autofocus]') ?? firstControl(root))?.focus({ preventScroll: true });
      },
    };
    VIEWS[screen](page, ctx);
    root.replaceChildren(page);
    shown = screen;
    // The scroll positions of a redrawn screen stay where the reader left them.
    root.querySelectorAll<HTMLElement>('.scroll, [data-scroll]').forEach((el, i) => {
      if (scrolls[i] !== undefined) el.scrollTop = scrolls[i];
    });
    const keyed = keepKey ? root.querySelector<HTMLElement>(`[data-key="${CSS.escape(keepKey)}"]`) : null;
    const target = keyed ?? (redraw ? null : (root.querySelector<HTMLElement>('[data-autofocus]') ?? firstControl(root)));
    target?.focus({ preventScroll: !keyed });
    publish({ scene: declared.scene, screen });
  };

  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    if (event.key === 'Escape') {
      if (!escape) return;
      event.preventDefault();
      escape();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typing(event.target) || usedByControl(event)) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const handler = shortcuts[key];
    if (!handler) return;
    event.preventDefault();
    handler(event);
  };
  document.addEventListener('keydown', onKey);

  applySettings(store.getState().settings);
  // The quiet ambient loop: the sound module holds it back until the player's first press.
  setAmbient(true);
  mount(store.getState().screen, false);
  const unsubscribe = store.subscribe((state: AppState, previous: AppState) => {
    const languageChanged = state.settings.language !== previous.settings.language;
    if (state.settings !== previous.settings) applySettings(state.settings);
    if (state.screen !== shown) mount(state.screen, false);
    else if (languageChanged) mount(state.screen, true);
  });

  return {
    redraw: () => mount(store.getState().screen, true),
    stop: () => {
      unsubscribe();
      leave();
      document.removeEventListener('keydown', onKey);
    },
  };
}

/** The first control a person would reach with Tab (a radio group is entered at its checked option). */
function firstControl(root: HTMLElement): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex="0"]')) {
    if ((el as HTMLButtonElement).disabled || el.closest('[hidden], [inert]')) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) {
      const group = root.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`);
      if ([...group].some((r) => r.checked)) continue;
    }
    return el;
  }
  return null;
}
