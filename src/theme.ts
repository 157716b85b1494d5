/** Shared look of the canvas scenes: colours and font stacks. */

export const COLORS = {
  skyTop: 0x070b18,
  skyBottom: 0x1a2a4c,
  sea: 0x0f1b33,
  seaLine: 0x2a4470,
  land: 0x22355a,
  landEdge: 0x3a5584,
  gold: 0xf2c14e,
  ink: 0x0b1020,
} as const;

export const CSS_COLORS = {
  text: '#f4f1ea',
  muted: '#b4c0d6',
  gold: '#f2c14e',
  ink: '#0b1020',
} as const;

const COMMON = '"Noto Sans", "Segoe UI", system-ui';

/** Latin text; CJK fonts follow so stray CJK characters never fall back to tofu. */
export const FONT_LATIN = `${COMMON}, "Noto Sans CJK JP", "Noto Sans CJK KR", sans-serif`;
/** Japanese first, so kanji take their Japanese forms. */
export const FONT_JA = `"Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Noto Sans CJK KR", sans-serif`;
/** Korean first. */
export const FONT_KO = `"Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK JP", sans-serif`;

/** Canvas text is rasterised at this multiple of its game size so FIT scaling keeps it sharp. */
export function textResolution(): number {
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(3, Math.max(2, dpr));
}
