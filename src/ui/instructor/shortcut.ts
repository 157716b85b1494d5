/**
 * What the page holds of the instructor panel before it is first needed: the Ctrl+Alt+I shortcut
 * and a watch on the store. The panel itself (src/ui/instructor/panel.ts) is fetched as its own
 * chunk the first time it opens, so a student's visit never downloads it.
 */
import { GAME_SCREENS, type AppStore } from '../../store';

/** Ctrl+Alt+I (by key position, so a keyboard layout or Alt's dead keys do not change it). */
export function isPanelShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey && event.altKey && !event.metaKey && !event.shiftKey && (event.code === 'KeyI' || event.key.toLowerCase() === 'i');
}

/** Opens the panel over the game (from the in-game menu, the game screen comes back underneath). */
export function openInstructorPanel(store: AppStore): void {
  const { screen, actions } = store.getState();
  if (screen === 'settings') actions.closeSettings();
  actions.openInstructorPanel();
}

/** Listens for the shortcut and mounts the panel once the store first asks for it. Returns the teardown. */
export function mountInstructorShortcut(store: AppStore): () => void {
  let loading: Promise<void> | undefined;
  let teardown: (() => void) | undefined;
  const load = (): void => {
    loading ??= import('./panel').then(
      ({ mountInstructorPanel }) => {
        teardown = mountInstructorPanel(store);
      },
      (error: unknown) => {
        loading = undefined;
        console.warn(`The instructor panel could not be loaded (${String(error)}).`);
      },
    );
  };
  // Once mounted, the panel's own key handler takes the shortcut over.
  const onKey = (event: KeyboardEvent): void => {
    if (teardown || !isPanelShortcut(event) || event.repeat) return;
    const s = store.getState();
    const inGame = GAME_SCREENS.has(s.screen) || (s.screen === 'settings' && GAME_SCREENS.has(s.previousScreen));
    if (!s.session || !inGame) return;
    event.preventDefault();
    openInstructorPanel(store);
  };
  document.addEventListener('keydown', onKey);
  const unsubscribe = store.subscribe((s) => {
    if (s.instructor.panel !== 'closed' || s.instructor.paused) load();
  });
  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKey);
    teardown?.();
  };
}
