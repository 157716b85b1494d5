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
import {
  endedGameState,
  intervene,
  interventionProblem,
  orderProblems,
  replayGame,
  resolveTurn,
  seatReport,
  seatState,
  stateHash,
  type GameState,
  type Intervention,
  type Orders,
  type SideOrders,
  type TurnReport,
} from '../engine';
import { SIDES, type Scenario, type Side } from '../engine/model';
import { CLOSE_REPLACED, SEAT_NAMES, TO_SEAT, TO_SERVER, type ClassView, type Refusal, type SeatName, type SeatPresence } from '../class/protocol';
import { answerMessage, joinOptions, messageProblem, sealMessage, unsealMessage } from '../class/validate';
import { isReplayed, MAX_MEMO, type ActionEntry, type Answer, type GameSummary, type InstructorAction, type Memo, type MemoRule } from '../class/instructor';
import { classChannel } from './classChannel';
import type { GameStore, StoredGame } from './gameStore';
import type { PerAddressLimit } from './perAddress';
import { newRateWindow, withinRate, type RateWindow } from './messageRate';
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

interface SeatUser {
  seat: SeatName;
  /** How many of the game's reports this device has been sent. */
  reportsSent: number;
  rate: RateWindow;
}

interface Live {
  scenario: Scenario;
  stored: StoredGame;
  state: GameState;
  reports: TurnReport[];
  /** states[0] is turn 1 as it opened; states[i] follows report i (before the next turn's interventions: `state` has those). */
  states: GameState[];
  sealed: Partial<Record<Side, SideOrders>>;
  /** This turn's memos as sealed with the orders. */
  memos: Partial<Record<Side, string>>;
  actions: ActionEntry[];
  allMemos: Memo[];
  answers: Answer[];
  paused: boolean;
  pausedLeftMs: number | null;
  revealed: boolean;
}

/** What the room needs of its class (null: a game on its own). */
export interface ClassOfGame {
  readonly code: string;
  readonly memo: MemoRule;
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
  private classOf: ClassOfGame | null = null;
  /** When each team last did something (server clock; not stored: a restored room counts from its start). */
  private lastActive: Record<Side, number> = { tokyo: 0, seoul: 0 };

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
    const made = stored.classCode ? await store.loadClass(stored.classCode) : null;
    this.classOf = made ? { code: made.code, memo: made.settings.memo } : null;
    for (const side of SIDES) this.lastActive[side] = now();
    // A timed turn the store already has a clock for (a restart, or another process's game) keeps its time.
    const kept = stored.deadline && stored.deadline.turn === this.live.state.turn ? stored.deadline.endsAt : undefined;
    await this.startTurnClock(kept);
    await this.setMetadata({ scenario: stored.scenario });
    // Renewed well before it runs out; a lease lost (this process stalled and another took the game) closes the room.
    this.clock.setInterval(() => void this.renewLease(), Math.max(250, Math.floor(leaseMs / 3)));
    this.onMessage(TO_SERVER.view, (client) => this.gate(client, TO_SERVER.view, () => this.sendView(client, this.viewFor(client.userData!.seat, 0))));
    this.onMessage(TO_SERVER.seal, (client, message: unknown) => this.gate(client, TO_SERVER.seal, () => this.seal(client, message)));
    this.onMessage(TO_SERVER.unseal, (client, message: unknown) => this.gate(client, TO_SERVER.unseal, () => this.unseal(client, message)));
    this.onMessage(TO_SERVER.answer, (client, message: unknown) => this.gate(client, TO_SERVER.answer, () => this.answer(client, message)));
    this.publishSummary();
    this.onMessage('*', (client, type) => this.refuse(client, String(type).slice(0, 40), 'the server does not know this message'));
  }

  override async onAuth(_client: Client<SeatUser>, options: unknown, context: AuthContext): Promise<{ seat: SeatName; takeover: boolean }> {
    const address = String(context.ip ?? 'unknown');
    const parsed = joinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'The join request was not in the form the game expects. Reload the page and join again.');
    if (!this.context.wrongKeys.allowed(address)) throw new ServerError(429, 'Too many wrong seat keys from this device. Wait a minute, then check the key on the instructor’s screen.');
    const opens = (seats: Readonly<Record<string, string>>) => SEAT_NAMES.find((s) => seats[s] !== undefined && seatSecretMatches(parsed.data.key, seats[s]));
    let seat = opens(this.live.stored.seats);
    if (!seat && this.live.stored.classCode) {
      // The class may have handed out a seat since the room was made (on any process): the store has it.
      const seats = (await this.context.store.load(this.live.stored.code))?.seats ?? {};
      seat = opens(seats);
      if (seat) this.live.stored = { ...this.live.stored, seats };
    }
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
      this.lastActive[seat] = this.context.now();
    }
    client.userData = { seat, reportsSent: 0, rate: newRateWindow(this.context.now()) };
    this.context.log(`game ${this.roomId}: ${seat} joined`);
    // The newcomer asks for its view once its handlers are wired (a message sent now could arrive first); the others hear the seat change.
    this.sendViews(client);
    this.publishSummary();
  }

  override async onLeave(client: Client<SeatUser>, consented: boolean): Promise<void> {
    const seat = client.userData?.seat;
    if (!seat || seat === 'observer') return;
    if (this.holder(seat, client)) return; // replaced by another device: the seat is still held
    this.seatPresence[seat] = 'away';
    this.sendViews();
    this.publishSummary();
    if (consented) return;
    try {
      await this.allowReconnection(client, this.context.reconnectSeconds);
      this.seatPresence[seat] = 'connected';
      this.sendViews();
      this.publishSummary();
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
    if (!withinRate(user.rate, this.context.now())) return this.refuse(client, about, 'Too many messages at once. Wait a few seconds and try again.');
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
    if (this.live.paused) return 'The instructor has paused the game. Your orders are kept on this screen; seal them when the game goes on.';
    if (turn !== state.turn) return `Those orders are for turn ${turn}, but the game is at turn ${state.turn}. The screen now shows turn ${state.turn}.`;
    return null;
  }

  private async seal(client: Client<SeatUser>, message: unknown): Promise<void> {
    const side = this.teamSide(client, TO_SERVER.seal);
    if (!side) return;
    const parsed = sealMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, TO_SERVER.seal, `The orders were not in the form the game expects (${messageProblem(parsed.error)}).`);
    const { turn, orders } = parsed.data;
    const memo = parsed.data.memo?.trim() ?? '';
    const late = this.turnProblem(turn);
    if (late) return this.refuse(client, TO_SERVER.seal, late);
    const { scenario, state, stored } = this.live;
    const none: SideOrders = { decisions: [] };
    const problems = orderProblems(scenario, state, { tokyo: none, seoul: none, [side]: orders });
    if (problems.length > 0) return this.refuse(client, TO_SERVER.seal, `The game cannot take these orders: ${problems.join('; ')}.`);
    const rule = this.classOf?.memo;
    if (rule?.required && [...memo].length < rule.minLength)
      return this.refuse(
        client,
        TO_SERVER.seal,
        `This class asks for a memo of at least ${rule.minLength} characters with each turn's orders (yours has ${[...memo].length}). Say why you chose what you chose, then end the turn again.`,
      );
    this.lastActive[side] = this.context.now();
    if (memo !== '') await this.saveMemo(side, turn, memo);
    await this.context.store.seal(stored.code, turn, side, orders);
    this.live.sealed = { ...this.live.sealed, [side]: orders };
    this.live.memos = { ...this.live.memos, [side]: memo };
    const { tokyo, seoul } = this.live.sealed;
    if (tokyo && seoul) await this.resolve(turn, { tokyo, seoul }, 'resolved');
    this.changed();
  }

  private async saveMemo(side: Side, turn: number, text: string): Promise<void> {
    const memo: Memo = { turn, side, text: text.slice(0, MAX_MEMO), at: this.context.now() };
    await this.context.store.saveMemo(this.live.stored.code, memo);
    this.live.allMemos = [...this.live.allMemos.filter((m) => m.turn !== turn || m.side !== side), memo];
  }

  private async answer(client: Client<SeatUser>, message: unknown): Promise<void> {
    const side = this.teamSide(client, TO_SERVER.answer);
    if (!side) return;
    const parsed = answerMessage.safeParse(message);
    if (!parsed.success) return this.refuse(client, TO_SERVER.answer, `The answer was not in the form the game expects (${messageProblem(parsed.error)}).`);
    const { question, text, choice } = parsed.data;
    const asked = this.live.scenario.questions[question];
    if (!asked) return this.refuse(client, TO_SERVER.answer, `The scenario has no question ${question + 1}.`);
    if (choice !== undefined && !asked.choices?.some((c) => c.id === choice)) return this.refuse(client, TO_SERVER.answer, `Question ${question + 1} has no choice '${choice}'.`);
    const answer: Answer = { side, question, ...(text !== undefined && { text: text.trim() }), ...(choice !== undefined && { choice }), at: this.context.now() };
    this.lastActive[side] = answer.at;
    await this.context.store.saveAnswer(this.live.stored.code, answer);
    this.live.answers = [...this.live.answers.filter((a) => a.side !== side || a.question !== question), answer];
    this.changed();
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
    this.lastActive[side] = this.context.now();
    this.changed();
  }

  /** Every device and the class's dashboard hear of a change. */
  private changed(): void {
    this.sendViews();
    this.publishSummary();
  }

  /** The game as the dashboard shows it. */
  summary(): GameSummary {
    return gameSummary(this.live, this.seatPresence, this.lastActive, this.context.now());
  }

  private publishSummary(): void {
    if (this.classOf) void this.presence.publish(classChannel(this.classOf.code), this.summary());
  }

  /**
   * The instructor's action (from the class's dashboard, perhaps on another process): null when done,
   * else why not, in words. Stored in the game's record before any device hears of it.
   */
  instruct(action: InstructorAction): Promise<string | null> {
    return new Promise((resolve) => {
      this.queue = this.queue
        .then(async () => resolve(await this.act(action)))
        .catch((e: unknown) => {
          this.onUncaughtException(e instanceof Error ? e : new Error(String(e)), 'instruct');
          resolve('the server could not do that just now; try again');
        });
    });
  }

  private async act(action: InstructorAction): Promise<string | null> {
    const { store, now } = this.context;
    const { scenario, state, stored } = this.live;
    const code = stored.code;
    const record = async (): Promise<void> => {
      const entry: ActionEntry = { turn: state.turn, at: now(), action, undone: false };
      await store.recordAction(code, entry.turn, action, entry.at);
      this.live.actions = [...this.live.actions, entry];
    };
    if (state.ending && action.kind !== 'undo' && action.kind !== 'reveal') return `the game already ended after turn ${state.ending.turn}`;
    switch (action.kind) {
      case 'pause': {
        if (this.live.paused) return 'the game is already paused';
        const left = this.turnEndsAt === null ? null : Math.max(0, this.turnEndsAt - now());
        await record();
        await store.setPaused(code, true, left);
        this.live.paused = true;
        this.live.pausedLeftMs = left;
        this.stopTurnClock();
        break;
      }
      case 'resume': {
        if (!this.live.paused) return 'the game is not paused';
        await record();
        await store.setPaused(code, false, null);
        const left = this.live.pausedLeftMs;
        this.live.paused = false;
        this.live.pausedLeftMs = null;
        await this.startTurnClock(left === null ? undefined : now() + left, true);
        break;
      }
      case 'reveal':
        if (this.live.revealed === action.revealed) return action.revealed ? 'the true meters are already shown' : 'the true meters are already hidden';
        await record();
        await store.setRevealed(code, action.revealed);
        this.live.revealed = action.revealed;
        break;
      case 'undo': {
        const last = stored.turns.at(-1);
        if (!last) return 'no turn has been played yet';
        // Recorded after the undo marks what it takes back, so the undo itself stands in the record.
        await store.undoTurn(code, last.turn);
        await record();
        const again = await store.load(code);
        if (!again) return 'the game is no longer stored';
        this.live = { ...restore(scenario, again), paused: this.live.paused, pausedLeftMs: this.live.pausedLeftMs };
        for (const client of this.clients) if (client.userData) client.userData.reportsSent = 0;
        if (!this.live.paused) await this.startTurnClock();
        break;
      }
      default: {
        const problem = interventionProblem(scenario, state, action);
        if (problem !== null) return problem;
        await record();
        const done = intervene(scenario, state, action);
        if (done.state.ending) await store.setEnded(code);
        this.live = {
          ...this.live,
          state: done.state,
          ...(done.report && { reports: [...this.live.reports, done.report], states: [...this.live.states, done.state] }),
          ...(done.state.ending && { sealed: {} }),
        };
        if (done.state.ending) this.stopTurnClock();
      }
    }
    this.context.log(`game ${code}: instructor ${action.kind}`);
    this.changed();
    return null;
  }

  private viewFor(seat: SeatName, reportsFrom: number): ClassView {
    const { scenario, state, reports, states, sealed, stored } = this.live;
    // Once the game is over every seat may know everything (the debrief reveals what the polls hid), seed aside.
    // A reveal shows the teams the same: the true meters, the past included.
    const over = state.ending !== null || this.live.revealed;
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
      classCode: this.classOf?.code ?? null,
      paused: this.live.paused,
      revealed: this.live.revealed,
      memo: this.classOf?.memo ?? null,
      ownMemo: seat === 'observer' ? null : (this.live.memos[seat] ?? null),
      answers: seat === 'observer' ? [] : this.live.answers.filter((a) => a.side === seat),
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
      // The game's end (or a reveal) shows its past too: the whole of it, to every seat.
      if (this.live.state.ending || this.live.revealed) user.reportsSent = 0;
      const key = `${user.seat}:${user.reportsSent}`;
      if (!views.has(key)) views.set(key, this.viewFor(user.seat, user.reportsSent));
      this.sendView(client, views.get(key)!);
    }
  }

  private stopTurnClock(): void {
    this.turnTimer?.clear();
    this.turnTimer = null;
    this.turnEndsAt = null;
  }

  /**
   * The turn's clock, from `endsAt` (a clock kept in the store, or what a pause left) or its full time
   * from now; stored before anyone is told (unless it came from the store). None while paused.
   */
  private async startTurnClock(endsAt?: number, store = endsAt === undefined): Promise<void> {
    this.stopTurnClock();
    const seconds = this.live.stored.turnSeconds;
    const running = seconds !== null && !this.live.state.ending && !this.live.paused;
    const turn = this.live.state.turn;
    this.turnEndsAt = running ? (endsAt ?? this.context.now() + seconds * 1000) : null;
    if (store && seconds !== null && !this.live.paused) await this.context.store.setDeadline(this.live.stored.code, this.turnEndsAt === null ? null : { turn, endsAt: this.turnEndsAt });
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
    if (this.live.state.turn !== turn || this.live.state.ending || this.live.paused) return;
    const { stored } = this.live;
    const missing = SIDES.filter((s) => !this.live.sealed[s]);
    if (missing.length === 0) return;
    const sealed = { ...this.live.sealed };
    for (const side of missing) {
      sealed[side] = { decisions: [] };
      await this.context.store.seal(stored.code, turn, side, sealed[side]);
    }
    await this.resolve(turn, { tokyo: sealed.tokyo!, seoul: sealed.seoul! }, `timed out (${missing.join(' and ')} gave no orders)`);
    this.changed();
  }

  /** Resolves the turn with both sides' orders, stored before anyone hears of it; the next turn's clock starts. */
  private async resolve(turn: number, orders: Orders, how: string): Promise<void> {
    const { scenario, state, stored } = this.live;
    const next = resolveTurn(scenario, state, orders);
    await this.context.store.recordTurn(stored.code, { turn, orders, stateHash: stateHash(next.state), snapshot: next.state }, next.state.ending !== null);
    const turnRow = { turn, orders, stateHash: stateHash(next.state), snapshot: next.state };
    this.live = {
      ...this.live,
      stored: { ...stored, turns: [...stored.turns, turnRow] },
      state: next.state,
      reports: [...this.live.reports, next.report],
      states: [...this.live.states, next.state],
      sealed: {},
      memos: {},
    };
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

/** A game as the dashboard shows it: `seats` and `lastActive` are the live room's (a stored game has neither). */
export function gameSummary(live: Live, seats: Readonly<Record<Side, SeatPresence>>, lastActive: Readonly<Record<Side, number>> | null, now: number): GameSummary {
  const { scenario, state, states, sealed, stored } = live;
  const meterRow = (st: GameState) => scenario.meters.map((m) => st.meters[m.id]!);
  const rows = states.map(meterRow);
  // The current turn, with its interventions, is the last column (the last state predates them).
  if (!state.ending) rows[rows.length - 1] = meterRow(state);
  const claimed = (side: Side) => stored.seats[side] !== undefined;
  const idle = (side: Side) => (claimed(side) && lastActive ? now - lastActive[side] : null);
  return {
    code: stored.code,
    turn: state.turn,
    ending: state.ending && { id: state.ending.id, turn: state.ending.turn, byInstructor: state.ending.byInstructor === true },
    sealed: { tokyo: sealed.tokyo !== undefined, seoul: sealed.seoul !== undefined },
    claimed: { tokyo: claimed('tokyo'), seoul: claimed('seoul') },
    seats: { ...seats },
    paused: live.paused,
    revealed: live.revealed,
    meters: rows,
    idleMs: { tokyo: idle('tokyo'), seoul: idle('seoul') },
    actions: live.actions.length,
  };
}

/** The game as stored: replayed from its seed with its turns and the instructor's actions, each turn checked against its hash, with the turn's sealed orders. */
export function restore(scenario: Scenario, stored: StoredGame): Live {
  const acts = stored.actions.filter((a) => !a.undone && isReplayed(a.action)).map((a) => ({ turn: a.turn, action: a.action as Intervention }));
  const { state, reports, states } = replayGame(
    scenario,
    stored.seed,
    stored.turns.map((t) => t.orders),
    acts,
    (i, after) => {
      if (stateHash(after) !== stored.turns[i]!.stateHash) throw new Error(`game ${stored.code} does not replay: turn ${stored.turns[i]!.turn} comes out different from what was stored`);
    },
  );
  const sealed: Partial<Record<Side, SideOrders>> = {};
  const memos: Partial<Record<Side, string>> = {};
  for (const side of SIDES) {
    const s = stored.sealed[side];
    if (s && s.turn === state.turn) {
      sealed[side] = s.orders;
      memos[side] = stored.memos.find((m) => m.turn === s.turn && m.side === side)?.text ?? '';
    }
  }
  return {
    scenario,
    stored,
    state,
    reports,
    states,
    sealed,
    memos,
    actions: [...stored.actions],
    allMemos: [...stored.memos],
    answers: [...stored.answers],
    paused: stored.paused,
    pausedLeftMs: stored.pausedLeftMs,
    revealed: stored.revealed,
  };
}
