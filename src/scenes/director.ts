/**
 * The director: the store's `screen` decides which scene shows. It subscribes once (after the
 * assets have loaded), starts the scene whose key matches the screen, stops the others, and redraws
 * the current scene when a setting that changes how everything looks (text size, language) changes.
 * Sound and display settings are applied here too, so they take effect live on every screen.
 */
import type { Game } from 'phaser';
import type { AppStore, Screen, Settings } from '../store';
import { setLanguage } from '../i18n';
import { applyDisplaySettings } from '../theme';
import { applySoundSettings, setAmbient } from '../audio/sound';

export const SCREEN_SCENES: Readonly<Record<Screen, string>> = {
  title: 'Title',
  settings: 'Settings',
  scenarios: 'ScenarioSelect',
  side: 'SideSelect',
  classSetup: 'ClassSetup',
  briefing: 'Briefing',
  handover: 'Handover',
  turn: 'Turn',
  resolution: 'Resolution',
  debrief: 'Debrief',
};

const SCREEN_KEYS = new Set(Object.values(SCREEN_SCENES));

/** Applies the settings every scene reads through the theme, i18n and sound modules. */
export function applySettings(settings: Settings): void {
  setLanguage(settings.language);
  applyDisplaySettings(settings);
  applySoundSettings(settings);
}

/** Shows `screen`'s scene, stopping every other screen scene (Boot and Preloader are done by now). */
export function showScreen(game: Game, screen: Screen, restart = false): void {
  const key = SCREEN_SCENES[screen];
  for (const scene of game.scene.getScenes(false)) {
    const other = scene.scene.key;
    if (other !== key && SCREEN_KEYS.has(other) && (scene.sys.isActive() || scene.sys.isPaused() || scene.sys.isSleeping())) {
      game.scene.stop(other);
    }
  }
  if (!game.scene.getScene(key)) throw new Error(`No scene is registered for the "${screen}" screen (expected a scene with the key "${key}"). Add it to the scene list in src/main.ts.`);
  if (restart || !game.scene.isActive(key)) game.scene.start(key);
}

/** Starts directing: shows the current screen now and follows the store from then on. */
export function startDirector(game: Game, store: AppStore): () => void {
  applySettings(store.getState().settings);
  // The quiet ambient loop: the sound module holds it back until the player's first press.
  setAmbient(true);
  showScreen(game, store.getState().screen);
  return store.subscribe((state, previous) => {
    if (state.settings !== previous.settings) applySettings(state.settings);
    const looksChanged = state.settings.textSize !== previous.settings.textSize || state.settings.language !== previous.settings.language;
    if (state.screen !== previous.screen) showScreen(game, state.screen);
    else if (looksChanged) showScreen(game, state.screen, true);
  });
}
