/**
 * Shared look of the canvas: the world's colours (src/world), and the old canvas scenes' colours and
 * font stacks (src/scenes, until they are removed). The map's words are DOM, coloured in mapLabels.css.
 */
import { FONT_FAMILIES, type FontSubset } from './ui/fonts';

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

/** The game's own CJK fonts (src/ui/fonts.ts), by family name as CSS writes it. */
const OWN = Object.fromEntries(Object.entries(FONT_FAMILIES).map(([subset, family]) => [subset, `"${family}"`])) as Record<FontSubset, string>;

/**
 * Latin text from the system (every system has a Latin sans-serif). The few CJK characters
 * English screens show (the title's phrases, the language names) come from the game's small
 * common subsets; system CJK fonts are only the last resort.
 */
export const FONT_LATIN = `${COMMON}, ${OWN['jp-common']}, ${OWN['kr-common']}, "Noto Sans CJK JP", "Noto Sans CJK KR", sans-serif`;
/**
 * Japanese: the game's Japanese subset first (Latin included, so mixed text is one design), so
 * kanji take their Japanese forms; hangul on a Japanese screen from the Korean common subset.
 */
export const FONT_JA = `${OWN.jp}, ${OWN['jp-common']}, ${OWN['kr-common']}, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", "Noto Sans CJK KR", sans-serif`;
/** Korean: the game's Korean subset first; Japanese text drawn in Japanese forms from the common subset. */
export const FONT_KO = `${OWN.kr}, ${OWN['kr-common']}, ${OWN['jp-common']}, "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK JP", sans-serif`;

/** Canvas text is rasterised at this multiple of its game size so FIT scaling keeps it sharp. */
export function textResolution(): number {
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return Math.min(3, Math.max(2, dpr));
}

/**
 * The map of Northeast Asia: the two players' countries in distinct hues (Japan warm, Korea cool)
 * that stay apart for red–green colour-blind players too; other countries muted, close to the sea.
 */
export const MAP_COLORS = {
  sea: 0x12264a,
  seaEdge: 0x2a4470,
  japan: 0xb0526a,
  korea: 0x3f86a8,
  northKorea: 0x45587a,
  other: 0x344262,
  coast: 0xd9e2f2,
  border: 0x8a9ab8,
  capital: 0xf4f1ea,
  city: 0xb4c0d6,
  islands: 0xf2c14e,
  highlight: 0xf2c14e,
} as const;

/** Each side's colour, used wherever Tokyo or Seoul is named; both readable on the navy background. */
export const SIDE_COLORS = { tokyo: 0xe06c75, seoul: 0x5fa8e8 } as const;
export const SIDE_CSS_COLORS = { tokyo: '#e06c75', seoul: '#5fa8e8' } as const;

/** Colours of the menus' widgets (buttons, panels, the keyboard focus ring). */
export const UI_COLORS = {
  panel: 0x111b33,
  panelEdge: 0x2f4a78,
  button: 0x1d2d52,
  buttonHover: 0x2a4170,
  buttonEdge: 0x4a6aa6,
  buttonDisabled: 0x1a2236,
  primary: 0xf2c14e,
  primaryHover: 0xffd873,
  selected: 0x3a5a96,
  focus: 0xffffff,
  track: 0x2a3a5e,
  error: 0xe0675f,
} as const;

export const UI_CSS_COLORS = {
  buttonText: '#f4f1ea',
  primaryText: '#0b1020',
  disabledText: '#7d879c',
  error: '#ff9a92',
} as const;

/** How text and motion are shown: set from the player's settings (text size, reduced motion). */
const display = { scale: 1, reducedMotion: false };

export function applyDisplaySettings(settings: { readonly textSize: 'normal' | 'large'; readonly reducedMotion: boolean }): void {
  display.scale = settings.textSize === 'large' ? 1.25 : 1;
  display.reducedMotion = settings.reducedMotion;
}

/** A font size for canvas text ("20px" at normal size), scaled by the text-size setting. */
export function fontSize(px: number): string {
  return `${fontPx(px)}px`;
}

/** The same scaled size as a number, for layout arithmetic. */
export function fontPx(px: number): number {
  return Math.round(px * display.scale);
}

/** True when scenes may animate (tweens, shakes); false with reduced motion: changes show at once. */
export function motion(): boolean {
  return !display.reducedMotion;
}
