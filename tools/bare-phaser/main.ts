/**
 * The bench's reference page (npm run bench): the same Phaser 4 the game ships, one scene, one
 * text and twelve tweening bars, configured as the game's world is (WebGL, no antialias, full
 * window). The game's boot and frame rate are reported as ratios to this page, measured side by
 * side in the same Chromium, so a busy machine slows both alike.
 */
import { AUTO, Game, Scale, Scene } from 'phaser';

declare global {
  interface Window {
    __bare?: { ready: boolean; framesDrawn: number };
  }
}

const BARS = 12;

class Bars extends Scene {
  constructor() {
    super('Bars');
  }

  create(): void {
    this.add.text(32, 24, 'Bare Phaser 4', { fontFamily: 'sans-serif', fontSize: '28px', color: '#f4f1ea' });
    for (let i = 0; i < BARS; i++) {
      const y = 90 + i * 48;
      this.add.rectangle(32, y, 320, 14, 0x2a3a5e).setOrigin(0, 0);
      const fill = this.add.rectangle(32, y, 320, 14, 0xf2c14e).setOrigin(0, 0);
      fill.scaleX = 0.2;
      // Each bar keeps tweening back and forth, as the game's meters do at the start of a turn.
      this.tweens.add({ targets: fill, scaleX: 0.9, duration: 900 + i * 40, yoyo: true, repeat: -1, ease: 'Cubic.easeOut' });
    }
    this.game.events.on('postrender', () => {
      if (window.__bare) {
        window.__bare.framesDrawn += 1;
        return;
      }
      // Timed by the page, as the game times its own ready (src/testHook.ts).
      performance.mark('bare:ready');
      window.__bare = { ready: true, framesDrawn: 1 };
    });
  }
}

new Game({
  type: AUTO,
  parent: 'world',
  backgroundColor: '#0b1020',
  antialiasGL: false,
  roundPixels: true,
  input: { keyboard: false, mouse: false, touch: false, gamepad: false },
  banner: false,
  audio: { noAudio: true },
  scale: { mode: Scale.RESIZE, width: '100%', height: '100%' },
  scene: [Bars],
});
