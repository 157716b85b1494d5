/**
 * A class game's room: the engine runs here, on the server, for one game. The room keeps the engine's
 * plain state (no Colyseus Schema) and sends each seat its own copy. Orders are sealed here and never
 * leave the room; a team learns only that the other side has sealed. Everything is written to the
 * game store before any device hears of it, so a restart loses nothing a team was told.
 *
 * The room is a live copy of a stored game: it is made when a device asks for the game (the class
 * API opens it), it goes away when no one has been in it for a while, and it is made again from the
 * store the next time. The lease in the store keeps two processes from holding the same game.
 */
import { Room, ServerError, type AuthContext, type Client, type Delayed } from '@colyseus/core';
import { endedGameState, newGame, orderProblems, resolveTurn, seatReport, seatState, stateHash, type GameState, type Orders, type SideOrders, type TurnReport } from '../engine';
import { SIDES, type Scenario, type Side } from '../engine/model';
import { CLOSE_REPLACED, SEAT_NAMES, TO_SEAT, TO_SERVER, type ClassView, type Refusal, type SeatName, type SeatPresence } from '../class/protocol';
import { joinOptions, messageProblem, sealMessage, unsealMessage } from '../class/validate';
import type { GameStore, StoredGame } from './gameStore';
import type { PerAddressLimit } from './perAddress';
import { seatSecretMatches } from './seatSecret';

/** What every room of a server shares. */
export interface RoomContext {
  readonly store: GameStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  /** This process's name in the leases. */
  readonly owner: string;
  readonly leaseMs: number;
  /** How long a dropped team's seat is held for the same connection. */
  readonly reconnectSeconds: number;
  /**
   * A timed turn: at zero each team's device submits its choices as they stand; a team whose device
   * is gone has its turn sealed with no decisions this long after, so the class is not held up.
   */
  readonly timerGraceMs: number;
  readonly now: () => number;
  readonly log: (line: string) => void;
  /** Wrong keys a device's address has offered lately: past the limit, it is refused for a while. */
  readonly wrongKeys: PerAddressLimit;
}

const MAX_OBSERVERS = 8;
/** A device may send this many messages in each window; a burst past it is refused, not queued. */
const MESSAGES_PER_WINDOW = 20;
const MESSAGE_WINDOW_MS = 5_000;

interface SeatUser {
  seat: SeatName;
  /** How many of the game's reports this device has been sent. */
  reportsSent: number;
  window: number;
  sent: number;
}

interface Live {
  scenario: Scenario;
  stored: StoredGame;
  state: GameState;
  reports: TurnReport[];
  /** states[0] is turn 1 as it opened; states[i] follows report i (the last is `state`). */
  states: GameState[];
  sealed: Partial<Record<Side, SideOrders>>;
}

/** The room type of a server, bound to what its rooms share. */
export function gameRoomType(context: RoomContext): new () => Room {
  return class extends GameRoom {
    protected readonly context = context;
  };
}

abstract class GameRoom extends Room<object, unknown, SeatUser> {
  protected abstract readonly context: RoomContext;
  override maxClients = SIDES.length + MAX_OBSERVERS;
  private live!: Live;
  /** Writes and resolutions one at a time, in arrival order: the store sees what the teams saw. */
  private queue: Promise<void> = Promise.resolve();
  private seatPresence: Record<Side, SeatPresence> = { tokyo: 'empty', seoul: 'empty' };
  /** When the turn's time runs out, by the server's clock (a restart gives the turn its full time again). */
  private turnEndsAt: number | null = null;
  private turnTimer: Delayed | null = null;

  override async onCreate(options: { code?: unknown }): Promise<void> {
    const { store, scenarios, owner, leaseMs, now } = this.context;
    const code = typeof options.code === 'string' ? options.code : '';
    const stored = await store.load(code);
    if (!stored) throw new Error(`there is no class game ${code}`);
    const scenario = scenarios.get(stored.scenario);
    if (!scenario) throw new Error(`game ${code} is of scenario '${stored.scenario}', which this server does not have`);
    if (!(await store.lease(code, owner, now(), leaseMs))) throw new Error(`game ${code} is held by another server process`);
    this.roomId = code;
    this.live = restore(scenario, stored);
    // A timed turn the store already has a clock for (a restart, or another process's game) keeps its time.
    const kept = stored.deadline && stored.deadline.turn === this.live.state.turn ? stored.deadline.endsAt : undefined;
    await this.startTurnClock(kept);
    await this.setMetadata({ scenario: stored.scenario });
    // Renewed well before it runs out; a lease lost (this process stalled and another took the game) closes the room.
    this.clock.setInterval(() => void this.renewLease(), Math.max(250, Math.floor(leaseMs / 3)));
    this.onMessage(TO_SERVER.view, (client) => this.gate(client, TO_SERVER.view, () => this.sendView(client, this.viewFor(client.userData!.seat, 0))));
    this.onMessage(TO_SERVER.seal, (client, message: unknown) => this.gate(client, TO_SERVER.seal, () => this.seal(client, message)));
    this.onMessage(TO_SERVER.unseal, (client, message: unknown) => this.gate(client, TO_SERVER.unseal, () => this.unseal(client, message)));
    this.onMessage('*', (client, type) => this.refuse(client, String(type).slice(0, 40), 'the server does not know this message'));
  }

  override onAuth(_client: Client<SeatUser>, options: unknown, context: AuthContext): { seat: SeatName; takeover: boolean } {
    const address = String(context.ip ?? 'unknown');
    const parsed = joinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'The join request was not in the form the game expects. Reload the page and join again.');
    if (!this.context.wrongKeys.allowed(address)) throw new ServerError(429, 'Too many wrong seat keys from this device. Wait a minute, then check the key on the instructor’s screen.');
    const seats = this.live.stored.seats;
    const seat = SEAT_NAMES.find((s) => seats[s] !== undefined && seatSecretMatches(parsed.data.key, seats[s]));
    if (!seat) {
      this.context.wrongKeys.count(address);
      throw new ServerError(403, 'That seat key is not one of this game’s. Check the code and the key on the instructor’s screen, or scan the seat’s QR code.');
    }
    const takeover = parsed.data.takeover === true;
    if (seat !== 'observer' && this.holder(seat) && !takeover)
      throw new ServerError(409, `The ${seat} seat is in use on another device. If that device is gone or frozen, join again and choose “Take over this seat”.`);
    return { seat, takeover };
  }

  override onJoin(client: Client<SeatUser>, _options: unknown, auth: { seat: SeatName; takeover: boolean }): void {
    const { seat } = auth;
    if (seat !== 'observer') {
      const old = this.holder(seat, client);
      if (old) {
        old.send(TO_SEAT.replaced, { seat });
        old.leave(CLOSE_REPLACED);
      }
      this.seatPresence[seat] = 'connected';
    }
    client.userData = { seat, reportsSent: 0, window: this.context.now(), sent: 0 };
    this.context.log(`game ${this.roomId}: ${seat} joined`);
    // The newcomer asks for its view once its handlers are wired (a message sent now could arrive first); the others hear the seat change.
    this.sendViews(client);
  }

  override async onLeave(client: Client<SeatUser>, consented: boolean): Promise<void> {
    const seat = client.userData?.seat;
    if (!seat || seat === 'observer') return;
    if (this.holder(seat, client)) return; // replaced by another device: the seat is still held
    this.seatPresence[seat] = 'away';
    this.sendViews();
    if (consented) return;
    try {
      await this.allowReconnection(client, this.context.reconnectSeconds);
      this.seatPresence[seat] = 'connected';
      this.sendViews();
    } catch {
      // Held no longer: the team rejoins with its key (its sealed orders are kept).
    }
  }

  override async onDispose(): Promise<void> {
    await this.queue;
    await this.context.store.release(this.roomId, this.context.owner);
  }

  override onUncaughtException(error: Error, methodName: string): void {
    // One room's fault is logged and stays in that room: the process and the other games go on.
    this.context.log(`game ${this.roomId}: ${methodName} failed: ${error.stack ?? error.message}`);
  }

  /** The connected device holding a team seat, other than `except`. */
  private holder(seat: Side, except?: Client): Client<SeatUser> | undefined {
    return this.clients.find((c) => c !== except && c.userData?.seat === seat);
  }

  /** Runs a device's message within its rate, after the writes before it. */
  private gate(client: Client<SeatUser>, about: string, run: () => void | Promise<void>): void {
    const user = client.userData;
    if (!user) return;
    const now = this.context.now();
    if (now - user.window > MESSAGE_WINDOW_MS) {
      user.window = now;
      user.sent = 0;
    }
    if (++user.sent > MESSAGES_PER_WINDOW) return this.refuse(client, about, 'Too many messages at once. Wait a few seconds and try again.');
    this.queue = this.queue.then(run).catch((e: unknown) => {
      this.onUncaughtException(e instanceof Error ? e : new Error(String(e)), 'onMessage');
      this.refuse(client, about, 'The server could not do that just now. Try again; if it keeps failing, tell the instructor.');
    });
  }

  private refuse(client: Client, about: string, problem: string): void {
    client.send(TO_SEAT.refused, { about, problem } satisfies Refusal);
  }

  private teamSide(client: Client<SeatUser>, about: string): Side | null {
    const seat = client.userData!.seat;
    if (seat !== 'observer') return seat;
    this.refuse(client, about, 'An observer watches the game; only the two teams give orders.');
    return null;
  }

  private turnProblem(turn: number): string | null {
    const { state } = this.live;
    if (state.ending) return `The game has ended (after turn ${state.ending.turn}); there are no more orders to give.`;
    if (turn !== state.turn) return `Those orders are for turn ${turn}, but the game is at turn ${state.turn}. The screen now shows turn ${state.turn}.`;
    return null;
  }

  private async seal(client: Client<SeatUser>, message: unknown): Promise<void> {
    const side = this.teamSide(client, TO_SERVER.seal);
    if (!side) return;
    const parsed = sealMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, TO_SERVER.seal, `The orders were not in the form the game expects (${messageProblem(parsed.error)}).`);
    const { turn, orders } = parsed.data;
    const late = this.turnProblem(turn);
    if (late) return this.refuse(client, TO_SERVER.seal, late);
    const { scenario, state, stored } = this.live;
    const none: SideOrders = { decisions: [] };
    const problems = orderProblems(scenario, state, { tokyo: none, seoul: none, [side]: orders });
    if (problems.length > 0) return this.refuse(client, TO_SERVER.seal, `The game cannot take these orders: ${problems.join('; ')}.`);
    await this.context.store.seal(stored.code, turn, side, orders);
    this.live.sealed = { ...this.live.sealed, [side]: orders };
    const { tokyo, seoul } = this.live.sealed;
    if (tokyo && seoul) await this.resolve(turn, { tokyo, seoul }, 'resolved');
    this.sendViews();
  }

  private async unseal(client: Client<SeatUser>, message: unknown): Promise<void> {
    const side = this.teamSide(client, TO_SERVER.unseal);
    if (!side) return;
    const parsed = unsealMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, TO_SERVER.unseal, `The request was not in the form the game expects (${messageProblem(parsed.error)}).`);
    const late = this.turnProblem(parsed.data.turn);
    if (late) return this.refuse(client, TO_SERVER.unseal, late);
    if (!this.live.sealed[side]) return this.sendViews();
    await this.context.store.unseal(this.live.stored.code, side);
    const { [side]: _gone, ...rest } = this.live.sealed;
    this.live.sealed = rest;
    this.sendViews();
  }

  private viewFor(seat: SeatName, reportsFrom: number): ClassView {
    const { scenario, state, reports, states, sealed, stored } = this.live;
    // Once the game is over every seat may know everything (the debrief reveals what the polls hid), seed aside.
    const over = state.ending !== null;
    const copy = (s: GameState): GameState => (over ? endedGameState(s) : seatState(scenario, s, seat));
    return {
      code: stored.code,
      scenarioId: stored.scenario,
      seat,
      state: copy(state),
      reports: reports.slice(reportsFrom).map((r) => (over ? r : seatReport(scenario, r, seat))),
      reportsFrom,
      states: states.slice(reportsFrom === 0 ? 0 : reportsFrom + 1).map(copy),
      sealed: { tokyo: sealed.tokyo !== undefined, seoul: sealed.seoul !== undefined },
      own: seat === 'observer' ? null : (sealed[seat] ?? null),
      seats: { ...this.seatPresence },
      turnSeconds: stored.turnSeconds,
      timeLeftMs: this.turnEndsAt === null ? null : Math.max(0, this.turnEndsAt - this.context.now()),
    };
  }

  private sendView(client: Client<SeatUser>, view: ClassView): void {
    client.send(TO_SEAT.view, view);
    client.userData!.reportsSent = view.reportsFrom + view.reports.length;
  }

  /** Every wired device's view (one copy per seat and starting report), except `except`, which has not asked yet. */
  private sendViews(except?: Client): void {
    const views = new Map<string, ClassView>();
    for (const client of this.clients) {
      const user = client.userData;
      if (!user || client === except) continue;
      // The game's end reveals its past too: the whole of it, to every seat.
      if (this.live.state.ending) user.reportsSent = 0;
      const key = `${user.seat}:${user.reportsSent}`;
      if (!views.has(key)) views.set(key, this.viewFor(user.seat, user.reportsSent));
      this.sendView(client, views.get(key)!);
    }
  }

  /** The turn's clock, from `endsAt` (a clock kept in the store) or its full time from now; stored before anyone is told. */
  private async startTurnClock(endsAt?: number): Promise<void> {
    this.turnTimer?.clear();
    this.turnTimer = null;
    const seconds = this.live.stored.turnSeconds;
    const running = seconds !== null && !this.live.state.ending;
    const turn = this.live.state.turn;
    this.turnEndsAt = running ? (endsAt ?? this.context.now() + seconds * 1000) : null;
    if (endsAt === undefined && seconds !== null) await this.context.store.setDeadline(this.live.stored.code, this.turnEndsAt === null ? null : { turn, endsAt: this.turnEndsAt });
    if (this.turnEndsAt === null) return;
    this.turnTimer = this.clock.setTimeout(
      () => {
        this.queue = this.queue.then(() => this.sealForAbsent(turn)).catch((e: unknown) => this.onUncaughtException(e instanceof Error ? e : new Error(String(e)), 'setTimeout'));
      },
      Math.max(0, this.turnEndsAt - this.context.now()) + this.context.timerGraceMs,
    );
  }

  /** The turn's time and its grace are over: a side that has not sealed gives no decisions. */
  private async sealForAbsent(turn: number): Promise<void> {
    if (this.live.state.turn !== turn || this.live.state.ending) return;
    const { stored } = this.live;
    const missing = SIDES.filter((s) => !this.live.sealed[s]);
    if (missing.length === 0) return;
    const sealed = { ...this.live.sealed };
    for (const side of missing) {
      sealed[side] = { decisions: [] };
      await this.context.store.seal(stored.code, turn, side, sealed[side]);
    }
    await this.resolve(turn, { tokyo: sealed.tokyo!, seoul: sealed.seoul! }, `timed out (${missing.join(' and ')} gave no orders)`);
    this.sendViews();
  }

  /** Resolves the turn with both sides' orders, stored before anyone hears of it; the next turn's clock starts. */
  private async resolve(turn: number, orders: Orders, how: string): Promise<void> {
    const { scenario, state, stored } = this.live;
    const next = resolveTurn(scenario, state, orders);
    await this.context.store.recordTurn(stored.code, { turn, orders, stateHash: stateHash(next.state), snapshot: next.state }, next.state.ending !== null);
    this.live = { ...this.live, state: next.state, reports: [...this.live.reports, next.report], states: [...this.live.states, next.state], sealed: {} };
    this.context.log(`game ${stored.code}: turn ${turn} ${how}`);
    await this.startTurnClock();
  }

  private async renewLease(): Promise<void> {
    const { store, owner, leaseMs, now, log } = this.context;
    if (await store.lease(this.roomId, owner, now(), leaseMs)) return;
    log(`game ${this.roomId}: another process holds it now; this copy closes`);
    await this.disconnect();
  }
}

/** The game as stored: from the last turn's snapshot (checked against its hash), with the turn's sealed orders. */
function restore(scenario: Scenario, stored: StoredGame): Live {
  let state = newGame(scenario, stored.seed);
  const reports: TurnReport[] = [];
  const states = [state];
  // Replayed from the seed, so the reports come back too; each turn's state is checked against the hash stored with it.
  for (const turn of stored.turns) {
    const next = resolveTurn(scenario, state, turn.orders);
    if (stateHash(next.state) !== turn.stateHash) throw new Error(`game ${stored.code} does not replay: turn ${turn.turn} comes out different from what was stored`);
    state = next.state;
    reports.push(next.report);
    states.push(state);
  }
  const sealed: Partial<Record<Side, SideOrders>> = {};
  for (const side of SIDES) {
    const s = stored.sealed[side];
    if (s && s.turn === state.turn) sealed[side] = s.orders;
  }
  return { scenario, stored, state, reports, states, sealed };
}
