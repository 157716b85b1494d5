/**
 * The game slice: the game being played (the session), the draft of the team at the controls, and
 * the turns. It decides nothing itself: the game authority (src/store/authority.ts) starts games,
 * resolves turns, applies the instructor's interventions and replays, and `apply` below is the one
 * place its rulings change the store, whether they come back at once (the engine in this page) or
 * later (a server). The draft's legality is the engine's (src/store/draft.ts asks it).
 */
import type { Intervention, SideOrders } from '../../engine';
import type { Side } from '../../engine/model';
import { classAuthority, type Pending, type Ruling } from '../authority';
import type { CatalogEntry } from '../catalog';
import { clockFor, resumedClock, type Clock } from '../clock';
import type { BackupInfo, LoadedGame } from '../persistence';
import { lockWithPin, sealOrders, type LockedOrders } from '../pin';
import { cards, capitalLeft, chooseResponse, stillChoosable, toggleDecision, type Card } from '../draft';
import type { Screen } from '../screens';
import { EMPTY_DRAFT, INSTRUCTOR_CLOSED, hasSealed, otherSide, type Classroom, type InstructorAction, type Session } from '../session';
import type { AppState, Kit, Slice } from './kit';
import { selectClassSeatOpen, selectMemoShort } from './classGame';
import { selectEntry } from './library';
import { moveTo, noticeAfterSave, pickOf, problemNotice } from './ui';

export interface GameSliceState {
  readonly session: Session | null;
  /** Is there a saved game the title's Continue can resume? */
  readonly canContinue: boolean;
}

export interface GameActions {
  /**
   * Starts a game from the pick (scenario, and for solo play a side, must be chosen) and shows the
   * briefing. With a PIN, once the PIN is locked (a salted hash and a key pair, src/store/pin.ts):
   * the promise settles when the game has started.
   */
  startGame(seed?: string): Promise<void>;
  /** From the briefing: the first turn (behind the hand-over screen in hot-seat). */
  beginTurn(): void;
  /** Hot-seat: the team named on the hand-over screen takes the controls; its timer starts. */
  revealTurn(): void;
  toggleDecision(id: string): void;
  respond(eventId: string, choiceId: string): void;
  /**
   * Submits the draft, from the turn screen. Solo: the authority resolves the turn with the
   * computer's orders. Hot-seat: the first team's orders are sealed and the hand-over screen calls
   * the other team; the second team's resolve the turn. Autosaves; shows the resolution once the
   * turn has resolved.
   */
  endTurn(): void;
  /** From the resolution: the next turn, or the debrief once the game has ended. */
  nextTurn(): void;
  continueSavedGame(): void;
  quitToTitle(): void;
  /** The current game as save-file text, for a download; null when no game is running, or (during a class session with a PIN) while the instructor's panel is not open. */
  exportSave(): string | null;
  /** Another tab has saved over this tab's game: said at once, not at this tab's next write (the page listens for the storage event). */
  checkSavedElsewhere(): void;
  /** Loads a save file's text the player chose; a bad file becomes a notice, the current game is kept. */
  importSave(text: string): void;
  /** The dated backups the title offers, newest first. */
  listBackups(): readonly BackupInfo[];
  /** Continues from a backup; the game it replaces is kept as a backup. A backup that cannot be read becomes a notice. */
  restoreBackup(key: string): void;
  // The instructor's interventions below work only while the panel is open, and are logged for the debrief.
  /** Fires one of the scenario's events now; null when done, else why not (the engine's words). */
  fireEvent(eventId: string): string | null;
  /** Sets a meter to a value with a written reason; null when done, else why not. */
  adjustMeter(meterId: string, value: number, reason: string): string | null;
  /** Takes back the last turn (or the instructor's ending of the game) and returns to its choices. */
  undoLastTurn(): void;
  /** Ends the game now with the ending that holds, and shows the debrief. */
  endGameNow(): void;
}

/** The session and its scenario's catalog entry. */
export interface SessionEntry {
  readonly session: Session;
  readonly entry: CatalogEntry;
}

/** Saves `session` with its scenario and the team's clock: the change to set (the session, and the notice the write leaves). */
export function saveSession(kit: Kit, session: Session, entry: CatalogEntry, clock: Clock | null = kit.get().clock): Pick<AppState, 'session' | 'notice'> {
  // A class game is kept by its server; the device keeps only its seat's key (src/ui/class/seatKeys.ts).
  if (session.mode === 'class') return { session, notice: kit.get().notice };
  return { session, notice: noticeAfterSave(kit.persistence.saveGame(session, entry, clock), kit.get().notice) };
}

/** Does the session have an instructor's PIN (locked, or a version-2 save's, being locked)? */
export const hasPin = (classroom: Classroom): boolean => classroom.pin !== null || classroom.legacyPin !== undefined;

/** Was the game paused when it was saved? The instructor's log says: its last pause or resume. */
function pausedByLog(session: Session): boolean {
  if (session.state.ending) return false;
  for (let i = session.log.length - 1; i >= 0; i--) {
    const kind = session.log[i]!.kind;
    if (kind === 'pause') return true;
    if (kind === 'resume') return false;
  }
  return false;
}

/** The session without orders sealed this turn (a turn has resolved, or been taken back). */
function withoutSealed(session: Session): Session {
  const { sealedLocked: _locked, ...rest } = session;
  return { ...rest, sealed: {} };
}

/** The session with one more entry in the instructor's log, dated to the turn being played. */
export function withLogEntry(session: Session, entry: InstructorAction): Session {
  return { ...session, log: [...session.log, { ...entry, turn: session.state.turn }] };
}

/** What the log says of an intervention made on the state it was made on. */
function logEntryOf(action: Intervention, before: Session['state']): InstructorAction {
  switch (action.kind) {
    case 'fire':
      return { kind: 'fire', event: action.event };
    case 'adjust':
      return { kind: 'adjust', meter: action.meter, before: before.meters[action.meter] ?? Number.NaN, value: action.value, reason: action.reason.trim() };
    case 'end':
      return { kind: 'end' };
  }
}

/**
 * Opens the turn of `session` on the screen it starts on: the debrief once the game has ended, the
 * hand-over screen in hot-seat, else the turn itself with its team's timer running (stopped when
 * `paused`). `change` is what else is set with it.
 */
function openTurn(kit: Kit, session: Session, paused: boolean, change: () => Partial<AppState> = () => ({}), saved?: Clock | null): boolean {
  const to: Screen = session.state.ending ? 'debrief' : session.mode === 'hotseat' ? 'handover' : 'turn';
  const now = kit.timer.now();
  // A clock saved on this team's turn goes on from where it was (a reload restarts nothing); held through the hand-over screen.
  const resumed = resumedClock(saved, session, now, paused);
  const clock = to === 'turn' ? (resumed ?? clockFor(session, now, paused, kit.get().classGame?.turnEndsAt)) : to === 'handover' ? resumed : null;
  return moveTo(kit, to, () => ({ ...change(), clock, timedOut: null }));
}

/** Said when a ruling arrives for a game or a turn no longer being played: it is dropped. */
const STALE = 'the game has moved on since this was asked';
/** Said when the ruling was fine but the screen it leads to cannot be reached from the one showing (moveTo has warned). */
const NO_MOVE = 'the game cannot move to that screen from the one showing';

/**
 * Applies a ruling of the game authority to the store: the one place they are applied. Null when
 * applied; otherwise why not (the authority's refusal, a ruling for a turn already left behind, or a
 * screen the game cannot move to from where it is), and nothing changed.
 */
export function apply(kit: Kit, ruling: Ruling): string | null {
  const { get, set } = kit;
  if (ruling.kind === 'refused') return ruling.problem;
  if (ruling.kind === 'started') {
    const entry = selectEntry(get(), ruling.setup.scenarioId);
    if (!entry) return `the scenario '${ruling.setup.scenarioId}' is not in the list`;
    const session: Session = { ...ruling.setup, state: ruling.state, reports: [], orders: [], draft: EMPTY_DRAFT, sealed: {}, log: [] };
    const moved = moveTo(kit, 'briefing', () => {
      const problem = kit.persistence.saveGame(session, entry);
      return { session, canContinue: problem === null, notice: problemNotice(problem), instructor: INSTRUCTOR_CLOSED, clock: null, timedOut: null };
    });
    return moved ? null : NO_MOVE;
  }
  const se = selectSessionEntry(get());
  if (!se || se.session.scenarioId !== ruling.scenarioId) return STALE;
  const { session, entry } = se;
  switch (ruling.kind) {
    case 'resolved': {
      if (session.state.turn !== ruling.turn || session.state.ending) return STALE;
      const next: Session = {
        ...withoutSealed(session),
        // Tokyo's team chooses first every turn.
        human: session.mode === 'hotseat' ? 'tokyo' : session.human,
        state: ruling.state,
        reports: [...session.reports, ruling.report],
        orders: [...session.orders, ruling.orders],
        draft: EMPTY_DRAFT,
      };
      return moveTo(kit, 'resolution', () => ({ ...saveSession(kit, next, entry, null), clock: null })) ? null : NO_MOVE;
    }
    case 'intervened': {
      if (session.state.turn !== ruling.turn || session.state.ending) return STALE;
      const { state } = ruling;
      // A choice the intervention took off the table (a decision's `when` no longer holds) is dropped, or the turn could not end.
      const fit = (side: Side, orders: SideOrders): SideOrders => stillChoosable(entry.scenario, state, side, orders);
      const sealed = Object.fromEntries(Object.entries(session.sealed).map(([side, orders]) => [side, fit(side as Side, orders)]));
      const next: Session = {
        ...withLogEntry(session, logEntryOf(ruling.action, session.state)),
        state,
        reports: ruling.report ? [...session.reports, ruling.report] : session.reports,
        ...(!state.ending && { draft: fit(session.human, session.draft), sealed }),
      };
      if (!state.ending) {
        set(saveSession(kit, next, entry));
        return null;
      }
      return moveTo(kit, 'debrief', () => ({ ...saveSession(kit, next, entry, null), clock: null, instructor: { ...get().instructor, paused: false } })) ? null : NO_MOVE;
    }
    case 'replayed': {
      const undone: Session = {
        ...withoutSealed(session),
        human: session.mode === 'hotseat' ? 'tokyo' : session.human,
        state: ruling.state,
        reports: [...ruling.reports],
        orders: [...ruling.orders],
        draft: EMPTY_DRAFT,
        log: ruling.log,
      };
      return openTurn(kit, undone, false, () => ({ ...saveSession(kit, undone, entry, null), instructor: { ...get().instructor, paused: false } })) ? null : NO_MOVE;
    }
  }
}

export function gameSlice(kit: Kit): Slice<GameSliceState, GameActions> {
  const { set, get, persistence, authority } = kit;
  const server = classAuthority(kit.classLink);
  /** For actions that return nothing: a refusal by the authority is a fault the console should show (a stale ruling is not). A pending ruling comes later. */
  const settle = (ruling: Ruling | Pending): void => {
    if (ruling.kind === 'pending') return;
    const problem = apply(kit, ruling);
    if (ruling.kind === 'refused') console.warn(`The game refused: ${problem}`);
  };
  /**
   * For End turn: whatever the authority does, nothing is thrown at the player. A refusal (or a
   * fault) is said on the turn screen, which stays, with the choices as they were.
   */
  const settleTurn = (make: () => Ruling | Pending): void => {
    let ruling: Ruling | Pending;
    try {
      ruling = make();
    } catch (e) {
      ruling = { kind: 'refused', problem: e instanceof Error ? e.message : String(e) };
    }
    if (ruling.kind === 'pending') return;
    const problem = apply(kit, ruling);
    if (ruling.kind === 'refused') set({ notice: problemNotice({ kind: 'notice', reason: 'turnRefused', params: { detail: problem ?? '' } }) });
  };
  /** A saved game taken up again: its pause, its team's clock, and what no longer fit said. */
  const resume = (loaded: LoadedGame & { ok: true }, change: Partial<AppState>): void => {
    const { session, extras } = loaded;
    const paused = pausedByLog(session);
    const dropped = extras.dropped.length > 0 ? problemNotice({ kind: 'notice', reason: 'choicesDropped', params: { choices: extras.dropped.join(', ') } }) : null;
    openTurn(
      kit,
      session,
      paused,
      () => ({ session, pick: pickOf(session), instructor: { ...INSTRUCTOR_CLOSED, paused }, opener: null, ...change, ...(dropped && { notice: dropped }) }),
      extras.clock,
    );
    if (session.classroom.legacyPin !== undefined) void relock(session);
  };
  /** A version-2 save kept the PIN itself: it is locked now, and the orders it sealed in the clear are sealed under it. */
  const relock = async (session: Session): Promise<void> => {
    const { lock, opener } = await lockWithPin(session.classroom.legacyPin!);
    const sealedLocked: Partial<Record<Side, LockedOrders>> = { ...session.sealedLocked };
    for (const [side, orders] of Object.entries(session.sealed)) if (orders) sealedLocked[side as Side] = await sealOrders(lock, orders);
    const se = selectSessionEntry(get());
    if (!se || se.session.seed !== session.seed) return;
    const { legacyPin: _plain, ...classroom } = se.session.classroom;
    set({ ...saveSession(kit, { ...se.session, classroom: { ...classroom, pin: lock }, sealedLocked }, se.entry), opener });
  };
  // The draft is saved too, so a reload mid-turn comes back to the same choices.
  const setDraft = (draft: SideOrders): void => {
    const se = selectSessionEntry(get());
    if (!se || draft === se.session.draft || get().instructor.paused || !selectClassSeatOpen(get())) return;
    set(saveSession(kit, { ...se.session, draft }, se.entry));
  };
  const intervention = (action: Intervention): string | null => {
    const se = selectInstructing(get());
    if (!se) return 'the instructor panel is not open';
    return apply(kit, authority.intervene(se.entry, se.session.state, action));
  };

  return {
    state: { session: null, canContinue: persistence.hasGame() },
    actions: {
      startGame: async (seed) => {
        const { pick, screen } = get();
        const entry = pick.scenarioId ? selectEntry(get(), pick.scenarioId) : undefined;
        const human = pick.mode === 'hotseat' ? 'tokyo' : pick.side;
        if (!entry || !human) return;
        let classroom: Classroom = { pin: null, timerSeconds: pick.classroom.timerSeconds };
        let opener: CryptoKey | null = null;
        if (pick.classroom.pin) {
          const made = await lockWithPin(pick.classroom.pin);
          // The menus moved on while the PIN was locked: the start was given up.
          if (get().screen !== screen) return;
          classroom = { ...classroom, pin: made.lock };
          opener = made.opener;
        }
        // The PIN typed is forgotten once locked; the session keeps only its lock.
        set({ opener, pick: { ...get().pick, classroom: { ...get().pick.classroom, pin: null } } });
        settle(authority.start(entry, { scenarioId: entry.id, mode: pick.mode, human, difficulty: pick.difficulty, seed: seed ?? kit.newSeed(), classroom }));
      },
      beginTurn: () => {
        const session = get().session;
        if (session) openTurn(kit, session, get().instructor.paused);
      },
      revealTurn: () => {
        const se = selectSessionEntry(get());
        if (!se || se.session.state.ending || get().screen !== 'handover') return;
        const { session, entry } = se;
        const now = kit.timer.now();
        const paused = get().instructor.paused;
        // A clock held through a reload's hand-over screen goes on; saved at once, so a reload now restarts nothing either.
        const clock = resumedClock(get().clock, session, now, paused) ?? clockFor(session, now, paused);
        moveTo(kit, 'turn', () => ({ ...saveSession(kit, session, entry, clock), clock, timedOut: null }));
      },
      toggleDecision: (id) => {
        const se = selectSessionEntry(get());
        if (!se || se.session.state.ending) return;
        setDraft(toggleDecision(se.entry.scenario, se.session.state, se.session.human, se.session.draft, id));
      },
      respond: (eventId, choiceId) => {
        const se = selectSessionEntry(get());
        if (!se || se.session.state.ending) return;
        setDraft(chooseResponse(se.entry.scenario, se.session.state, se.session.human, se.session.draft, eventId, choiceId));
      },
      endTurn: () => {
        const se = selectSessionEntry(get());
        if (!se || !selectCanChoose(get())) return;
        const { session, entry } = se;
        const other = otherSide(session.human);
        if (session.mode === 'hotseat' && !session.sealed[other] && session.sealedLocked?.[other]) {
          // The other team sealed before a reload: its orders open only with the instructor's PIN.
          set({ notice: problemNotice({ kind: 'notice', reason: 'sealedLocked', params: { side: other } }) });
          get().actions.openInstructorPanel();
          return;
        }
        if (session.mode === 'hotseat' && !hasSealed(session, other)) {
          // The first team's orders are sealed; the other team takes the controls behind the hand-over screen.
          const next: Session = { ...session, human: other, draft: EMPTY_DRAFT, sealed: { ...session.sealed, [session.human]: session.draft } };
          const lock = session.classroom.pin;
          if (!lock) {
            moveTo(kit, 'handover', () => ({ ...saveSession(kit, next, entry, null), clock: null }));
            return;
          }
          // Under a PIN they are saved only encrypted; until they are (a few milliseconds), the save holds the team's draft as before.
          moveTo(kit, 'handover', () => ({ session: next, clock: null }));
          const sealer = session.human;
          sealOrders(lock, session.draft).then(
            (locked) => {
              const now = selectSessionEntry(get());
              if (!now || now.session.seed !== next.seed || now.session.state.turn !== next.state.turn || now.session.sealed[sealer] !== session.draft) return;
              set(saveSession(kit, { ...now.session, sealedLocked: { ...now.session.sealedLocked, [sealer]: locked } }, now.entry));
            },
            (e: unknown) => set({ notice: problemNotice({ kind: 'unavailable', reason: 'storageRefused', params: { detail: e instanceof Error ? e.message : String(e) } }) }),
          );
          return;
        }
        const orders = session.mode === 'hotseat' ? { [session.human]: session.draft, [other]: session.sealed[other]! } : { [session.human]: session.draft };
        if (session.mode === 'class') {
          const classGame = get().classGame;
          // The class's memo rule, said here before the server would refuse the orders for it.
          const short = selectMemoShort(get());
          if (classGame && short) return set({ classGame: { ...classGame, refusal: { about: 'seal', problem: `the class asks for a memo with your orders: write ${short} more characters` } } });
          if (classGame) set({ classGame: { ...classGame, sending: true, refusal: null } });
          return settleTurn(() => server.resolve({ entry, state: session.state, mode: session.mode, difficulty: session.difficulty, orders }));
        }
        settleTurn(() => authority.resolve({ entry, state: session.state, mode: session.mode, difficulty: session.difficulty, orders }));
      },
      nextTurn: () => {
        const session = get().session;
        if (session) openTurn(kit, session, get().instructor.paused);
      },
      continueSavedGame: () => {
        const loaded = persistence.loadGame(get().catalog);
        if (!loaded) return set({ canContinue: false });
        if (!loaded.ok) return set({ canContinue: persistence.hasGame(), notice: problemNotice(loaded.problem) });
        resume(loaded, {});
      },
      quitToTitle: () =>
        get().session?.mode === 'class'
          ? get().actions.leaveClassGame()
          : void moveTo(kit, 'title', () => ({ canContinue: persistence.hasGame(), instructor: INSTRUCTOR_CLOSED, clock: null, timedOut: null })),
      exportSave: () => {
        const se = selectSessionEntry(get());
        // A class session's file is the instructor's to take: a team at the screen cannot.
        if (!se || (hasPin(se.session.classroom) && get().instructor.panel !== 'open')) return null;
        return persistence.exportGame(se.session, se.entry, get().clock);
      },
      checkSavedElsewhere: () => {
        const session = get().session;
        if (session && session.mode !== 'class' && persistence.isStale()) set({ notice: problemNotice({ kind: 'stale', reason: 'staleTab', params: {} }) });
      },
      importSave: (text) => {
        const loaded = persistence.importGame(text, get().catalog);
        if (!loaded.ok) return set({ notice: problemNotice(loaded.problem) });
        resume(loaded, { canContinue: true, notice: null });
      },
      listBackups: () => persistence.backups(),
      restoreBackup: (key) => {
        const loaded = persistence.restoreBackup(key, get().catalog);
        if (!loaded.ok) return set({ notice: problemNotice(loaded.problem) });
        resume(loaded, { canContinue: true, notice: null });
      },
      fireEvent: (eventId) => intervention({ kind: 'fire', event: eventId }),
      adjustMeter: (meterId, value, reason) => {
        const se = selectSessionEntry(get());
        // The log says what the meter became: a value beyond its bounds is kept within them, as the engine does.
        const bounds = se?.entry.scenario.meters.find((m) => m.id === meterId);
        const within = bounds && Number.isFinite(value) ? Math.min(bounds.max, Math.max(bounds.min, value)) : value;
        return intervention({ kind: 'adjust', meter: meterId, value: within, reason });
      },
      undoLastTurn: () => {
        const se = selectInstructing(get());
        if (!se) return;
        const { session, entry } = se;
        const endedByHand = session.state.ending?.byInstructor === true;
        if (!endedByHand && session.orders.length === 0) return;
        // Back to the choices of the last turn resolved (or of the turn the instructor ended): what was done after is taken back.
        const back = endedByHand ? session.state.turn : session.orders.length;
        const orders = endedByHand ? session.orders : session.orders.slice(0, -1);
        const kept = session.log.map((x) =>
          !x.undone && (x.turn > back || (endedByHand && x.kind === 'end')) && (x.kind === 'fire' || x.kind === 'adjust' || x.kind === 'end') ? { ...x, undone: true as const } : x,
        );
        // Undo ends a pause: the log says so, as the debrief reads it.
        const log = [...kept, ...(get().instructor.paused ? [{ kind: 'resume' as const, turn: session.state.turn }] : []), { kind: 'undo' as const, turn: session.state.turn, undid: back }];
        settle(authority.replay({ entry, seed: session.seed, orders, log }));
      },
      endGameNow: () => void intervention({ kind: 'end' }),
    },
  };
}

// Selectors.

const sessionEntries = new WeakMap<Session, SessionEntry>();

/** The session and its scenario, or null without a game. The same object while neither changes, so a view may watch it. */
export function selectSessionEntry(state: AppState): SessionEntry | null {
  const session = state.session;
  if (!session) return null;
  const entry = selectEntry(state, session.scenarioId);
  if (!entry) return null;
  const known = sessionEntries.get(session);
  if (known?.entry === entry) return known;
  const made = { session, entry };
  sessionEntries.set(session, made);
  return made;
}

/** The session and its scenario while the instructor's panel is open on it. */
export function selectInstructing(state: AppState): SessionEntry | null {
  return state.instructor.panel === 'open' ? selectSessionEntry(state) : null;
}

/** May the team at the controls choose and end its turn now (the turn showing, the game not ended, not paused; in a class game, its seat connected and its orders not sealed)? */
export function selectCanChoose(state: AppState): boolean {
  return state.screen === 'turn' && state.session !== null && !state.session.state.ending && !state.instructor.paused && selectClassSeatOpen(state);
}

/** The capital the team at the controls has left once its draft is paid for; null without a game. */
export function selectCapitalLeft(state: AppState): number | null {
  const se = selectSessionEntry(state);
  return se ? capitalLeft(se.entry.scenario, se.session.state, se.session.human, se.session.draft) : null;
}

/** The decision cards of the team at the controls, with what its draft chose and can still choose; empty without a game. */
export function selectCards(state: AppState): Card[] {
  const se = selectSessionEntry(state);
  return se ? cards(se.entry.scenario, se.session.state, se.session.human, se.session.draft) : [];
}
