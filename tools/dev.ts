/**
 * `npm run dev`: the game from source with Vite's hot reload, and the class server beside it (on its
 * own port, which the page is told through VITE_CLASS_SERVER). `npm start` serves the built game and
 * the class server on one port instead, as a class uses it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startClassServer } from '../src/server/classServer';
import { GameStore } from '../src/server/gameStore';
import { loadShippedScenarios } from '../src/server/scenarios';

const CLASS_PORT = Number(process.env.CLASS_PORT ?? 2568);
const PAGE_ORIGIN = 'http://127.0.0.1:5173';

mkdirSync('data', { recursive: true });
const store = await GameStore.sqlite(join('data', 'dev.sqlite'));
const server = await startClassServer({ store, scenarios: loadShippedScenarios(), siteRoot: null, host: '127.0.0.1', port: CLASS_PORT, owner: 'dev', devOrigins: [PAGE_ORIGIN] });
console.log(`Class server for development: ${server.url}/ (games in data/dev.sqlite)`);

const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--open=false', '--strictPort'], { stdio: 'inherit', env: { ...process.env, VITE_CLASS_SERVER: server.url } });
const stop = async (code: number) => {
  vite.kill('SIGTERM');
  await server.close();
  await store.close();
  process.exit(code);
};
vite.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
