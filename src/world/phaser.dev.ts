/**
 * What src/world/phaser.ts exports, from the package's whole build: the development server serves
 * modules as they are, and Phaser's sources are CommonJS, which a browser cannot load. vite.config.ts
 * puts this module in phaser.ts's place under `npm run dev` only; every build uses phaser.ts.
 */
export { Game, Scale, Scene, WEBGL } from 'phaser';
export type { GameObjects, Textures } from 'phaser';
