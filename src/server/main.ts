/**
 * `npm start`: the built game and the class server on one port, with the join address and a QR code
 * printed for the class. Options (each also from the environment):
 *   --host H     where to listen (HOST; default 127.0.0.1, this machine only; 0.0.0.0 for the school network)
 *   --port N     (PORT; default 8080)
 *   --data DIR   where the SQLite file lives (DATA_DIR; default ./data)
 *   --site DIR   the built game to serve (default ./dist, which `npm start` builds)
 *   --no-site    the class server alone (the dev setup, where Vite serves the page)
 *   DATABASE_URL postgres://… to keep games in PostgreSQL (needed for more than one process)
 *   REDIS_URL    redis://… to matchmake across processes (with DATABASE_URL)
 *   CLASS_PROCESS this process's name in the games' leases (default: host:port; keep it the same across restarts)
 */
import { existsSync, mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import type { Presence, matchMaker } from '@colyseus/core';
import { startClassServer } from './classServer';
import { GameStore } from './gameStore';
import { loadShippedScenarios } from './scenarios';

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    data: { type: 'string', default: process.env.DATA_DIR ?? 'data' },
    site: { type: 'string', default: 'dist' },
    'no-site': { type: 'boolean', default: false },
    'dev-origin': { type: 'string', multiple: true, default: [] },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number (0–65535).`);
const siteRoot = values['no-site'] ? null : resolve(values.site);
if (siteRoot && !existsSync(join(siteRoot, 'index.html'))) fail(`There is no built game in ${values.site}/. Run \`npm run build\` first (\`npm start\` does).`);

const databaseUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
if (redisUrl && !databaseUrl) fail('REDIS_URL is set without DATABASE_URL: processes sharing games must share a PostgreSQL database too.');
if (redisUrl && port === 0) fail('With REDIS_URL, give this process a real --port: the other processes send devices to it at that port.');

if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) fail(`DATABASE_URL is not a PostgreSQL address (postgres://user@host:5432/database): ${databaseUrl.slice(0, 80)}`);
if (!databaseUrl) mkdirSync(values.data, { recursive: true });
const store = await GameStore.open(databaseUrl, join(values.data, 'class.sqlite'));

let presence: Presence | undefined;
let driver: matchMaker.MatchMakerDriver | undefined;
if (redisUrl) {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  presence = new RedisPresence(redisUrl);
  driver = new RedisDriver(redisUrl);
}

const owner = process.env.CLASS_PROCESS ?? `${values.host}:${port}`;
const server = await startClassServer({
  store,
  scenarios: loadShippedScenarios(),
  siteRoot,
  host: values.host,
  port,
  owner,
  ...(process.env.CLASS_LEASE_MS && { leaseMs: Number(process.env.CLASS_LEASE_MS) }),
  ...(presence && { presence }),
  ...(driver && { driver }),
  ...(redisUrl && { publicAddress: `${values.host === '0.0.0.0' ? (lanAddresses()[0] ?? '127.0.0.1') : values.host}:${port}` }),
  devOrigins: values['dev-origin'],
});

/** The addresses other devices on the network reach this machine at. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

const everywhere = values.host === '0.0.0.0' || values.host === '::';
const joinUrls = everywhere ? lanAddresses().map((a) => `http://${a}:${server.port}/`) : [`${server.url}/`];
console.log(`Close Yet Distant is running: ${server.url}/ (${databaseUrl ? 'PostgreSQL' : `games kept in ${join(values.data, 'class.sqlite')}`}${redisUrl ? ', Redis' : ''})`);
if (!everywhere) console.log('Only this machine can reach it. For a class on the school network: npm start -- --host 0.0.0.0');
for (const url of joinUrls) {
  console.log(`\nTeams join at ${url}`);
  if (siteRoot) console.log(await QRCode.toString(url, { type: 'terminal', small: true }));
}
console.log('Stop with Ctrl+C. Games are kept: start again and teams rejoin where they were.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
