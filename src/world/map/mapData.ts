/**
 * The map of Northeast Asia as tools/make-map.ts writes it to public/map/northeast-asia.json:
 * Natural Earth coastlines already projected into a box of `width` × `height` map units
 * (x to the right, y downwards), with the places the game labels.
 */
import type { LambertConformalConic } from './projection';

export type MapLanguage = 'en' | 'ja' | 'ko';

/** A name in each of the game's languages. */
export type MapName = Readonly<Record<MapLanguage, string>>;

/** A ring of [x, y] points in map units; the last point is not a repeat of the first. */
export type MapRing = readonly (readonly [number, number])[];

export type CountryId = 'kr' | 'jp' | 'kp' | 'cn' | 'ru' | 'tw' | 'mn';

export interface MapCountry {
  readonly id: CountryId;
  readonly name: MapName;
  /** Outer rings only (lakes are not cut out), clipped to the map box. */
  readonly polygons: readonly MapRing[];
}

/** `sea` labels a body of water; the others mark a point. */
export type PlaceKind = 'capital' | 'city' | 'islands' | 'sea';

/** Where a label sits relative to its point, chosen by hand so labels do not collide. */
export type LabelSide = 'n' | 's' | 'e' | 'w';

export interface MapPlace {
  readonly id: string;
  readonly kind: PlaceKind;
  readonly x: number;
  readonly y: number;
  readonly name: MapName;
  readonly label: LabelSide;
  readonly lon: number;
  readonly lat: number;
}

export interface MapData {
  readonly width: number;
  readonly height: number;
  readonly projection: LambertConformalConic;
  /** Where the data comes from, to be shown with the map ("Made with Natural Earth"). */
  readonly attribution: string;
  readonly countries: readonly MapCountry[];
  readonly places: readonly MapPlace[];
}

const COUNTRY_IDS: readonly CountryId[] = ['kr', 'jp', 'kp', 'cn', 'ru', 'tw', 'mn'];
const PLACE_KINDS: readonly PlaceKind[] = ['capital', 'city', 'islands', 'sea'];
const LABEL_SIDES: readonly LabelSide[] = ['n', 's', 'e', 'w'];
const FIX = 'Regenerate it with `npm run assets:map`.';

class MapDataError extends Error {
  constructor(where: string, problem: string) {
    super(`The map file is not valid: ${where} ${problem}. ${FIX}`);
    this.name = 'MapDataError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MapDataError(where, 'should be a number');
  return value;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new MapDataError(where, 'should be a non-empty string');
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new MapDataError(where, `should be one of ${allowed.join(', ')} (found ${JSON.stringify(value)})`);
  }
  return value as T;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (!isRecord(value)) throw new MapDataError(where, 'should be an object');
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new MapDataError(where, 'should be a list');
  return value;
}

function name(value: unknown, where: string): MapName {
  const r = record(value, where);
  return { en: text(r.en, `${where}.en`), ja: text(r.ja, `${where}.ja`), ko: text(r.ko, `${where}.ko`) };
}

function ring(value: unknown, where: string, width: number, height: number): MapRing {
  const points = list(value, where);
  if (points.length < 3) throw new MapDataError(where, `should have at least 3 points (has ${points.length})`);
  return points.map((p, i) => {
    const pair = list(p, `${where}[${i}]`);
    if (pair.length !== 2) throw new MapDataError(`${where}[${i}]`, 'should be an [x, y] pair');
    const x = finite(pair[0], `${where}[${i}][0]`);
    const y = finite(pair[1], `${where}[${i}][1]`);
    if (x < 0 || x > width || y < 0 || y > height) {
      throw new MapDataError(`${where}[${i}]`, `lies outside the ${width} × ${height} box`);
    }
    return [x, y] as const;
  });
}

function projection(value: unknown, where: string): LambertConformalConic {
  const r = record(value, where);
  oneOf(r.kind, ['lambert-conformal-conic'] as const, `${where}.kind`);
  const parallels = list(r.standardParallels, `${where}.standardParallels`);
  if (parallels.length !== 2) throw new MapDataError(`${where}.standardParallels`, 'should hold two latitudes');
  return {
    kind: 'lambert-conformal-conic',
    standardParallels: [finite(parallels[0], `${where}.standardParallels[0]`), finite(parallels[1], `${where}.standardParallels[1]`)],
    centralMeridian: finite(r.centralMeridian, `${where}.centralMeridian`),
    originLatitude: finite(r.originLatitude, `${where}.originLatitude`),
    scale: finite(r.scale, `${where}.scale`),
    x0: finite(r.x0, `${where}.x0`),
    y0: finite(r.y0, `${where}.y0`),
  };
}

/**
 * Checks a parsed map file and returns it typed. Throws an error naming the first bad field
 * (e.g. `countries[2].polygons[0][5]`) and how to fix the file.
 */
export function parseMapData(json: unknown): MapData {
  const root = record(json, 'the file');
  const width = finite(root.width, 'width');
  const height = finite(root.height, 'height');
  if (width <= 0 || height <= 0) throw new MapDataError('width and height', 'should be positive');
  const countries = list(root.countries, 'countries').map((value, i): MapCountry => {
    const where = `countries[${i}]`;
    const c = record(value, where);
    return {
      id: oneOf(c.id, COUNTRY_IDS, `${where}.id`),
      name: name(c.name, `${where}.name`),
      polygons: list(c.polygons, `${where}.polygons`).map((r, j) => ring(r, `${where}.polygons[${j}]`, width, height)),
    };
  });
  const seen = new Set<string>();
  const places = list(root.places, 'places').map((value, i): MapPlace => {
    const where = `places[${i}]`;
    const p = record(value, where);
    const id = text(p.id, `${where}.id`);
    if (seen.has(id)) throw new MapDataError(`${where}.id`, `repeats the id "${id}"`);
    seen.add(id);
    const x = finite(p.x, `${where}.x`);
    const y = finite(p.y, `${where}.y`);
    if (x < 0 || x > width || y < 0 || y > height) throw new MapDataError(where, `("${id}") lies outside the map box`);
    return {
      id,
      kind: oneOf(p.kind, PLACE_KINDS, `${where}.kind`),
      x,
      y,
      name: name(p.name, `${where}.name`),
      label: oneOf(p.label, LABEL_SIDES, `${where}.label`),
      lon: finite(p.lon, `${where}.lon`),
      lat: finite(p.lat, `${where}.lat`),
    };
  });
  return {
    width,
    height,
    projection: projection(root.projection, 'projection'),
    attribution: text(root.attribution, 'attribution'),
    countries,
    places,
  };
}
