/** The game's one store instance, wired to browser storage and the computer player. */
import type { Language } from '../engine/model';
import { computerOrders } from '../ai';
import { createAppStore } from './index';
import { memoryPersistence } from './persistence';
import { browserStorage, storagePersistence } from './saves';

function browserLanguage(): Language {
  const lang = (navigator.language || 'en').toLowerCase();
  return lang.startsWith('ja') ? 'ja' : lang.startsWith('ko') ? 'ko' : 'en';
}

function newSeed(): string {
  const bytes = crypto.getRandomValues(new Uint32Array(2));
  return `${bytes[0]!.toString(36)}${bytes[1]!.toString(36)}`;
}

export const appStore = createAppStore({
  // The loading screen fills the catalog (actions.setCatalog) once the scenario files are in.
  catalog: [],
  persistence: ((storage) => (storage ? storagePersistence(storage) : memoryPersistence()))(browserStorage()),
  computer: computerOrders,
  newSeed,
  initialSettings: { language: browserLanguage(), reducedMotion: window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false },
});
