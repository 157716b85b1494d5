import { Scene } from 'phaser';
import shipped from 'virtual:shipped-scenarios';
import { isShippedScenario } from '../scenario/shipped';
import { appStore } from '../store/app';
import { shippedCatalog } from '../store/catalog';
import { formatPercent, t } from '../i18n';
import { publish } from '../testHook';
import { COLORS, CSS_COLORS } from '../theme';
import { setLoadingMessage } from '../ui/dom';
import { addText } from './widgets/text';

const BAR_WIDTH = 480;

const scenarioKey = (file: string): string => `scenario:${file}`;
const BAR_HEIGHT = 14;

/** The Phaser cache key of the map of Northeast Asia (public/map/northeast-asia.json). */
export const MAP_JSON_KEY = 'northeast-asia';

/** Emitted on game.events once the assets are in: main.ts starts the director then. */
export const ASSETS_LOADED = 'cyd:assets-loaded';

/**
 * Loads the game's assets while drawing a progress bar from the loader's own progress events.
 * The scenarios arrive as JSON (validated when the game was built) and are compiled into the store's catalog.
 * Audio is not loaded here: howler fetches each sound the first time it is played.
 */
export class Preloader extends Scene {
  constructor() {
    super('Preloader');
  }

  init(): void {
    publish({ scene: 'Preloader' });
    const { width, height } = this.scale;
    const x = (width - BAR_WIDTH) / 2;
    const y = height / 2 - BAR_HEIGHT / 2;

    const label = addText(this, width / 2, y - 44, t('preloader.loading'), { size: 22, color: CSS_COLORS.muted }).setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, COLORS.landEdge, 1);
    frame.strokeRoundedRect(x - 4, y - 4, BAR_WIDTH + 8, BAR_HEIGHT + 8, 6);

    const fill = this.add.graphics();
    this.load.on('progress', (progress: number) => {
      fill.clear();
      fill.fillStyle(COLORS.gold, 1);
      fill.fillRect(x, y, BAR_WIDTH * progress, BAR_HEIGHT);
      label.setText(t('preloader.progress', { percent: formatPercent(progress) }));
    });
    // A missing asset is not fatal: the screen that needs it says what is missing.
    this.load.on('loaderror', (file: { url?: unknown; key: string }) => {
      console.warn(t('preloader.failed', { file: typeof file.url === 'string' ? file.url : file.key }));
    });
  }

  preload(): void {
    this.load.json(MAP_JSON_KEY, 'map/northeast-asia.json');
    for (const s of shipped) this.load.json(scenarioKey(s.file), s.url);
  }

  create(): void {
    // A scenario file that did not arrive is left out of the list; the others still play.
    const files = shipped.map((s) => this.cache.json.get(scenarioKey(s.file)) as unknown).filter(isShippedScenario);
    appStore.getState().actions.setCatalog(shippedCatalog(files));
    setLoadingMessage(null);
    this.game.events.emit(ASSETS_LOADED);
  }
}
