/**
 * The map of Northeast Asia (public/map/northeast-asia.json), fetched once and shared by the world
 * (which draws it) and the DOM labels over it. The map is an aid, not a rule: if it cannot be loaded
 * the game plays on without it and says why in the console.
 */
import { parseMapData, type MapData } from './map/mapData';

/** Relative to the page, as the game is served from any folder (Vite's base is './'). */
const MAP_URL = 'map/northeast-asia.json';

let loading: Promise<MapData | null> | null = null;
let loaded: MapData | null = null;

/** The map, fetched on the first call (a test page below the root may pass its own address). */
export function loadMap(url = MAP_URL): Promise<MapData | null> {
  loading ??= fetch(url)
    .then((response) => {
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then((json) => (loaded = parseMapData(json)))
    .catch((error: unknown) => {
      console.warn(`The map could not be loaded (${error instanceof Error ? error.message : String(error)}); the game plays without it.`);
      return null;
    });
  return loading;
}

/** The map if it has arrived, else null (the world draws the board once it does). */
export function mapNow(): MapData | null {
  return loaded;
}
