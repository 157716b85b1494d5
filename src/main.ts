/**
 * The page: the world (Phaser, in #world) first, then the test hook, the settings, the language's
 * strings and fonts, then the screens (DOM, in #app). The title is ready once both are up; the shipped
 * scenarios are fetched meanwhile and compiled after, and an instructor's remembered files after them.
 */
// First: the world starts while the modules below are evaluated.
import { world } from './worldFirst';
import './ui/base.css';
import './style.css';
import { t } from './i18n';
import { appStore } from './store/app';
import { KEYS } from './store/saves';
import { connectTestHook, installTestHook, publish, snapshot } from './testHook';
import { setLoadingMessage } from './ui/announce';
import { appRoot } from './ui/appRoot';
import { mountClassBanner } from './ui/class/banner';
import { applySettings, startDirector } from './ui/director';
import { loadCatalog } from './ui/catalogLoader';
import { mountInstructorShortcut } from './ui/instructor/shortcut';
import { completeLanguage, prepareLanguage } from './ui/language';
import { startLibrary } from './ui/library';
import { keepStorageOnceAGameStarts } from './ui/keepStorage';
import { startOffline } from './ui/offline';

installTestHook();
connectTestHook(appStore);
// The instructor panel's shortcut (Ctrl+Alt+I); the panel and its pause cover load when first opened.
mountInstructorShortcut(appStore);
// Once there is a game to keep, the browser is asked not to clear the storage when the disk runs short.
keepStorageOnceAGameStarts(appStore, typeof navigator === 'undefined' ? undefined : navigator.storage);
// Another tab saving over this tab's game is said here at once, not at this tab's next write.
window.addEventListener('storage', (event) => {
  if (event.key === KEYS.game) appStore.getState().actions.checkSavedElsewhere();
});
// Settings first: the loading line already uses the player's language and text size.
applySettings(appStore.getState().settings);

// A failure before the title shows is reported in place of the loading message, never a blank page.
window.addEventListener('error', (event) => {
  if (!snapshot().ready) setLoadingMessage(t('app.couldNotStart', { message: event.message }));
});

const app = appRoot();
if (!app) throw new Error('index.html is missing #app');

// The screens start in the player's language, with its fonts (the loading line stays until then).
const titleUp = prepareLanguage(appStore.getState().settings.language).then(async () => {
  startDirector(appStore, app);
  setLoadingMessage(null);
  await world;
  publish({ ready: true });
});
// The fonts of what only the scenarios show, once the title is up (a language switch loads its own).
void titleUp.then(() => completeLanguage(appStore.getState().settings.language));
// The shipped scenarios are fetched and compiled once the title is up (its first screen waits for none of them).
const catalog = loadCatalog(appStore, titleUp);
// A class game's connection, shown while this device holds a seat; a seat's or a class's link or QR code (?join=…&key=…, ?class=…) opens the join screen once the scenarios are in.
mountClassBanner(appStore);
void catalog.then(() => {
  const params = new URL(location.href).searchParams;
  if ((params.has('join') || params.has('class')) && appStore.getState().screen === 'title') appStore.getState().actions.go('classJoin');
});
// An instructor's own scenarios: remembered files and ?scenario=URL, once the shipped ones are in.
void startLibrary(appStore, catalog);
// Offline play and updates between games (src/ui/offline.ts), registered once the title is up.
startOffline(appStore, titleUp);
