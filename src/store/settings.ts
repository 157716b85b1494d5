/** The player's settings: kept apart from saved games, so a broken save never costs the settings. */
import type { Language } from '../engine/model';

export type TextSize = 'normal' | 'large';

export interface Settings {
  /** 0..1 */
  readonly volume: number;
  readonly muted: boolean;
  readonly textSize: TextSize;
  readonly reducedMotion: boolean;
  readonly language: Language;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  volume: 0.7,
  muted: false,
  textSize: 'normal',
  reducedMotion: false,
  language: 'en',
});

/** Settings read back from storage: each field checked on its own, so one bad field keeps the others. */
export function settingsFrom(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (raw === null || typeof raw !== 'object') return base;
  const r = raw as Record<string, unknown>;
  return {
    volume: typeof r.volume === 'number' && r.volume >= 0 && r.volume <= 1 ? r.volume : base.volume,
    muted: typeof r.muted === 'boolean' ? r.muted : base.muted,
    textSize: r.textSize === 'normal' || r.textSize === 'large' ? r.textSize : base.textSize,
    reducedMotion: typeof r.reducedMotion === 'boolean' ? r.reducedMotion : base.reducedMotion,
    language: r.language === 'en' || r.language === 'ja' || r.language === 'ko' ? r.language : base.language,
  };
}
