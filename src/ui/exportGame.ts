/**
 * Export this game: the save file, downloaded. The store refuses it during a class session with a
 * PIN unless the instructor's panel is open, so a team at the screen cannot take it; the settings
 * screen then opens the panel's PIN prompt instead, and the panel offers Export once open.
 */
import { t } from '../i18n';
import type { AppStore } from '../store';
import { announce } from './announce';
import { downloadText } from './kit';

/** Downloads the game's save file; false when the store refused it (no game, or the PIN is needed). */
export function exportGame(store: AppStore): boolean {
  const text = store.getState().actions.exportSave();
  if (text === null) return false;
  downloadText(`close-yet-distant-${store.getState().session?.scenarioId ?? 'game'}.json`, text);
  announce(t('settings.exported'));
  return true;
}
