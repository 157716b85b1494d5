import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { shippedScenarios } from './tools/vite-scenarios';

/**
 * The Content-Security-Policy the shipped game runs under. No 'unsafe-inline', no 'unsafe-eval':
 * Phaser 4 sets styles through the CSSOM (allowed) and its default textures are data: images.
 * `form-action`, `base-uri` and `object-src` close the usual gaps; `frame-ancestors` cannot be set
 * from a meta tag (it would need an HTTP header from the host).
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

/**
 * Adds the CSP meta tag to the production build only. Vite's dev server injects CSS as inline
 * <style> elements and runs its HMR client, which this policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cyd:content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [contentSecurityPolicy(), shippedScenarios(fileURLToPath(new URL('./scenarios/', import.meta.url)))],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: false,
  },
  build: {
    target: 'es2022',
    // Phaser alone is ~1.4 MB minified; it lives in its own long-cached chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Rolldown's replacement for Rollup's manualChunks (`advancedChunks` is its deprecated name).
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});
