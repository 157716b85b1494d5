/**
 * Fetches the shipped scenarios (JSON checked when the game was built) and compiles them into the
 * store's catalog, in the background once the title is up. The scenario list shows the progress.
 */
import shipped from 'virtual:shipped-scenarios';
import { isShippedScenario } from '../scenario/shipped';
import { shippedCatalog } from '../store/catalog';
import type { AppStore } from '../store';

type Progress = (share: number) => void;
const listeners = new Set<Progress>();
let share = 0;

/** Follows the loading (0..1); returns the unsubscribe. Called at once with the share so far. */
export function onCatalogProgress(listener: Progress): () => void {
  listeners.add(listener);
  listener(share);
  return () => listeners.delete(listener);
}

/**
 * Loads every shipped file; one that does not arrive is left out of the list (the others still play).
 * Nothing starts before `after` has settled: the files are about 200 KB on the wire, nearly half of
 * what a first visit would otherwise fetch before the title, and their compiling is main-thread
 * work that would hold up its first frame.
 */
export async function loadCatalog(store: AppStore, after: Promise<unknown> = Promise.resolve()): Promise<void> {
  await after.catch(() => undefined);
  let done = 0;
  const files = await Promise.all(
    shipped.map(async (s) => {
      try {
        const response = await fetch(s.url);
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        const data: unknown = await response.json();
        return isShippedScenario(data) ? data : null;
      } catch (error) {
        console.warn(`The scenario ${s.file} could not be loaded (${String(error)}); it is left out of the list.`);
        return null;
      } finally {
        share = ++done / shipped.length;
        for (const l of listeners) l(share);
      }
    }),
  );
  store.getState().actions.setCatalog(shippedCatalog(files.filter((f) => f !== null)));
}
