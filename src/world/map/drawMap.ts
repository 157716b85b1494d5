/**
 * Paints the map of Northeast Asia (public/map/northeast-asia.json) with the browser's Canvas 2D:
 * sea, land, coastlines, the player's own country outlined, the capitals, the cities and the disputed
 * islands. The world paints it once into a texture of the slot's size (and again only when that size
 * changes): as a Phaser Graphics its thousands of coastline points would be triangulated and drawn
 * again every frame. The words on the map are DOM labels (src/world/mapLabels.ts), not paint.
 */
import type { Side } from '../../engine/model';
import { MAP_COLORS } from '../../theme';
import { placeMap, slotX, slotY, type Placement } from '../placement';
import type { CountryId, MapData, MapRing } from './mapData';

/** Each side's country and capital on the map. */
export const HOME: Readonly<Record<Side, { readonly country: CountryId; readonly capital: string }>> = {
  tokyo: { country: 'jp', capital: 'tokyo' },
  seoul: { country: 'kr', capital: 'seoul' },
};

function css(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

function landColor(id: CountryId): number {
  if (id === 'jp') return MAP_COLORS.japan;
  if (id === 'kr') return MAP_COLORS.korea;
  if (id === 'kp') return MAP_COLORS.northKorea;
  return MAP_COLORS.other;
}

interface CountryPaths {
  readonly id: CountryId;
  readonly land: Path2D;
  readonly coast: Path2D;
}

/** The paths in map units, built once per map: painting at a new size only changes the transform. */
const built = new WeakMap<MapData, readonly CountryPaths[]>();

function paths(data: MapData): readonly CountryPaths[] {
  let found = built.get(data);
  if (found) return found;
  // Muted neighbours first, so the two players' countries are drawn over shared borders.
  const order = (id: CountryId): number => (id === 'jp' || id === 'kr' ? 1 : 0);
  found = [...data.countries]
    .sort((a, b) => order(a.id) - order(b.id))
    .map((country) => {
      const land = new Path2D();
      const coast = new Path2D();
      for (const ring of country.polygons) {
        ring.forEach(([x, y], i) => (i === 0 ? land.moveTo(x, y) : land.lineTo(x, y)));
        land.closePath();
        traceCoast(coast, ring, data);
      }
      return { id: country.id, land, coast };
    });
  built.set(data, found);
  return found;
}

/** A ring's coastline, leaving out the straight runs along the map's edge that clipping added (those are not coast). */
function traceCoast(path: Path2D, ring: MapRing, data: MapData): void {
  const onSameEdge = (a: readonly [number, number], b: readonly [number, number]): boolean =>
    (a[0] === b[0] && (a[0] === 0 || a[0] === data.width)) || (a[1] === b[1] && (a[1] === 0 || a[1] === data.height));
  let drawing = false;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    if (onSameEdge(a, b)) {
      drawing = false;
      continue;
    }
    if (!drawing) path.moveTo(a[0], a[1]);
    path.lineTo(b[0], b[1]);
    drawing = true;
  }
}

function disc(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

/**
 * Where the map's box ends inside the slot (a slot taller or wider than the map), the land cut
 * there fades into the sea instead of ending in a straight line.
 */
function fadeCutEdges(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, slotW: number, slotH: number): void {
  const sea = css(MAP_COLORS.sea);
  const band = 36;
  const edge = (x0: number, y0: number, x1: number, y1: number, rx: number, ry: number, rw: number, rh: number): void => {
    const g = ctx.createLinearGradient(x0, y0, x1, y1);
    g.addColorStop(0, sea);
    g.addColorStop(1, `${sea}00`);
    ctx.fillStyle = g;
    ctx.fillRect(rx, ry, rw, rh);
  };
  if (y > 0.5) edge(0, y, 0, y + band, 0, 0, slotW, y + band);
  if (y + h < slotH - 0.5) edge(0, y + h, 0, y + h - band, 0, y + h - band, slotW, slotH - (y + h) + band);
  if (x > 0.5) edge(x, 0, x + band, 0, 0, 0, x + band, slotH);
  if (x + w < slotW - 0.5) edge(x + w, 0, x + w - band, 0, x + w - band, 0, slotW - (x + w) + band, slotH);
}

/**
 * Paints the map into `ctx` (a canvas of `width` × `height` px) where placeMap puts it, the home side's
 * country outlined in gold and its capital ringed. Returns the placement used.
 */
export function paintMap(ctx: CanvasRenderingContext2D, data: MapData, width: number, height: number, home: Side | null): Placement {
  const p = placeMap(data, width, height);
  const s = p.scale;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.fillStyle = css(MAP_COLORS.sea);
  ctx.fillRect(0, 0, width, height);
  if (s <= 0) return p;
  const homeCountry = home ? HOME[home].country : null;
  ctx.setTransform(s, 0, 0, s, p.x, p.y);
  ctx.lineJoin = 'round';
  for (const c of paths(data)) {
    ctx.fillStyle = css(landColor(c.id));
    ctx.fill(c.land);
  }
  for (const c of paths(data)) {
    const main = c.id === 'jp' || c.id === 'kr';
    ctx.globalAlpha = main ? 0.85 : 0.5;
    ctx.strokeStyle = css(main ? MAP_COLORS.coast : MAP_COLORS.border);
    ctx.lineWidth = (main ? 1.25 : 1) / s;
    ctx.stroke(c.coast);
  }
  ctx.globalAlpha = 1;
  const own = paths(data).find((c) => c.id === homeCountry);
  if (own) {
    ctx.strokeStyle = css(MAP_COLORS.highlight);
    ctx.lineWidth = 2.25 / s;
    ctx.stroke(own.coast);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  fadeCutEdges(ctx, p.x, p.y, data.width * s, data.height * s, width, height);

  // The symbols keep their size in pixels whatever the map's scale, so they read on a small board too.
  for (const place of data.places) {
    const x = slotX(p, place.x);
    const y = slotY(p, place.y);
    switch (place.kind) {
      case 'islands':
        // Two islets, drawn as a pair of dots inside a ring so the tiny islands can be found.
        ctx.fillStyle = css(MAP_COLORS.islands);
        disc(ctx, x - 1.6, y, 1.8);
        ctx.fill();
        disc(ctx, x + 1.6, y + 0.6, 1.8);
        ctx.fill();
        ctx.strokeStyle = css(MAP_COLORS.islands);
        ctx.lineWidth = 1.5;
        disc(ctx, x, y, 7);
        ctx.stroke();
        break;
      case 'capital':
        ctx.fillStyle = css(MAP_COLORS.capital);
        ctx.strokeStyle = css(MAP_COLORS.sea);
        ctx.lineWidth = 1.5;
        disc(ctx, x, y, 4.5);
        ctx.fill();
        ctx.stroke();
        if (home && place.id === HOME[home].capital) {
          ctx.strokeStyle = css(MAP_COLORS.highlight);
          ctx.lineWidth = 2.5;
          disc(ctx, x, y, 10);
          ctx.stroke();
        }
        break;
      case 'city':
        ctx.fillStyle = css(MAP_COLORS.city);
        ctx.strokeStyle = css(MAP_COLORS.sea);
        ctx.lineWidth = 1;
        disc(ctx, x, y, 2.75);
        ctx.fill();
        ctx.stroke();
        break;
      case 'sea':
        break;
    }
  }
  return p;
}
