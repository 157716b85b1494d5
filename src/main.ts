import { AUTO, Game, Scale } from 'phaser';
import { t } from './i18n';
import { Boot } from './scenes/Boot';
import { Briefing } from './scenes/Briefing';
import { ClassSetup } from './scenes/ClassSetup';
import { Handover } from './scenes/Handover';
import { startDirector } from './scenes/director';
import { startLibrary } from './ui/library';
import { ASSETS_LOADED, Preloader } from './scenes/Preloader';
import { ScenarioSelect } from './scenes/ScenarioSelect';
import { Settings } from './scenes/Settings';
import { SideSelect } from './scenes/SideSelect';
import { Title } from './scenes/Title';
import { Debrief } from './scenes/play/Debrief';
import { Resolution } from './scenes/play/Resolution';
import { Turn } from './scenes/play/Turn';
import { appStore } from './store/app';
import { mountInstructorShortcut } from './ui/instructor/shortcut';
import { connectTestHook, installTestHook, snapshot } from './testHook';
import { keyboardInUse, setLoadingMessage } from './ui/dom';
import { applySettings } from './scenes/director';

installTestHook();
connectTestHook(appStore);
// The instructor panel's shortcut (Ctrl+Alt+I); the panel and its pause cover load when first opened.
mountInstructorShortcut(appStore);
// Settings first: the loading screen already uses the player's language and text size.
applySettings(appStore.getState().settings);
// Start following keyboard versus pointer input (the canvas focus ring is for keyboard users).
keyboardInUse();

// A failure before the title shows is reported in place of the loading message, never a blank page.
window.addEventListener('error', (event) => {
  if (!snapshot().ready) setLoadingMessage(t('app.couldNotStart', { message: event.message }));
});

export const game = new Game({
  type: AUTO,
  title: t('app.title'),
  version: snapshot().version,
  parent: 'game',
  backgroundColor: '#0b1020',
  roundPixels: true,
  // Multisampled WebGL is most of a frame's cost under software rendering (a school Chromebook
  // without a GPU): it halves the frame rate. Shapes lose a little edge smoothing; text does not.
  antialiasGL: false,
  scale: {
    mode: Scale.FIT,
    autoCenter: Scale.CENTER_BOTH,
    width: 1280,
    height: 720,
  },
  // Boot starts first; the director starts the screen scenes once the Preloader is done.
  scene: [Boot, Preloader, Title, Settings, ScenarioSelect, SideSelect, ClassSetup, Briefing, Handover, Turn, Resolution, Debrief],
});

game.events.once(ASSETS_LOADED, () => {
  startDirector(game, appStore);
  // An instructor's own scenarios: remembered files and ?scenario=URL, once the title is up.
  void startLibrary(appStore);
});
