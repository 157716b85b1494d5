/**
 * Test page for tests/e2e/map.test.ts: draws the map in a Phaser scene the way the game will, with
 * the language and highlighted capital from the query string, and reports through `window.__mapTest`.
 * It also loads the game's sounds through src/audio/sound.ts at the first key press, and reports
 * how many decoded (`window.__soundTest`), which checks the WAV files and their Vite URLs in a browser.
 */
import { Howler } from 'howler';
import { AUTO, Game, Scale, Scene } from 'phaser';
import { applySoundSettings, playSound, setAmbient } from '../../../src/audio/sound';
import { drawMap } from '../../../src/world/map/drawMap';
import { parseMapData, type MapLanguage } from '../../../src/world/map/mapData';

interface MapTestReport {
  ready: boolean;
  error?: string;
  children?: number;
}

interface SoundTestReport {
  howls: number;
  loaded: number;
  failed: number;
}

declare global {
  interface Window {
    __mapTest?: MapTestReport;
    __soundTest?: () => SoundTestReport;
  }
}

// Before any press: asked for, but nothing may be created yet.
applySoundSettings({ volume: 0.5, muted: false });
setAmbient(true);
playSound('event');
window.addEventListener('keydown', () => playSound('click'));
window.__soundTest = () => {
  // howler keeps its Howls in a private list; a test page may read it.
  const howls = (Howler as unknown as { _howls: { state(): string }[] })._howls;
  return {
    howls: howls.length,
    loaded: howls.filter((h) => h.state() === 'loaded').length,
    failed: howls.filter((h) => h.state() === 'unloaded').length,
  };
};

window.__mapTest = { ready: false };
const query = new URLSearchParams(location.search);
const language = (query.get('lang') ?? 'en') as MapLanguage;
const highlight = query.get('highlight') === 'tokyo' ? 'tokyo' : 'seoul';

class MapScene extends Scene {
  constructor() {
    super('MapTest');
  }

  preload(): void {
    // The page lives below the root; the game itself loads the same file relative to its base.
    this.load.json('map', '/map/northeast-asia.json');
  }

  create(): void {
    try {
      const data = parseMapData(this.cache.json.get('map'));
      const container = drawMap(this, data, { x: 0, y: 0, width: 1280, height: 720 }, { language, highlight });
      // Two frames later the map has been rendered at least once.
      this.time.delayedCall(50, () => {
        window.__mapTest = { ready: true, children: container.length };
      });
    } catch (error) {
      window.__mapTest = { ready: false, error: String(error) };
    }
  }
}

new Game({
  type: AUTO,
  parent: 'game',
  backgroundColor: '#0b1020',
  roundPixels: true,
  scale: { mode: Scale.FIT, autoCenter: Scale.CENTER_BOTH, width: 1280, height: 720 },
  scene: [MapScene],
});
