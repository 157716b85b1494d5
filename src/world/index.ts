/**
 * Starts the world (the Phaser canvas in #world). The page works without it: a failure is said in the
 * console, and the screens go on.
 */
import { Game, Scale, WEBGL } from './phaser';
import { countFrameDrawn } from '../testHook';
import { World } from './World';

/** How long the page waits for the world's first frame before it goes on without (a broken GPU driver). */
const PATIENCE_MS = 8000;

/**
 * Draws a frame only when the world says something changed: a still world (the board between turns,
 * everything under reduced motion) costs no rendering at all, and the browser keeps showing the last
 * frame. Phaser's step is replaced before the loop starts (Game.start binds `this.step`); the update
 * half runs every frame either way (the camera's fade, the clock), as Phaser's own headless step does.
 */
function drawOnlyWhenChanged(game: Game, world: World, firstFrame: () => void): void {
  const step = game.step.bind(game);
  const still = game.headlessStep.bind(game);
  let drawn = false;
  game.step = (time: number, delta: number): void => {
    const changed = world.tick(time);
    if (!drawn || changed) {
      step(time, delta);
      if (!drawn && world.sys.isActive()) {
        drawn = true;
        firstFrame();
      }
    } else {
      still(time, delta);
    }
  };
}

export function startWorld(parent: string): Promise<Game | null> {
  return new Promise((resolve) => {
    const giveUp = (why: string): void => {
      console.warn(`The world could not start (${why}); the game plays without its map and motion.`);
      resolve(null);
    };
    try {
      // WEBGL, not AUTO: Phaser's fallback, the Canvas renderer, is deprecated and draws the world wrongly
      // (no tints). Without WebGL, Phaser's own test (made as it loads) fails and the constructor throws.
      const world = new World();
      const game = new Game({
        type: WEBGL,
        parent,
        // Transparent: the still layer (src/world/still.ts) and the page's ink show through where nothing moves.
        transparent: true,
        // Multisampled WebGL is most of a frame's cost under software rendering (a school Chromebook without a GPU).
        antialiasGL: false,
        roundPixels: true,
        // The page handles every pointer and key: the world listens to none.
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        banner: false,
        audio: { noAudio: true },
        // One canvas pixel per CSS pixel, the window's size: slots' boxes are game coordinates as they are.
        scale: { mode: Scale.RESIZE, width: '100%', height: '100%' },
        scene: [world],
      });
      // Phaser's postrender carries its renderer only when a frame was drawn (a headless step passes null).
      game.events.on('postrender', (renderer: unknown) => {
        if (renderer) countFrameDrawn();
      });
      const timer = setTimeout(() => giveUp(`no frame after ${PATIENCE_MS / 1000} s`), PATIENCE_MS);
      drawOnlyWhenChanged(game, world, () => {
        clearTimeout(timer);
        resolve(game);
      });
    } catch (error) {
      giveUp(String(error));
    }
  });
}
