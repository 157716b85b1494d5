/**
 * Test page for tests/e2e/map.test.ts: the game's world (src/world) behind a small DOM board laid out
 * as a play screen would lay it out — the map's slot with its DOM labels, and twelve meter tracks in a
 * scrolling column — so the world's drawing can be checked without the play screens. The query string
 * picks the language (lang), the home side (highlight), the backdrop (backdrop=title|sea|board), reduced
 * motion (motion=reduced), a cue to play (cue=arc|pulse) and whether the meters keep tweening (bench=1,
 * a new value every 1.2 s). It reports through `window.__mapTest`.
 *
 * It also loads the game's sounds through src/audio/sound.ts at the first key press, and reports how
 * many decoded (`window.__soundTest`), which checks the sound files and their Vite URLs in a browser.
 */
import '../../../src/ui/base.css';
import { Howler } from 'howler';
import { applySoundSettings, playSound, setAmbient } from '../../../src/audio/sound';
import type { Side } from '../../../src/engine/model';
import { startWorld } from '../../../src/world';
import type { MapLanguage } from '../../../src/world/map/mapData';
import { mapLabels } from '../../../src/world/mapLabels';
import { loadMap } from '../../../src/world/mapSource';
import { cue, newScene, setStage, type MeterBar } from '../../../src/world/stage';
import './page.css';

interface MapTestReport {
  ready: boolean;
  error?: string;
  labels?: number;
  world?: boolean;
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
    __cue?: typeof cue;
    /** Holds the world still (its last frame stays on screen), so a slow screenshot shows a moment of motion. */
    __hold?: (hold: boolean) => void;
    /** The world's game, for measuring its steps. */
    __game?: unknown;
    /** The colour the world draws at a window point, read from its next frame. */
    __pixel?: (x: number, y: number) => Promise<{ r: number; g: number; b: number }>;
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
window.__cue = cue;
const query = new URLSearchParams(location.search);
const language = (query.get('lang') ?? 'en') as MapLanguage;
const home: Side = query.get('highlight') === 'tokyo' ? 'tokyo' : 'seoul';
const backdrop = (query.get('backdrop') ?? 'board') as 'title' | 'sea' | 'board';
document.documentElement.lang = language;
const reduced = query.get('motion') === 'reduced' || matchMedia('(prefers-reduced-motion: reduce)').matches;
document.documentElement.dataset.motion = reduced ? 'reduced' : 'full';
if (query.get('large')) document.documentElement.dataset.textSize = 'large';

const app = document.getElementById('app')!;
const screen = document.createElement('div');
screen.className = 'screen board-test';
const board = document.createElement('div');
board.className = 'board-test-map';
board.dataset.testid = 'map';
const column = document.createElement('div');
column.className = 'board-test-meters';
column.dataset.testid = 'meters';
screen.append(board, column);
app.append(screen);

const COLORS = [0x7fb2f0, 0xf2c14e];
let round = 0;
const slots = Array.from({ length: 12 }, (_, i) => {
  const row = document.createElement('div');
  row.className = 'board-test-meter';
  row.append(Object.assign(document.createElement('span'), { textContent: `Meter ${i + 1}` }));
  const slot = document.createElement('div');
  slot.className = 'board-test-track';
  row.append(slot);
  column.append(row);
  return slot;
});
const valueOf = (i: number, r: number): number => 10 + ((i * 37 + r * 53) % 80);
const meters = (r: number): MeterBar[] =>
  slots.map((slot, i) => ({
    id: `m${i}`,
    slot,
    value: valueOf(i, r),
    from: r === 0 ? valueOf(i, r) - 20 : valueOf(i, r - 1),
    min: 0,
    max: 100,
    ...(i % 3 === 2 ? { margin: 6 } : {}),
    color: COLORS[i % 3 === 2 ? 1 : 0]!,
  }));

// The page lives below the root; the game loads the same file relative to its base.
void loadMap('/map/northeast-asia.json');
// The system's fonts are enough here (the game's own subsets are served from its root, not this page's).
void (async () => {
  try {
    const world = await startWorld('world');
    window.__game = world;
    window.__hold = (hold) => (hold ? world?.loop.sleep() : world?.loop.wake());
    window.__pixel = (x, y) =>
      new Promise((resolve) => {
        world?.renderer?.snapshotPixel(x, y, (c) => {
          const color = c as { red: number; green: number; blue: number };
          resolve({ r: color.red, g: color.green, b: color.blue });
        });
        // A still world draws no frame: a stage change asks for one.
        setStage({});
      });
    newScene(backdrop);
    if (backdrop === 'board') {
      mapLabels(board, language, home);
      setStage({ map: { slot: board, highlight: home }, meters: meters(0) });
    }
    if (query.get('bench')) setInterval(() => setStage({ meters: meters(++round) }), 1200);
    const data = await loadMap();
    const play = query.get('cue');
    if (play === 'arc') cue({ kind: 'arc', from: home === 'seoul' ? 'tokyo' : 'seoul', to: home, what: 'proposal' });
    if (play === 'summit') cue({ kind: 'arc', from: 'seoul', to: 'tokyo', what: 'summit' });
    if (play === 'pulse') cue({ kind: 'pulse', at: 'islands' });
    // Two frames later the board has been drawn with the map.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        window.__mapTest = { ready: data !== null, world: world !== null, labels: board.querySelectorAll('.map-label:not(.map-label-hidden)').length };
      }),
    );
  } catch (error) {
    window.__mapTest = { ready: false, error: String(error) };
  }
})();
