/**
 * Where the map lands in its slot: one pure function used both by the world (which draws the coasts
 * and the places) and by the DOM labels over the map (src/world/mapLabels.ts), so a label always
 * sits on the point the world drew, whatever the slot's size.
 */

/** The part of the map data the placement needs (MapData satisfies it). */
export interface MapBox {
  readonly width: number;
  readonly height: number;
  readonly places: readonly { readonly x: number; readonly y: number }[];
}

/** Slot pixels per map unit, and where the map's top-left corner lies in the slot (px, may be negative). */
export interface Placement {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/**
 * Room (in map units) kept round the places, so a symbol is not at the very edge and its label has
 * somewhere to go (most sit east of their point; a label is kept inside the slot either way).
 */
const ROOM = { west: 30, east: 60, north: 30, south: 30 } as const;

/**
 * The map fills its slot (it is the board): as large as covers the slot, but never so large that a place
 * (a capital, the islands, the sea's name) and its label's room would be cut off; never smaller than the
 * whole map fitting. The places are kept centred where the map is cropped.
 */
export function placeMap(map: MapBox, width: number, height: number): Placement {
  if (width <= 0 || height <= 0) return { scale: 0, x: 0, y: 0 };
  let x0 = map.width;
  let y0 = map.height;
  let x1 = 0;
  let y1 = 0;
  for (const p of map.places) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  if (x1 < x0) [x0, y0, x1, y1] = [0, 0, map.width, map.height];
  x0 = Math.max(0, x0 - ROOM.west);
  x1 = Math.min(map.width, x1 + ROOM.east);
  y0 = Math.max(0, y0 - ROOM.north);
  y1 = Math.min(map.height, y1 + ROOM.south);
  const contain = Math.min(width / map.width, height / map.height);
  const cover = Math.max(width / map.width, height / map.height);
  const focus = Math.min(width / Math.max(1, x1 - x0), height / Math.max(1, y1 - y0));
  const scale = Math.max(contain, Math.min(cover, focus));
  const axis = (slot: number, size: number, lo: number, hi: number): number => {
    const drawn = size * scale;
    if (drawn <= slot) return (slot - drawn) / 2;
    // Centred on the places, then pushed back so no sea-less gap opens at an edge.
    const offset = slot / 2 - ((lo + hi) / 2) * scale;
    return Math.min(0, Math.max(slot - drawn, offset));
  };
  return { scale, x: axis(width, map.width, x0, x1), y: axis(height, map.height, y0, y1) };
}

/** A map point (map units) in slot pixels. */
export function slotX(p: Placement, mapX: number): number {
  return p.x + mapX * p.scale;
}

export function slotY(p: Placement, mapY: number): number {
  return p.y + mapY * p.scale;
}
