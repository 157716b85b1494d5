/**
 * Lambert conformal conic projection on a sphere, from longitude/latitude in degrees to map units
 * (x to the right, y downwards, like the screen). Conformal, so coastlines keep their shapes; the
 * two standard parallels bracket Northeast Asia so distortion of scale stays within a few percent.
 * Shared by tools/make-map.ts (which projects the coastlines) and the game (which may place more
 * points on the same map with the parameters stored in the map file).
 */
export interface LambertConformalConic {
  readonly kind: 'lambert-conformal-conic';
  /** Latitudes (degrees) where scale is true. */
  readonly standardParallels: readonly [number, number];
  /** Longitude (degrees) that is vertical on the map. */
  readonly centralMeridian: number;
  /** Latitude (degrees) of the projection's origin (y = 0 before the offset). */
  readonly originLatitude: number;
  /** Map units per Earth radius. */
  readonly scale: number;
  /** Map position of the origin (centralMeridian, originLatitude). */
  readonly x0: number;
  readonly y0: number;
}

const RAD = Math.PI / 180;

/** Projects a longitude/latitude in degrees to map units. */
export function project(p: LambertConformalConic, lon: number, lat: number): [number, number] {
  const [p1, p2] = p.standardParallels;
  const phi1 = p1 * RAD;
  const phi2 = p2 * RAD;
  const t = (phi: number): number => Math.tan(Math.PI / 4 + phi / 2);
  const n = p1 === p2 ? Math.sin(phi1) : Math.log(Math.cos(phi1) / Math.cos(phi2)) / Math.log(t(phi2) / t(phi1));
  const f = (Math.cos(phi1) * Math.pow(t(phi1), n)) / n;
  const rho = f / Math.pow(t(lat * RAD), n);
  const rho0 = f / Math.pow(t(p.originLatitude * RAD), n);
  // Longitudes are taken the short way round, so data split at the antimeridian stays in place.
  let dLon = lon - p.centralMeridian;
  dLon = ((((dLon + 180) % 360) + 360) % 360) - 180;
  const theta = n * dLon * RAD;
  const x = rho * Math.sin(theta);
  const y = rho0 - rho * Math.cos(theta);
  return [p.x0 + p.scale * x, p.y0 - p.scale * y];
}
