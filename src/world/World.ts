/**
 * The world: one Phaser scene behind the page that draws the backdrop of each screen (the strait on
 * the title, the sea of the menus, the map as the board in play), the meters' bars with their
 * tweens, and the motion between screens. It reads src/world/stage.ts and draws into the slots the
 * DOM laid out; it holds no words and no controls.
 */
import { Scene } from 'phaser';
import { onStage, stage } from './stage';

export const WORLD_READY = 'cyd:world-ready';

export class World extends Scene {
  constructor() {
    super('World');
  }

  create(): void {
    const draw = (): void => {
      this.cameras.main.setBackgroundColor(stage().backdrop === 'board' ? '#0f1b33' : '#0b1020');
    };
    draw();
    const off = onStage(draw);
    this.events.once('shutdown', off);
    this.game.events.emit(WORLD_READY);
  }
}
