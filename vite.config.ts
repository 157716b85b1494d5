import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy as policy, FRAME_POLICY, SCENARIO_HOSTS_VARIABLE, scenarioHostsFrom } from './src/server/contentSecurityPolicy';
import { shippedScenarios } from './tools/vite-scenarios';

/**
 * One policy on every server (src/server/contentSecurityPolicy.ts): the build writes it into the
 * page as a meta tag, with the scenario hosts named in CYD_SCENARIO_HOSTS; `vite preview` sends the
 * same as a header, with frame-ancestors; the dev server sends its development form (Vite injects
 * CSS as inline <style>, and the class server listens on another port).
 */
function contentSecurityPolicy(): Plugin {
  const production = policy({ scenarioHosts: scenarioHostsFrom(process.env[SCENARIO_HOSTS_VARIABLE]) });
  const development = `${policy({ scenarioHosts: scenarioHostsFrom(process.env[SCENARIO_HOSTS_VARIABLE]), dev: { classServer: process.env.VITE_CLASS_SERVER } })}; ${FRAME_POLICY}`;
  return {
    name: 'cyd:content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(_html, context) {
        // The dev server's page gets the header instead: its meta tag would block Vite's own styles.
        if (context.server) return [];
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: production }, injectTo: 'head-prepend' }];
      },
    },
    configureServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', development);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', `${production}; ${FRAME_POLICY}`);
        next();
      });
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
  plugins: [
    contentSecurityPolicy(),
    shippedScenarios(fileURLToPath(new URL('./scenarios/', import.meta.url))),
    // Offline play (src/ui/offline.ts registers it; no inline script, so the CSP holds). Everything a
    // game needs is precached: the shell, the shipped scenarios, the map, the fonts of all three
    // languages (about 0.5 MB: a class switches language offline too) and the sounds.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Close Yet Distant',
        short_name: 'Close Yet Distant',
        description: 'A classroom diplomacy simulation of Japan–South Korea relations, drawn from five essays.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0b1622',
        theme_color: '#0b1622',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // Sounds: the Ogg files only (src/audio/player.ts, AUDIO_FORMATS), or every install would
        // download both formats; a browser that falls back to MP3 keeps the MP3 files it played.
        globPatterns: ['**/*.{js,css,html,json,svg,woff2,ogg,webmanifest}'],
        runtimeCaching: [{ urlPattern: /\.mp3$/, handler: 'CacheFirst', options: { cacheName: 'cyd-sounds-mp3' } }],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The Phaser chunk is the largest file, about 1.4 MB: under this bound, with room.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
    }),
  ],
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
