/**
 * The world's colours (src/world): the sky and sea, the map, the two sides, the bars. The screens'
 * colours are CSS custom properties (src/ui/base.css); the map's words are DOM, coloured in mapLabels.css.
 */
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

/** The meters' bar track: the navy of the screens' switch track (src/ui/base.css). */
export const UI_COLORS = { track: 0x2a3a5e } as const;
