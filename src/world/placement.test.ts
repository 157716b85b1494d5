import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMapData } from './map/mapData';
import { project } from './map/projection';
import { placeMap, slotX, slotY } from './placement';

const map = parseMapData(JSON.parse(readFileSync(new URL('../../public/map/northeast-asia.json', import.meta.url), 'utf8')));

describe('the map in its slot', () => {
  it('puts a longitude and latitude where the projection and the slot say', () => {
    // A slot of the map's own shape (1000 × 711 units) shows the whole map, at half size here.
    const p = placeMap(map, 500, 355.5);
    expect(p.scale).toBeCloseTo(0.5, 3);
    expect(p.x).toBeCloseTo(0, 3);
    expect(p.y).toBeCloseTo(0, 3);
    const [mx, my] = project(map.projection, 126.978, 37.5665); // Seoul
    expect(slotX(p, mx)).toBeCloseTo(374.7 / 2, 0);
    expect(slotY(p, my)).toBeCloseTo(330.4 / 2, 0);
  });

  it.each([
    [1200, 420],
    [640, 640],
    [400, 900],
    [900, 500],
  ])('in a %i × %i slot, every place lies inside and the map leaves no gap it could have filled', (width, height) => {
    const p = placeMap(map, width, height);
    for (const place of map.places) {
      const x = slotX(p, place.x);
      const y = slotY(p, place.y);
      expect(x, place.id).toBeGreaterThanOrEqual(0);
      expect(x, place.id).toBeLessThanOrEqual(width);
      expect(y, place.id).toBeGreaterThanOrEqual(0);
      expect(y, place.id).toBeLessThanOrEqual(height);
    }
    // Never smaller than the whole map fitting: it touches two opposite edges at least.
    const drawnW = map.width * p.scale;
    const drawnH = map.height * p.scale;
    expect(drawnW >= width - 0.01 || drawnH >= height - 0.01).toBe(true);
    // Where the map is wider than the slot it is cropped, never shifted so as to open a gap.
    if (drawnW > width) expect(p.x <= 0 && p.x + drawnW >= width - 0.01).toBe(true);
    if (drawnH > height) expect(p.y <= 0 && p.y + drawnH >= height - 0.01).toBe(true);
  });

  it('fills a wide slot edge to edge, cropping sea and steppe rather than leaving bands', () => {
    const p = placeMap(map, 1200, 420);
    expect(map.width * p.scale).toBeGreaterThanOrEqual(1200);
    expect(p.x).toBeLessThanOrEqual(0);
  });

  it('gives an empty slot nothing to draw', () => {
    expect(placeMap(map, 0, 300).scale).toBe(0);
  });
});
