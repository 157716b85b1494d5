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

const PHASER_SOURCES = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));

/**
 * Phaser built from its own sources with only what the world uses (src/world/phaser.ts): its build
 * flags, as its webpack config sets them with `typeof FLAG`, and two narrowings of what its WebGL
 * renderer loads. WebGL only (src/world/index.ts asks for it; the Canvas renderer is deprecated), no
 * sound (howler plays it), no 3D camera, no Facebook Instant Games, no debug.
 */
function phaserBuild(): Plugin {
  const flags: Record<string, boolean> = {
    WEBGL_RENDERER: true,
    CANVAS_RENDERER: false,
    WEBGL_DEBUG: false,
    FEATURE_SOUND: false,
    PLUGIN_CAMERA3D: false,
    PLUGIN_FBINSTANT: false,
    EXPERIMENTAL: false,
  };
  // Render nodes are made on first use (RenderNodeManager.getNode), so those of things the world never
  // draws can be left out: filters, tiles and tilemaps, tile sprites, meshes, lights, strips and
  // triangles (Graphics). A game object or filter of these kinds would then draw nothing and fail.
  const unusedNodes =
    /require\('\.\/((filters\/Filter|submitter\/SubmitterTile|texturer\/TexturerTileSprite|transformer\/TransformerTile)\w*|submitter\/SubmitterMeshToQuad|transformer\/TransformerVertex|BatchHandler(PointLight|Strip|TileSprite|Tri|TriFlat))'\)/g;
  return {
    name: 'cyd:phaser-build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(PHASER_SOURCES)) return null;
      let out = code.replace(/typeof (WEBGL_RENDERER|CANVAS_RENDERER|WEBGL_DEBUG|FEATURE_SOUND|PLUGIN_CAMERA3D|PLUGIN_FBINSTANT|EXPERIMENTAL)\b/g, (_, flag: string) => String(flags[flag]));
      // The batch handler reads only the renderer's events from the whole renderer namespace, which
      // would bring every render node and shader with it.
      if (id.endsWith('/renderNodes/BatchHandler.js')) out = out.replace("require('../../../renderer')", "{ Events: require('../../events') }");
      if (id.endsWith('/renderNodes/RenderNodeManager.js')) out = out.replace(unusedNodes, 'null');
      return { code: out, map: null };
    },
  };
}

/** Under the development server, src/world/phaser.dev.ts stands in for src/world/phaser.ts (see there why). */
function phaserForDevelopment(): Plugin {
  const built = fileURLToPath(new URL('./src/world/phaser.ts', import.meta.url));
  const whole = fileURLToPath(new URL('./src/world/phaser.dev.ts', import.meta.url));
  return {
    name: 'cyd:phaser-dev',
    apply: 'serve',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== './phaser' || importer === undefined) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === built ? whole : null;
    },
  };
}

export default defineConfig({
  base: './',
  resolve: {
    alias: [
      // Phaser's own sources (src/world/phaser.ts; the package exports only its dist build).
      { find: /^phaser-src\//, replacement: PHASER_SOURCES },
      // colyseus.js decodes with msgpackr, whose default build probes for eval at load (a CSP
      // violation under our policy, caught, then unused); its own no-eval build decodes the same.
      { find: /^@colyseus\/msgpackr$/, replacement: fileURLToPath(new URL('./node_modules/@colyseus/msgpackr/dist/index-no-eval.min.js', import.meta.url)) },
    ],
  },
  plugins: [
    phaserBuild(),
    phaserForDevelopment(),
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
        // Well above the largest files (Phaser's chunk and the checker's worker, each under 0.5 MB).
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
    // Phaser (src/world/phaser.ts) is ~0.5 MB minified; it lives in its own long-cached chunk.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Rolldown's replacement for Rollup's manualChunks (`advancedChunks` is its deprecated name).
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/](phaser|eventemitter3)[\\/]/ }],
        },
      },
    },
  },
});
