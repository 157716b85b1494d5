import { describe, expect, it } from 'vitest';
import { parseMapData } from './mapData';

function validMap(): Record<string, unknown> {
  return {
    width: 100,
    height: 80,
    projection: {
      kind: 'lambert-conformal-conic',
      standardParallels: [30, 44],
      centralMeridian: 131,
      originLatitude: 37,
      scale: 200,
      x0: 50,
      y0: 40,
    },
    attribution: 'Made with Natural Earth',
    countries: [
      {
        id: 'kr',
        name: { en: 'South Korea', ja: '韓国', ko: '대한민국' },
        polygons: [
          [
            [10, 10],
            [20, 10],
            [15, 20],
          ],
        ],
      },
    ],
    places: [
      {
        id: 'seoul',
        kind: 'capital',
        x: 12,
        y: 12,
        name: { en: 'Seoul', ja: 'ソウル', ko: '서울' },
        label: 'e',
        lon: 126.98,
        lat: 37.57,
      },
    ],
  };
}

describe('parseMapData', () => {
  it('accepts a well-formed map and keeps its content', () => {
    const map = parseMapData(validMap());
    expect(map.countries[0]?.id).toBe('kr');
    expect(map.countries[0]?.polygons[0]).toEqual([
      [10, 10],
      [20, 10],
      [15, 20],
    ]);
    expect(map.places[0]?.name.ko).toBe('서울');
  });

  it.each([
    ['not an object', () => 'map', /the file should be an object/],
    ['a missing width', (m: Record<string, unknown>) => ({ ...m, width: undefined }), /width should be a number/],
    ['an unknown country id', (m: Record<string, unknown>) => ({ ...m, countries: [{ ...(m.countries as object[])[0], id: 'xx' }] }), /countries\[0\]\.id should be one of kr, jp/],
    [
      'a point outside the box',
      (m: Record<string, unknown>) => ({
        ...m,
        countries: [
          {
            ...(m.countries as object[])[0],
            polygons: [
              [
                [10, 10],
                [200, 10],
                [15, 20],
              ],
            ],
          },
        ],
      }),
      /countries\[0\]\.polygons\[0\]\[1\] lies outside the 100 × 80 box/,
    ],
    [
      'a ring of two points',
      (m: Record<string, unknown>) => ({
        ...m,
        countries: [
          {
            ...(m.countries as object[])[0],
            polygons: [
              [
                [1, 1],
                [2, 2],
              ],
            ],
          },
        ],
      }),
      /polygons\[0\] should have at least 3 points/,
    ],
    [
      'a name missing its Korean',
      (m: Record<string, unknown>) => ({
        ...m,
        places: [{ ...(m.places as object[])[0], name: { en: 'Seoul', ja: 'ソウル' } }],
      }),
      /places\[0\]\.name\.ko should be a non-empty string/,
    ],
    ['a repeated place id', (m: Record<string, unknown>) => ({ ...m, places: [(m.places as object[])[0], (m.places as object[])[0]] }), /places\[1\]\.id repeats the id "seoul"/],
    ['an unknown projection', (m: Record<string, unknown>) => ({ ...m, projection: { kind: 'mercator' } }), /projection\.kind should be one of lambert-conformal-conic/],
  ])('rejects %s with an error naming the field and the fix', (_what, change, message) => {
    const bad = (change as (m: Record<string, unknown>) => unknown)(validMap());
    expect(() => parseMapData(bad)).toThrow(message);
    expect(() => parseMapData(bad)).toThrow(/npm run assets:map/);
  });
});
