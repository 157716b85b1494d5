/** Starts the world (the Phaser canvas in #world). The page works without it: a failure is said in the console. */
import { AUTO, Game, Scale } from 'phaser';
import { World, WORLD_READY } from './World';

export function startWorld(parent: string): Promise<Game | null> {
  return new Promise((resolve) => {
    try {
      const game = new Game({
        type: AUTO,
        parent,
        backgroundColor: '#0b1020',
        // Multisampled WebGL is most of a frame's cost under software rendering (a school Chromebook without a GPU).
        antialiasGL: false,
        roundPixels: true,
        // The page handles every pointer and key: the world listens to none.
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        banner: false,
        audio: { noAudio: true },
        scale: { mode: Scale.RESIZE, width: '100%', height: '100%' },
        scene: [World],
      });
      game.events.once(WORLD_READY, () => resolve(game));
    } catch (error) {
      console.warn(`The world could not start (${String(error)}); the game plays without its map and motion.`);
      resolve(null);
    }
  });
}
