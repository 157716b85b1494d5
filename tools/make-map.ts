/**
 * Writes public/map/northeast-asia.json (npm run assets:map): Natural Earth's 1:50m country shapes
 * (the world-atlas package, public-domain data) projected with a Lambert conformal conic projection
 * (standard parallels 30° N and 44° N, central meridian 131° E) into a 1000-unit-wide box covering
 * roughly 115–147° E and 28–46° N, clipped to that box, simplified, with the places the game labels.
 * Deterministic: the same package version gives the same bytes, which a test checks.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { CountryId, LabelSide, MapData, MapName, MapPlace, PlaceKind } from '../src/world/map/mapData';
import { project, type LambertConformalConic } from '../src/world/map/projection';

export const MAP_PATH = fileURLToPath(new URL('../public/map/northeast-asia.json', import.meta.url));

/** The area shown, in degrees: left and right edges at the middle latitude, top and bottom at the central meridian. */
const VIEW = { lonMin: 115, lonMax: 147, latMin: 28, latMax: 46 } as const;
const WIDTH = 1000;
/** Douglas–Peucker tolerance in map units (one unit is about 2.8 km): under a pixel at 1280 × 720. */
const TOLERANCE = 0.7;
/** Islands smaller than this (square map units, about 16 km²) are dropped. */
const MIN_AREA = 2;

/** ISO 3166 numeric codes (the world-atlas feature ids) of the countries drawn, with their names. */
const COUNTRIES: Readonly<Record<string, { id: CountryId; name: MapName }>> = {
  '410': { id: 'kr', name: { en: 'South Korea', ja: '韓国', ko: '대한민국' } },
  '392': { id: 'jp', name: { en: 'Japan', ja: '日本', ko: '일본' } },
  '408': { id: 'kp', name: { en: 'North Korea', ja: '北朝鮮', ko: '북한' } },
  '156': { id: 'cn', name: { en: 'China', ja: '中国', ko: '중국' } },
  '643': { id: 'ru', name: { en: 'Russia', ja: 'ロシア', ko: '러시아' } },
  '158': { id: 'tw', name: { en: 'Taiwan', ja: '台湾', ko: '대만' } },
  '496': { id: 'mn', name: { en: 'Mongolia', ja: 'モンゴル', ko: '몽골' } },
};

interface PlaceSource {
  id: string;
  kind: PlaceKind;
  lon: number;
  lat: number;
  label: LabelSide;
  name: MapName;
}

const PLACES: readonly PlaceSource[] = [
  { id: 'seoul', kind: 'capital', lon: 126.978, lat: 37.5665, label: 'e', name: { en: 'Seoul', ja: 'ソウル', ko: '서울' } },
  { id: 'tokyo', kind: 'capital', lon: 139.6917, lat: 35.6895, label: 'e', name: { en: 'Tokyo', ja: '東京', ko: '도쿄' } },
  { id: 'pyongyang', kind: 'capital', lon: 125.7625, lat: 39.0392, label: 'w', name: { en: 'Pyongyang', ja: '平壌', ko: '평양' } },
  { id: 'beijing', kind: 'capital', lon: 116.4074, lat: 39.9042, label: 's', name: { en: 'Beijing', ja: '北京', ko: '베이징' } },
  { id: 'busan', kind: 'city', lon: 129.0756, lat: 35.1796, label: 'e', name: { en: 'Busan', ja: '釜山', ko: '부산' } },
  { id: 'osaka', kind: 'city', lon: 135.5023, lat: 34.6937, label: 's', name: { en: 'Osaka', ja: '大阪', ko: '오사카' } },
  // Named as each side names them, with the other side's name in brackets; the game takes no side.
  {
    id: 'dokdo-takeshima',
    kind: 'islands',
    lon: 131.87,
    lat: 37.24,
    label: 'e',
    name: { en: 'Dokdo / Takeshima', ja: '竹島（独島）', ko: '독도(다케시마)' },
  },
  {
    id: 'east-sea-sea-of-japan',
    kind: 'sea',
    lon: 134.6,
    lat: 40.2,
    label: 'n',
    name: { en: 'East Sea / Sea of Japan', ja: '日本海（東海）', ko: '동해(일본해)' },
  },
];

type Point = [number, number];

/** The projection, scaled and offset so the view's edges land on the box's edges. */
function makeProjection(): { projection: LambertConformalConic; height: number } {
  const unit: LambertConformalConic = {
    kind: 'lambert-conformal-conic',
    standardParallels: [30, 44],
    centralMeridian: 131,
    originLatitude: 37,
    scale: 1,
    x0: 0,
    y0: 0,
  };
  const midLat = (VIEW.latMin + VIEW.latMax) / 2;
  const [left] = project(unit, VIEW.lonMin, midLat);
  const [right] = project(unit, VIEW.lonMax, midLat);
  const [, top] = project(unit, unit.centralMeridian, VIEW.latMax);
  const [, bottom] = project(unit, unit.centralMeridian, VIEW.latMin);
  const scale = WIDTH / (right - left);
  const height = Math.round((bottom - top) * scale);
  return {
    projection: { ...unit, scale: round(scale, 3), x0: round(-left * scale, 3), y0: round(-top * scale, 3) },
    height,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Sutherland–Hodgman clipping of a ring against one edge of the box. */
function clipEdge(ring: Point[], inside: (p: Point) => boolean, cross: (a: Point, b: Point) => Point): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i]!;
    const previous = ring[(i + ring.length - 1) % ring.length]!;
    const cIn = inside(current);
    const pIn = inside(previous);
    if (cIn) {
      if (!pIn) out.push(cross(previous, current));
      out.push(current);
    } else if (pIn) {
      out.push(cross(previous, current));
    }
  }
  return out;
}

function clipToBox(ring: Point[], w: number, h: number): Point[] {
  const atX =
    (x: number) =>
    (a: Point, b: Point): Point => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
  const atY =
    (y: number) =>
    (a: Point, b: Point): Point => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
  let r = ring;
  r = clipEdge(r, (p) => p[0] >= 0, atX(0));
  r = clipEdge(r, (p) => p[0] <= w, atX(w));
  r = clipEdge(r, (p) => p[1] >= 0, atY(0));
  r = clipEdge(r, (p) => p[1] <= h, atY(h));
  return r;
}

function perpendicularDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

/** Douglas–Peucker on an open polyline (iterative, so long coastlines cannot overflow the stack). */
function simplifyLine(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Simplifies a closed ring by splitting it at its first point and the point farthest from it. */
function simplifyRing(ring: Point[], tolerance: number): Point[] {
  const start = ring[0]!;
  let far = 0;
  let farDistance = -1;
  ring.forEach((p, i) => {
    const d = Math.hypot(p[0] - start[0], p[1] - start[1]);
    if (d > farDistance) {
      far = i;
      farDistance = d;
    }
  });
  const a = simplifyLine(ring.slice(0, far + 1), tolerance);
  const b = simplifyLine([...ring.slice(far), start], tolerance);
  return [...a, ...b.slice(1, -1)];
}

function area(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

/** Drops repeated points (after rounding, clipping can produce several). */
function dedupe(ring: Point[]): Point[] {
  const out = ring.filter((p, i) => {
    const q = ring[(i + ring.length - 1) % ring.length]!;
    return p[0] !== q[0] || p[1] !== q[1];
  });
  return out;
}

function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings[0] ?? []);
}

function loadTopology(): Topology {
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-atlas/countries-50m.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Topology;
}

export function buildMap(topology: Topology = loadTopology()): MapData {
  const { projection, height } = makeProjection();
  const collection = topology.objects.countries as GeometryCollection;
  const features = feature(topology, collection).features;

  const countries = features
    .filter((f) => f.id !== undefined && String(f.id) in COUNTRIES && f.geometry !== null)
    .map((f) => {
      const meta = COUNTRIES[String(f.id)]!;
      const polygons = outerRings(f.geometry as Polygon | MultiPolygon)
        .map((ring) => {
          // GeoJSON rings repeat their first point at the end; the map file does not.
          const open = ring.slice(0, -1).map(([lon, lat]) => project(projection, lon!, lat!));
          const clipped = clipToBox(open, WIDTH, height);
          if (clipped.length < 3) return [];
          const rounded = clipped.map(([x, y]): Point => [round(x, 1), round(y, 1)]);
          return dedupe(simplifyRing(dedupe(rounded), TOLERANCE));
        })
        .filter((ring) => ring.length >= 3 && area(ring) >= MIN_AREA)
        // Largest first, so a reader of the file meets the mainland before the islets.
        .sort((a, b) => area(b) - area(a));
      return { id: meta.id, name: meta.name, polygons };
    })
    .filter((c) => c.polygons.length > 0)
    .sort((a, b) => a.id.localeCompare(b.id));

  const places: MapPlace[] = PLACES.map((p) => {
    const [x, y] = project(projection, p.lon, p.lat);
    return { id: p.id, kind: p.kind, x: round(x, 1), y: round(y, 1), name: p.name, label: p.label, lon: p.lon, lat: p.lat };
  });

  return {
    width: WIDTH,
    height,
    projection,
    attribution: 'Made with Natural Earth (public domain), via the world-atlas package.',
    countries,
    places,
  };
}

/** The file's text: one country, place or ring per line keeps diffs readable and the file small. */
export function mapText(data: MapData = buildMap()): string {
  const lines: string[] = [];
  lines.push('{');
  lines.push(`"width":${data.width},"height":${data.height},`);
  lines.push(`"projection":${JSON.stringify(data.projection)},`);
  lines.push(`"attribution":${JSON.stringify(data.attribution)},`);
  lines.push('"countries":[');
  data.countries.forEach((c, i) => {
    lines.push(`{"id":${JSON.stringify(c.id)},"name":${JSON.stringify(c.name)},"polygons":[`);
    c.polygons.forEach((ring, j) => lines.push(`${JSON.stringify(ring)}${j < c.polygons.length - 1 ? ',' : ''}`));
    lines.push(`]}${i < data.countries.length - 1 ? ',' : ''}`);
  });
  lines.push('],');
  lines.push('"places":[');
  data.places.forEach((p, i) => lines.push(`${JSON.stringify(p)}${i < data.places.length - 1 ? ',' : ''}`));
  lines.push(']');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

if (process.argv[1]?.endsWith('make-map.ts')) {
  const text = mapText();
  mkdirSync(dirname(MAP_PATH), { recursive: true });
  writeFileSync(MAP_PATH, text);
  process.stdout.write(`wrote ${MAP_PATH} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)\n`);
}
