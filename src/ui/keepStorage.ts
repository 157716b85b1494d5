/**
 * Asks the browser to keep the game's storage when the disk runs short (`navigator.storage.persist`),
 * once the player has a game worth keeping: the first time a game starts, not on the first visit.
 * Chromium grants or refuses it silently (by how much the site is used); Firefox asks the player,
 * and a question about storage before anything has been played would make no sense to them.
 */
import type { AppStore } from '../store';

type StorageKeeper = Pick<StorageManager, 'persisted' | 'persist'>;

/** Asks once unless already granted; true when the storage is kept. A browser without the API, or one that throws, answers false. */
export async function askToKeepStorage(keeper: StorageKeeper | undefined): Promise<boolean> {
  if (!keeper || typeof keeper.persist !== 'function') return false;
  try {
    if (typeof keeper.persisted === 'function' && (await keeper.persisted())) return true;
    return await keeper.persist();
  } catch {
    return false;
  }
}

/** Waits for the first game to start (a session in the store), asks, and stops listening. */
export function keepStorageOnceAGameStarts(store: AppStore, keeper: StorageKeeper | undefined): void {
  const ask = (): void => {
    void askToKeepStorage(keeper);
  };
  if (store.getState().session) return ask();
  const unsubscribe = store.subscribe((state) => {
    if (!state.session) return;
    unsubscribe();
    ask();
  });
}
