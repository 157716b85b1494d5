/**
 * public/map/northeast-asia.json is what tools/make-map.ts makes from Natural Earth, stays small,
 * and puts Korea, Japan and the disputed islands where they belong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_PATH, mapText } from '../tools/make-map';
import { parseMapData, type MapRing } from '../src/world/map/mapData';
import { project } from '../src/world/map/projection';

const text = readFileSync(MAP_PATH, 'utf8');
const map = parseMapData(JSON.parse(text));

function bounds(rings: readonly MapRing[]): { minX: number; maxX: number; minY: number; maxY: number } {
  const xs = rings.flatMap((r) => r.map((p) => p[0]));
  const ys = rings.flatMap((r) => r.map((p) => p[1]));
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

describe('the map file', () => {
  it('is what `npm run assets:map` makes, and under 60 KB', () => {
    expect(text === mapText(), 'public/map/northeast-asia.json is stale: run npm run assets:map').toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThan(60 * 1024);
  });

  it('has South Korea and Japan, Japan east of Korea, each with a real outline', () => {
    const kr = map.countries.find((c) => c.id === 'kr');
    const jp = map.countries.find((c) => c.id === 'jp');
    expect(kr?.polygons.length).toBeGreaterThan(0);
    expect(jp?.polygons.length).toBeGreaterThan(3); // Honshu, Hokkaido, Kyushu, Shikoku at least
    expect(kr!.polygons[0]!.length).toBeGreaterThan(30);
    expect(bounds(jp!.polygons).maxX).toBeGreaterThan(bounds(kr!.polygons).maxX);
  });

  it('puts the disputed islands in the sea between Korea and Japan, named as both sides name them', () => {
    const islands = map.places.find((p) => p.kind === 'islands');
    const seoul = map.places.find((p) => p.id === 'seoul')!;
    const tokyo = map.places.find((p) => p.id === 'tokyo')!;
    expect(islands).toMatchObject({
      name: { en: 'Dokdo / Takeshima', ja: '竹島（独島）', ko: '독도(다케시마)' },
      lat: 37.24,
      lon: 131.87,
    });
    expect(islands!.x).toBeGreaterThan(seoul.x);
    expect(islands!.x).toBeLessThan(tokyo.x);
    // East of the Korean mainland's coast, at about Seoul's latitude.
    expect(islands!.x).toBeGreaterThan(bounds(map.countries.find((c) => c.id === 'kr')!.polygons.slice(0, 1)).maxX);
    expect(Math.abs(islands!.y - seoul.y)).toBeLessThan(40);
  });

  it('names the sea both ways and labels the four capitals', () => {
    expect(map.places.find((p) => p.kind === 'sea')?.name).toEqual({
      en: 'East Sea / Sea of Japan',
      ja: '日本海（東海）',
      ko: '동해(일본해)',
    });
    expect(
      map.places
        .filter((p) => p.kind === 'capital')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['beijing', 'pyongyang', 'seoul', 'tokyo']);
  });

  it('stores a projection that puts each place back at its longitude and latitude', () => {
    for (const place of map.places) {
      const [x, y] = project(map.projection, place.lon, place.lat);
      expect(Math.abs(x - place.x), place.id).toBeLessThan(0.1);
      expect(Math.abs(y - place.y), place.id).toBeLessThan(0.1);
    }
  });
});
