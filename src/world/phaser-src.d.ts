/** Phaser's own CommonJS sources (src/world/phaser.ts), untyped: phaser.ts casts them to the package's types. */
declare module 'phaser-src/*' {
  const source: unknown;
  export default source;
}
