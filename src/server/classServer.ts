/**
 * The class server: one HTTP port that serves the built game, the class API and Colyseus's
 * matchmaking and WebSockets. Colyseus's transport takes the HTTP server, answers `/matchmake/…`
 * itself and hands every other request to ours, so a classroom needs one address.
 *
 * Colyseus keeps its matchmaker per process: one class server per Node process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Scenario } from '../engine/model';
import { GAME_ROOM } from '../class/protocol';
import { CLASS_ROOM } from '../class/instructor';
import { classRoomType } from './classRoom';
import { classApi } from './classApi';
import { gameRoomType } from './gameRoom';
import type { GameStore } from './gameStore';
import { perAddressLimit } from './perAddress';
import { readSite, siteHandler } from './staticSite';

export interface ClassServerOptions {
  readonly store: GameStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  /** The built game to serve (dist/), or null for the class server alone (the dev setup, where Vite serves the page). */
  readonly siteRoot: string | null;
  readonly host: string;
  readonly port: number;
  /** This process's name in the games' leases; the same name after a restart takes its games straight back. */
  readonly owner: string;
  readonly leaseMs?: number;
  readonly reconnectSeconds?: number;
  /** How long after a timed turn's zero the server seals it for a team whose device did not (default 15 s). */
  readonly timerGraceMs?: number;
  /** Scale-out: Colyseus's Redis presence and driver, so every process matchmakes for every room. */
  readonly presence?: Presence;
  readonly driver?: matchMaker.MatchMakerDriver;
  /** The address other processes reach this one at (scale-out only). */
  readonly publicAddress?: string;
  /** Origins allowed to call the API from another port (the Vite dev server). */
  readonly devOrigins?: readonly string[];
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

export interface RunningClassServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** WebSocket messages larger than this are dropped by the transport before any room reads them. */
const MAX_MESSAGE_BYTES = 64 * 1024;

export async function startClassServer(options: ClassServerOptions): Promise<RunningClassServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => console.log(line));
  const site = options.siteRoot ? siteHandler(readSite(options.siteRoot)) : null;
  const api = classApi({ store: options.store, scenarios: options.scenarios, now, log });
  const devOrigins = new Set(options.devOrigins ?? []);

  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const origin = request.headers.origin;
    if (origin && devOrigins.has(origin)) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-allow-headers', 'content-type');
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    }
    if (api(request, response)) return;
    if (site) return site(request, response);
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('This is the class server; the game is served by the dev server.');
  });

  const server = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }),
    gracefullyShutdown: false,
    greet: false,
    ...(options.presence && { presence: options.presence }),
    ...(options.driver && { driver: options.driver }),
    ...(options.publicAddress && { publicAddress: options.publicAddress }),
  });
  server.define(
    GAME_ROOM,
    gameRoomType({
      store: options.store,
      scenarios: options.scenarios,
      owner: options.owner,
      leaseMs: options.leaseMs ?? 30_000,
      reconnectSeconds: options.reconnectSeconds ?? 60,
      timerGraceMs: options.timerGraceMs ?? 15_000,
      now,
      log,
      wrongKeys: perAddressLimit(10, 60_000, now),
    }),
  );
  server.define(CLASS_ROOM, classRoomType({ store: options.store, scenarios: options.scenarios, now, log, wrongKeys: perAddressLimit(10, 60_000, now) }));
  await server.listen(options.port, options.host);
  const port = (http.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      // Rooms disconnect their devices and release their leases; the store closes after.
      await server.gracefullyShutdown(false);
      http.closeAllConnections();
    },
  };
}
