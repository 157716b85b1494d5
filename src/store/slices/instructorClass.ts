/**
 * The instructor's class slice: the class this device instructs on the class server. It holds the
 * class's code, its picture (the settings and every game's latest summary, each with the device time
 * it arrived, so a team's idle time keeps growing between messages), the connection, what came of
 * the last actions, and the class record the debrief reads. The connection
 * (src/ui/class/instructorConnection.ts) hands in what the server says; the dashboard's actions go
 * out through the InstructorLink. Nothing here decides a game: the server applies every action to
 * its games and says per game what came of it.
 */
import { classAlerts, type ActedMessage, type ActMessage, type Alert, type ClassPicture, type ClassRecord, type ClassSettings, type GameSummary, type InstructorAction } from '../../class/instructor';
import type { Refusal } from '../../class/protocol';
import type { CatalogEntry } from '../catalog';
import type { ClassConnection } from './classGame';
import type { AppState, Kit, Slice } from './kit';
import { selectEntry } from './library';
import { moveTo } from './ui';

/** What the dashboard sends the server (the connection implements it). */
export interface InstructorLink {
  act(message: ActMessage): void;
  requestRecord(): void;
  /** Closes the dashboard's connection for good (the class and its games go on). */
  leave(): void;
}

/** A game's latest summary and when it reached this device (the store's clock). */
export interface ArrivedSummary {
  readonly summary: GameSummary;
  readonly arrivedAt: number;
}

/** How many results of earlier actions the dashboard keeps showing. */
export const ACTED_KEPT = 5;

export interface InstructorClass {
  readonly code: string;
  readonly connection: ClassConnection;
  /** null until the server's first picture. */
  readonly settings: ClassSettings | null;
  /** The class's games in the server's order. */
  readonly order: readonly string[];
  readonly games: Readonly<Record<string, ArrivedSummary>>;
  /** Actions sent and not yet answered. */
  readonly sending: number;
  /** What came of the latest actions, newest first. */
  readonly acted: readonly ActedMessage[];
  readonly record: ClassRecord | null;
  /** The record was asked for and has not arrived. */
  readonly recordLoading: boolean;
  /** The server's last refusal (or why the dashboard could not join), in its words, until the next picture. */
  readonly refusal: Refusal | null;
}

export interface InstructorClassState {
  readonly instructorClass: InstructorClass | null;
}

/** Why an action was not sent: the dashboard is not connected; no game was chosen; a set meter has no reason. */
export type ActProblem = 'offline' | 'noGames' | 'reason';

export interface InstructorClassActions {
  /** The dashboard of class `code` opens, connecting (from the class screen, or once a class is made). */
  openClassDashboard(code: string): void;
  attachInstructorLink(link: InstructorLink | null): void;
  classPictureArrived(picture: ClassPicture): void;
  classSummaryArrived(summary: GameSummary): void;
  classActed(message: ActedMessage): void;
  classRecordArrived(record: ClassRecord): void;
  instructorConnectionChanged(connection: ClassConnection): void;
  instructorRefused(refusal: Refusal): void;
  /** Sends `action` to some of the class's games or all of them; null when sent, else why not. */
  actOnClass(games: readonly string[] | 'all', action: InstructorAction): ActProblem | null;
  /** Asks for the class record and shows the class debrief, which waits for it. */
  requestClassRecord(): void;
  /** Back from the class debrief to the dashboard. */
  backToClassDashboard(): void;
  /** Closes the dashboard and returns to the class screen (the class goes on; the key stays remembered). */
  leaveClass(): void;
}

const fresh = (code: string): InstructorClass => ({
  code,
  connection: 'connecting',
  settings: null,
  order: [],
  games: {},
  sending: 0,
  acted: [],
  record: null,
  recordLoading: false,
  refusal: null,
});

export function instructorClassSlice(kit: Kit, link: Kit['instructorLink']): Slice<InstructorClassState, InstructorClassActions> {
  const { get, set } = kit;
  /** Changes the class being instructed; what arrives for another class (an old connection's last words) is dropped. */
  const update = (code: string | null, change: (c: InstructorClass) => Partial<InstructorClass>): void => {
    const c = get().instructorClass;
    if (c && (code === null || c.code === code)) set({ instructorClass: { ...c, ...change(c) } });
  };

  return {
    state: { instructorClass: null },
    actions: {
      openClassDashboard: (code) => {
        const before = get().instructorClass;
        // The same class again (Reconnect): what is known stays on screen while the connection is made.
        const next = before?.code === code ? { ...before, connection: 'connecting' as const, refusal: null } : fresh(code);
        moveTo(kit, 'classDashboard', () => ({ instructorClass: next }));
      },
      attachInstructorLink: (l) => void (link.current = l),
      classPictureArrived: (picture) =>
        update(picture.code, () => {
          const now = kit.timer.now();
          return {
            connection: 'connected',
            settings: picture.settings,
            order: picture.games.map((g) => g.code),
            games: Object.fromEntries(picture.games.map((g) => [g.code, { summary: g, arrivedAt: now }])),
            refusal: null,
          };
        }),
      classSummaryArrived: (summary) =>
        update(null, (c) => ({
          order: c.order.includes(summary.code) ? c.order : [...c.order, summary.code],
          games: { ...c.games, [summary.code]: { summary, arrivedAt: kit.timer.now() } },
        })),
      classActed: (message) => update(null, (c) => ({ acted: [message, ...c.acted].slice(0, ACTED_KEPT), sending: Math.max(0, c.sending - 1) })),
      classRecordArrived: (record) => update(record.code, () => ({ record, recordLoading: false })),
      instructorConnectionChanged: (connection) =>
        // Nothing sent before a drop will be answered: the dashboard stops waiting for it.
        update(null, (c) => (connection === 'connected' ? { connection } : { connection, sending: 0, recordLoading: c.recordLoading && connection !== 'lost' })),
      instructorRefused: (refusal) =>
        update(null, (c) => ({
          refusal,
          // 'message': the server refused a message before reading it (too many at once), whichever it was.
          ...((refusal.about === 'act' || refusal.about === 'message') && { sending: Math.max(0, c.sending - 1) }),
          ...((refusal.about === 'record' || refusal.about === 'message') && { recordLoading: false }),
        })),
      actOnClass: (games, action) => {
        const c = get().instructorClass;
        if (!c || c.connection !== 'connected' || !link.current) return 'offline';
        if (games !== 'all' && games.length === 0) return 'noGames';
        if (action.kind === 'adjust' && action.reason.trim() === '') return 'reason';
        const known = games === 'all' ? games : games.filter((g) => c.order.includes(g));
        if (known !== 'all' && known.length === 0) return 'noGames';
        link.current.act({ games: known, action });
        update(c.code, (now) => ({ sending: now.sending + 1, refusal: null }));
        return null;
      },
      requestClassRecord: () => {
        const c = get().instructorClass;
        if (!c) return;
        const asked = c.connection === 'connected' && link.current !== null;
        if (asked) link.current!.requestRecord();
        moveTo(kit, 'classDebrief', () => ({ instructorClass: { ...c, recordLoading: asked || c.recordLoading } }));
      },
      backToClassDashboard: () => void moveTo(kit, 'classDashboard'),
      leaveClass: () => {
        link.current?.leave();
        link.current = null;
        moveTo(kit, 'classJoin', () => ({ instructorClass: null }));
      },
    },
  };
}

// Selectors.

/** The class's games' latest summaries, in the server's order. */
export function selectClassGames(state: AppState): GameSummary[] {
  const c = state.instructorClass;
  return c ? c.order.flatMap((code) => (c.games[code] ? [c.games[code].summary] : [])) : [];
}

/** What the dashboard warns of at `now` (the store's clock): idle teams, games far ahead or behind. */
export function selectClassAlerts(state: AppState, now: number): Alert[] {
  const c = state.instructorClass;
  if (!c) return [];
  return classAlerts(selectClassGames(state), (code) => Math.max(0, now - (c.games[code]?.arrivedAt ?? now)));
}

/** The class's scenario in this page's catalog (undefined before the picture, or when this page lacks it). */
export function selectClassEntry(state: AppState): CatalogEntry | undefined {
  const scenario = state.instructorClass?.settings?.scenario;
  return scenario === undefined ? undefined : selectEntry(state, scenario);
}
