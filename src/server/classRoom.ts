/**
 * A class's dashboard room: the instructor's devices join it with the instructor key. It holds a
 * summary of every game of the class and hears each game's changes on the class's presence channel
 * (Redis pub/sub when the class runs on several processes), passing each on at once. An action goes
 * to the game's own room (opened if need be, wherever it lives) through Colyseus's remote room call,
 * so the game applies it in its own order of events and stores it in its record.
 */
import { matchMaker, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import { endedGameState } from '../engine';
import type { Scenario } from '../engine/model';
import { GAME_ROOM } from '../class/protocol';
import { classRoomId, FROM_CLASS, TO_CLASS, type ActedMessage, type ClassRecord, type GameRecord, type GameSummary } from '../class/instructor';
import { actMessage, instructorJoin, messageProblem } from '../class/validate';
import { classChannel } from './classChannel';
import { gameSummary, restore } from './gameRoom';
import type { GameStore, StoredClass } from './gameStore';
import { newRateWindow, withinRate, type RateWindow } from './messageRate';
import { openRoom } from './openRoom';
import type { PerAddressLimit } from './perAddress';
import { seatSecretMatches } from './seatSecret';

export interface ClassRoomContext {
  readonly store: GameStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly wrongKeys: PerAddressLimit;
}

const MAX_INSTRUCTOR_DEVICES = 4;
/** How long a game's room has to answer an action (another process, a restore). */
const ACT_TIMEOUT_MS = 8_000;

interface InstructorUser {
  rate: RateWindow;
}

export function classRoomType(context: ClassRoomContext): new () => Room {
  return class extends ClassRoom {
    protected readonly context = context;
  };
}

abstract class ClassRoom extends Room<object, unknown, InstructorUser> {
  protected abstract readonly context: ClassRoomContext;
  override maxClients = MAX_INSTRUCTOR_DEVICES;
  private made!: StoredClass;
  private scenario!: Scenario;
  private games = new Map<string, GameSummary>();
  private readonly hear = (summary: GameSummary): void => this.gameChanged(summary);

  override async onCreate(options: { code?: unknown }): Promise<void> {
    const code = typeof options.code === 'string' ? options.code : '';
    const made = await this.context.store.loadClass(code);
    if (!made) throw new Error(`there is no class ${code}`);
    const scenario = this.context.scenarios.get(made.settings.scenario);
    if (!scenario) throw new Error(`class ${code} is of scenario '${made.settings.scenario}', which this server does not have`);
    this.made = made;
    this.scenario = scenario;
    this.roomId = classRoomId(code);
    // Listening first, so a change made while the games are read is not missed (a later summary replaces an earlier one).
    await this.presence.subscribe(classChannel(code), this.hear);
    for (const game of await this.context.store.classGames(code)) if (!this.games.has(game.code)) this.games.set(game.code, await this.summaryOf(game.code));
    this.onMessage(TO_CLASS.act, (client, message: unknown) => this.gate(client, () => this.act(client, message)));
    this.onMessage(TO_CLASS.record, (client) => this.gate(client, () => this.sendRecord(client)));
    this.onMessage('*', (client, type) => client.send(FROM_CLASS.refused, { about: String(type).slice(0, 40), problem: 'the server does not know this message' }));
  }

  override onAuth(_client: Client, options: unknown, context: AuthContext): true {
    const address = String(context.ip ?? 'unknown');
    const parsed = instructorJoin.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'The request was not in the form the dashboard expects. Reload the page.');
    if (!this.context.wrongKeys.allowed(address)) throw new ServerError(429, 'Too many wrong instructor keys from this device. Wait a minute and try again.');
    if (!seatSecretMatches(parsed.data.key, this.made.instructor)) {
      this.context.wrongKeys.count(address);
      throw new ServerError(403, 'That is not this class’s instructor key. It was shown when the class was made; check what you wrote down.');
    }
    return true;
  }

  override onJoin(client: Client<InstructorUser>): void {
    client.userData = { rate: newRateWindow(this.context.now()) };
    client.send(FROM_CLASS.picture, { code: this.made.code, settings: this.made.settings, games: [...this.games.values()] });
  }

  override async onDispose(): Promise<void> {
    await this.presence.unsubscribe(classChannel(this.made.code), this.hear);
  }

  override onUncaughtException(error: Error, methodName: string): void {
    this.context.log(`${this.roomId}: ${methodName} failed: ${error.stack ?? error.message}`);
  }

  /** A live game's summary from its room (wherever it is), else from the store. */
  private async summaryOf(code: string): Promise<GameSummary> {
    const [live] = await matchMaker.query({ roomId: code });
    if (live) {
      try {
        return await matchMaker.remoteRoomCall<GameSummary>(code, 'summary', [], 2_000);
      } catch {
        // Gone meanwhile (or its process is): the store has it.
      }
    }
    const stored = await this.context.store.load(code);
    if (!stored) throw new Error(`class ${this.made.code} lists game ${code}, which is not stored`);
    return gameSummary(restore(this.scenario, stored), { tokyo: 'empty', seoul: 'empty' }, null, this.context.now());
  }

  private gameChanged(summary: GameSummary): void {
    const added = !this.games.has(summary.code);
    this.games.set(summary.code, summary);
    if (added) this.broadcast(FROM_CLASS.picture, { code: this.made.code, settings: this.made.settings, games: [...this.games.values()] });
    else this.broadcast(FROM_CLASS.game, summary);
  }

  private gate(client: Client<InstructorUser>, run: () => Promise<void>): void {
    const user = client.userData;
    if (!user) return;
    if (!withinRate(user.rate, this.context.now())) return void client.send(FROM_CLASS.refused, { about: 'message', problem: 'Too many actions at once. Wait a few seconds.' });
    run().catch((e: unknown) => {
      this.onUncaughtException(e instanceof Error ? e : new Error(String(e)), 'onMessage');
      client.send(FROM_CLASS.refused, { about: 'message', problem: 'The server could not do that just now. Try again.' });
    });
  }

  private async act(client: Client, message: unknown): Promise<void> {
    const parsed = actMessage.safeParse(message);
    if (!parsed.success) return void client.send(FROM_CLASS.refused, { about: TO_CLASS.act, problem: `The action was not in the form the server expects (${messageProblem(parsed.error)}).` });
    const { action } = parsed.data;
    const targets = parsed.data.games === 'all' ? [...this.games.keys()] : parsed.data.games;
    const results = await Promise.all(
      targets.map(async (game) => {
        if (!this.games.has(game)) return { game, problem: `game ${game} is not one of this class’s` };
        try {
          await openRoom(GAME_ROOM, game, { code: game }, this.context.log);
          const problem = await matchMaker.remoteRoomCall<string | null>(game, 'instruct', [action], ACT_TIMEOUT_MS);
          return { game, problem };
        } catch (e) {
          return { game, problem: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
    client.send(FROM_CLASS.acted, { action, results } satisfies ActedMessage);
  }

  /** The whole class, every game's record: for the class debrief and the exports. */
  private async sendRecord(client: Client): Promise<void> {
    const games: GameRecord[] = [];
    for (const code of this.games.keys()) {
      const stored = await this.context.store.load(code);
      if (!stored) continue;
      const live = restore(this.scenario, stored);
      games.push({
        code,
        claimed: { tokyo: stored.seats.tokyo !== undefined, seoul: stored.seats.seoul !== undefined },
        states: live.states.map(endedGameState),
        reports: live.reports,
        actions: stored.actions,
        memos: stored.memos,
        answers: stored.answers,
      });
    }
    client.send(FROM_CLASS.record, { code: this.made.code, settings: this.made.settings, games } satisfies ClassRecord);
  }
}
