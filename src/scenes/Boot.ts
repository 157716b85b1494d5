import { Scene } from 'phaser';
import { publish } from '../testHook';

/** First scene: nothing to load before the Preloader can draw its bar, so it hands over at once. */
export class Boot extends Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    publish({ scene: 'Boot' });
    this.scene.start('Preloader');
  }
}
