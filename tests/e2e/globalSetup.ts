/**
 * Once per run of the browser tests: the game built for production (as it ships, with its
 * Content-Security-Policy) into a directory of its own, and served on a free port by the class server
 * as `npm start` runs it (src/server/classServer.ts: the site, the class API and Colyseus on one port,
 * its games in a SQLite file of the run's own), so the class games' tests join games on it.
 * Every test file reads the address with `inject('gameUrl')` (see harness.ts): one build instead of
 * a dev server per file, whose first page load transforms hundreds of modules.
 *
 * Beside the game the build directory holds what some tests load from the game's own origin (so the
 * policy's 'self' allows it): axe-core for the accessibility checks, the map test page, and the
 * scenario fixtures an instructor would publish next to the game (`?scenario=fixtures/…`).
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { startClassServer } from '../../src/server/classServer';
import { GameStore } from '../../src/server/gameStore';
import { loadShippedScenarios } from '../../src/server/scenarios';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(ROOT, 'vite.config.ts');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build as the site server serves it, ending in '/'. */
    gameUrl: string;
    /** The build the server serves (for the test that starts the server as `npm start` runs it). */
    gameDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vite's note on how it loads vite.config.ts is for the config's authors, not for a test run's output.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  // Outside dist/ (a test run never replaces the build someone is about to deploy or bench), and one
  // per run: two runs at once (two people on one machine) must not rebuild under each other's server.
  const E2E_DIST = mkdtempSync(join(tmpdir(), 'cyd-e2e-'));
  await build({
    root: ROOT,
    configFile: CONFIG,
    mode: 'production',
    logLevel: 'warn',
    build: {
      outDir: E2E_DIST,
      emptyOutDir: true,
      rolldownOptions: {
        // The map test page is built beside the game, as a second page of the same build.
        input: { index: join(ROOT, 'index.html'), map: join(ROOT, 'tests/e2e/map-page/index.html') },
      },
    },
  });
  mkdirSync(join(E2E_DIST, '__e2e'), { recursive: true });
  copyFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), join(E2E_DIST, '__e2e', 'axe.min.js'));
  cpSync(join(ROOT, 'tests/fixtures/scenarios'), join(E2E_DIST, 'fixtures'), { recursive: true });

  const DATA = mkdtempSync(join(tmpdir(), 'cyd-e2e-data-'));
  const store = await GameStore.sqlite(join(DATA, 'class.sqlite'));
  const server = await startClassServer({ store, scenarios: loadShippedScenarios(), siteRoot: E2E_DIST, host: '127.0.0.1', port: 0, owner: 'e2e', reconnectSeconds: 5, log: () => undefined });
  project.provide('gameUrl', `${server.url}/`);
  project.provide('gameDist', E2E_DIST);

  return async () => {
    await server.close();
    await store.close();
    rmSync(E2E_DIST, { recursive: true, force: true });
    rmSync(DATA, { recursive: true, force: true });
  };
}
