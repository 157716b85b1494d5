import { Scene } from 'phaser';
import { publish } from '../testHook';
import { COLORS } from '../theme';

const BAR_WIDTH = 480;
const BAR_HEIGHT = 14;

/**
 * Loads the game's assets while drawing a progress bar from the loader's own progress events.
 * There are no assets yet, so the loader finishes at once and the bar is seen only briefly.
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

    const frame = this.add.graphics();
    frame.lineStyle(2, COLORS.landEdge, 1);
    frame.strokeRoundedRect(x - 4, y - 4, BAR_WIDTH + 8, BAR_HEIGHT + 8, 6);

    const fill = this.add.graphics();
    this.load.on('progress', (progress: number) => {
      fill.clear();
      fill.fillStyle(COLORS.gold, 1);
      fill.fillRect(x, y, BAR_WIDTH * progress, BAR_HEIGHT);
    });
  }

  preload(): void {
    // Assets are queued here (this.load.image(...), audio, scenario files) once the game has any.
  }

  create(): void {
    this.scene.start('Title');
  }
}
