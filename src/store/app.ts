/** The game's one store instance, wired to browser storage and the computer player. */
import type { Language } from '../engine/model';
import { computerOrders } from '../ai';
import { preferredLanguage } from '../i18n';
import { systemTimer } from './clock';
import { createAppStore } from './index';
import { memoryShelf, storageShelf } from './library';
import { memoryPersistence } from './persistence';
import { browserStorage, storagePersistence } from './saves';

/** The browser's preferred languages in the player's order (['fr', 'ko-KR', 'en'] chooses Korean). */
function browserLanguage(): Language {
  return preferredLanguage(navigator.languages?.length ? navigator.languages : [navigator.language || 'en']);
}

function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(2));
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

const found = browserStorage();

export const appStore = createAppStore({
  // The loading screen fills the catalog (actions.setCatalog) once the scenario files are in.
  catalog: [],
  persistence: found.storage ? storagePersistence(found.storage) : memoryPersistence(),
  // Storage that cannot be written is said on the first screen, with what to do; never a silent fall back to memory.
  storageProblem: found.problem,
  computer: computerOrders,
  // An instructor's own scenario files, remembered as their text (src/store/library.ts).
  library: found.storage ? storageShelf(found.storage) : memoryShelf(),
  newSeed,
  // The hot-seat turn timer runs on the page's own clock (Date.now, setTimeout).
  timer: systemTimer,
  initialSettings: { language: browserLanguage(), reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false },
});
