/**
 * The parts of Phaser the world uses, built from the package's own sources (`node_modules/phaser/src`,
 * CommonJS; vite.config.ts maps `phaser-src/` there and sets Phaser's build flags). The package's
 * `dist` build carries every game object, the Canvas renderer, the sound manager, the loader, tweens,
 * input plugins and physics namespaces: about 346 KB gzip, where this is about 130 KB.
 *
 * Types still come from the package (`import type`): these are the same classes.
 *
 * A scene gets only the scene plugins that registered themselves with Phaser's plugin cache, which a
 * plugin's module does as it loads: the imports below are the whole of what `this.…` offers in
 * World.ts. A new `this.add.text`, `this.tweens` or `this.load` needs its module imported here
 * (e.g. `gameobjects/text/TextFactory`, `tweens/TweenManager`, `loader/LoaderPlugin`), and a new kind of
 * game object or a filter its render nodes let through in vite.config.ts.
 */
import type * as Phaser from 'phaser';
import CONST from 'phaser-src/const';
import GameSource from 'phaser-src/core/Game';
import ScaleSource from 'phaser-src/scale';
import SceneSource from 'phaser-src/scene/Scene';
// A scene's core plugins: `this.events`, the cameras that draw the display list, the display and
// update lists, and the scene plugin (the scene manager asks it whether a scene is in transition).
import 'phaser-src/events/EventEmitter';
import 'phaser-src/cameras/2d/CameraManager';
import 'phaser-src/gameobjects/DisplayList';
import 'phaser-src/gameobjects/UpdateList';
import 'phaser-src/scene/ScenePlugin';
// `this.add.image`: the only game object the world makes (textures are made with `this.textures`, a global system).
import 'phaser-src/gameobjects/image/ImageFactory';

export const Game = GameSource as typeof Phaser.Game;
export type Game = Phaser.Game;
export const Scene = SceneSource as typeof Phaser.Scene;
export type Scene = Phaser.Scene;
export const Scale = ScaleSource as typeof Phaser.Scale;
export const WEBGL = (CONST as typeof Phaser).WEBGL;
export type { GameObjects, Textures } from 'phaser';
