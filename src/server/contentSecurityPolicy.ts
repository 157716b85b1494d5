/**
 * The Content-Security-Policy the shipped game runs under (the build writes it into index.html). No 'unsafe-inline', no 'unsafe-eval':
 * Phaser 4 sets styles through the CSSOM (allowed) and its default textures are data: images.
 * `form-action`, `base-uri` and `object-src` close the usual gaps; `frame-ancestors` cannot be set
 * from a meta tag: the game's own server sends it as a header (FRAME_POLICY).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  // https: lets an instructor's ?scenario=URL fetch a file from another site (src/ui/library/address.ts).
  // Fetched text is only ever checked as a scenario, never run; plain http stays out.
  "connect-src 'self' https:",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** What only a header can say: no other site may frame the game (a click-jacked Seal and pass). */
export const FRAME_POLICY = "frame-ancestors 'none'";
