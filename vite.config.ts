import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/server/contentSecurityPolicy';
import { shippedScenarios } from './tools/vite-scenarios';

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
  resolve: {
    alias: [
      // colyseus.js decodes with msgpackr, whose default build probes for eval at load (a CSP
      // violation under our policy, caught, then unused); its own no-eval build decodes the same.
      { find: /^@colyseus\/msgpackr$/, replacement: fileURLToPath(new URL('./node_modules/@colyseus/msgpackr/dist/index-no-eval.min.js', import.meta.url)) },
    ],
  },
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
