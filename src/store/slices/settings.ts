/** The settings slice: the player's settings, kept apart from saved games so a broken save never costs them. */
import { DEFAULT_SETTINGS, settingsFrom, type Settings } from '../settings';
import type { AppState, Kit, Slice } from './kit';
import { problemNotice } from './ui';

export interface SettingsState {
  readonly settings: Settings;
}

export interface SettingsActions {
  /** Changes some settings and keeps them; a field out of range keeps its old value. */
  updateSettings(change: Partial<Settings>): void;
}

/** `initial`: what a first visit starts from (e.g. the browser's language), under what was kept. */
export function settingsSlice(kit: Kit, initial: Partial<Settings> = {}): Slice<SettingsState, SettingsActions> {
  const { set, get, persistence } = kit;
  return {
    state: { settings: settingsFrom(persistence.loadSettings(), { ...DEFAULT_SETTINGS, ...initial }) },
    actions: {
      updateSettings: (change) => {
        const settings = settingsFrom({ ...get().settings, ...change }, get().settings);
        set({ settings, notice: problemNotice(persistence.saveSettings(settings)) ?? get().notice });
      },
    },
  };
}

/** The volume sounds play at: 0 while muted. */
export function selectSoundVolume(state: AppState): number {
  return state.settings.muted ? 0 : state.settings.volume;
}
