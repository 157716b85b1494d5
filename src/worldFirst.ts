/**
 * Starts the world before the rest of the page's modules are evaluated. main.ts imports this module
 * first, so Phaser's boot (decoding its textures, compiling its shaders, the first frame) overlaps
 * the evaluation of the screens, the store and the strings instead of following it.
 */
import { startWorld } from './world';

export const world = startWorld('world');
