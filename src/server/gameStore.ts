/**
 * Where class games are kept, so nothing a team has been told is lost when the server stops: each
 * game's seed and seats, every sealed order, every resolved turn (its orders, the state's hash and a
 * snapshot, so a restore need not replay from the start). The room writes here before it answers.
 *
 * One query layer (kysely) for both databases: SQLite (better-sqlite3, WAL, one file) by default,
 * PostgreSQL when the class runs on more than one process. The lease is the lock that keeps two
 * processes from restoring the same game: a process holds a game while its lease runs.
 */
import { Kysely, PostgresDialect, SqliteDialect, type ColumnType, type Generated } from 'kysely';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { GameState, Orders, SideOrders } from '../engine';
import type { Side } from '../engine/model';
import type { ActionEntry, Answer, ClassSettings, InstructorAction, Memo } from '../class/instructor';

interface GamesTable {
  code: string;
  scenario: string;
  seed: string;
  /** JSON: seat → the sha-256 of its secret (never the secret itself). */
  seats: string;
  /** A bigint: pg hands it back as a string (it may not fit a double), SQLite as a number. */
  created_at: ColumnType<number | string, number, number>;
  /** Seconds each turn lasts by the server's clock; null for no timer. */
  turn_seconds: number | null;
  /** A timed game: the turn whose clock runs, and when it runs out (ms since the epoch), so a restart keeps the time. */
  deadline_turn: number | null;
  deadline_at: ColumnType<number | string | null, number | null, number | null>;
  ended: number;
  owner: string | null;
  lease_until: ColumnType<number | string, number, number>;
  /** The class the game is one of (null: a game started on its own). */
  class_code: string | null;
  paused: number;
  /** A timed game paused mid-turn: the time its turn had left. */
  paused_left_ms: ColumnType<number | string | null, number | null, number | null>;
  revealed: number;
}
interface ClassesTable {
  code: string;
  /** JSON: ClassSettings. */
  settings: string;
  /** The sha-256 of the instructor key. */
  instructor: string;
  created_at: ColumnType<number | string, number, number>;
}
interface ActionsTable {
  id: Generated<number>;
  code: string;
  turn: number;
  action: string;
  at: ColumnType<number | string, number, number>;
  undone: number;
}
interface MemosTable {
  code: string;
  turn: number;
  side: Side;
  text: string;
  at: ColumnType<number | string, number, number>;
}
interface AnswersTable {
  code: string;
  side: Side;
  question: number;
  answer: string;
  at: ColumnType<number | string, number, number>;
}
interface SealedTable {
  code: string;
  turn: number;
  side: Side;
  orders: string;
}
interface TurnsTable {
  id: Generated<number>;
  code: string;
  turn: number;
  orders: string;
  state_hash: string;
  snapshot: string;
}
interface Tables {
  games: GamesTable;
  sealed: SealedTable;
  turns: TurnsTable;
  classes: ClassesTable;
  actions: ActionsTable;
  memos: MemosTable;
  answers: AnswersTable;
}

export interface NewGame {
  readonly code: string;
  readonly scenario: string;
  readonly seed: string;
  readonly seats: Readonly<Record<string, string>>;
  readonly createdAt: number;
  readonly turnSeconds: number | null;
  readonly classCode?: string | null;
}

export interface StoredClass {
  readonly code: string;
  readonly settings: ClassSettings;
  readonly instructor: string;
  readonly createdAt: number;
}

export interface StoredTurn {
  readonly turn: number;
  readonly orders: Orders;
  readonly stateHash: string;
  readonly snapshot: GameState;
}

export interface StoredGame extends NewGame {
  readonly ended: boolean;
  /** A timed game's running turn clock: the turn and when its time runs out. */
  readonly deadline: { readonly turn: number; readonly endsAt: number } | null;
  readonly turns: readonly StoredTurn[];
  readonly sealed: Partial<Record<Side, { readonly turn: number; readonly orders: SideOrders }>>;
  readonly classCode: string | null;
  readonly paused: boolean;
  readonly pausedLeftMs: number | null;
  readonly revealed: boolean;
  /** The instructor's actions, in the order made. */
  readonly actions: readonly ActionEntry[];
  readonly memos: readonly Memo[];
  readonly answers: readonly Answer[];
}

export class GameStore {
  private constructor(
    private readonly db: Kysely<Tables>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  /** PostgreSQL when the URL names it (postgres:// or postgresql://), else the SQLite file. */
  static async open(databaseUrl: string | undefined, sqliteFile: string): Promise<GameStore> {
    return databaseUrl && /^postgres(ql)?:\/\//i.test(databaseUrl) ? GameStore.postgres(databaseUrl) : GameStore.sqlite(sqliteFile);
  }

  /** A SQLite file (created if missing), in WAL mode: readers never wait for the writer. */
  static async sqlite(file: string): Promise<GameStore> {
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    const store = new GameStore(new Kysely<Tables>({ dialect: new SqliteDialect({ database: preparedOnce(database) }) }), 'sqlite');
    await store.createTables();
    return store;
  }

  /**
   * A PostgreSQL database, shared by every process of the class. Settings such as the schema ride in
   * the URL (`?options=-c%20search_path%3Dclass`), as pg reads them from there.
   */
  static async postgres(url: string): Promise<GameStore> {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server (a restart, a failover) must not crash the process:
    // the pool discards it and the next query opens another.
    pool.on('error', () => {});
    const store = new GameStore(new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), 'postgres');
    try {
      await store.createTables();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private async createTables(): Promise<void> {
    await this.db.schema
      .createTable('games')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('scenario', 'text', (c) => c.notNull())
      .addColumn('seed', 'text', (c) => c.notNull())
      .addColumn('seats', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('turn_seconds', 'integer')
      .addColumn('deadline_turn', 'integer')
      .addColumn('deadline_at', 'bigint')
      .addColumn('ended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('owner', 'text')
      .addColumn('lease_until', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await this.db.schema
      .createTable('sealed')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('turn', 'integer', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('orders', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sealed_key', ['code', 'side'])
      .execute();
    await this.db.schema
      .createTable('turns')
      .ifNotExists()
      // SQLite's AUTOINCREMENT is spelt as an identity column in PostgreSQL.
      .addColumn('id', 'integer', (c) => (this.dialect === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('turn', 'integer', (c) => c.notNull())
      .addColumn('orders', 'text', (c) => c.notNull())
      .addColumn('state_hash', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addUniqueConstraint('turns_once', ['code', 'turn'])
      .execute();
    // Columns a class added to games: a store made before classes gains them here.
    const columns: [string, 'text' | 'integer' | 'bigint', boolean][] = [
      ['class_code', 'text', false],
      ['paused', 'integer', true],
      ['paused_left_ms', 'bigint', false],
      ['revealed', 'integer', true],
    ];
    // PostgreSQL adds a column only if missing; SQLite cannot say so, so its one table is looked at first.
    const have = this.dialect === 'sqlite' ? new Set((await this.db.introspection.getTables()).find((t) => t.name === 'games')?.columns.map((c) => c.name)) : new Set<string>();
    for (const [name, type, flag] of columns) {
      if (have.has(name)) continue;
      const alter = this.db.schema.alterTable('games').addColumn(name, type, (c) => {
        const typed = flag ? c.notNull().defaultTo(0) : c;
        return this.dialect === 'postgres' ? typed.ifNotExists() : typed;
      });
      await alter.execute();
    }
    await this.db.schema.createIndex('games_class').ifNotExists().on('games').column('class_code').execute();
    await this.db.schema
      .createTable('classes')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('instructor', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await this.db.schema
      .createTable('actions')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => (this.dialect === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('turn', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('undone', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await this.db.schema
      .createTable('memos')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('turn', 'integer', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('memos_key', ['code', 'turn', 'side'])
      .execute();
    await this.db.schema
      .createTable('answers')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('side', 'text', (c) => c.notNull())
      .addColumn('question', 'integer', (c) => c.notNull())
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('answers_key', ['code', 'side', 'question'])
      .execute();
  }

  /** Refuses a code already taken (the caller draws another). */
  async createGame(game: NewGame): Promise<void> {
    await this.db
      .insertInto('games')
      .values({
        code: game.code,
        scenario: game.scenario,
        seed: game.seed,
        seats: JSON.stringify(game.seats),
        created_at: game.createdAt,
        turn_seconds: game.turnSeconds,
        deadline_turn: null,
        deadline_at: null,
        ended: 0,
        owner: null,
        lease_until: 0,
        class_code: game.classCode ?? null,
        paused: 0,
        paused_left_ms: null,
        revealed: 0,
      })
      .execute();
  }

  /** A side's orders for a turn, replacing any it sealed before for that game. */
  async seal(code: string, turn: number, side: Side, orders: SideOrders): Promise<void> {
    await this.db
      .insertInto('sealed')
      .values({ code, turn, side, orders: JSON.stringify(orders) })
      .onConflict((c) => c.columns(['code', 'side']).doUpdateSet({ turn, orders: JSON.stringify(orders) }))
      .execute();
  }

  async unseal(code: string, side: Side): Promise<void> {
    await this.db.deleteFrom('sealed').where('code', '=', code).where('side', '=', side).execute();
  }

  /** A resolved turn, and the sealed orders it used gone, in one transaction. */
  async recordTurn(code: string, turn: StoredTurn, ended: boolean): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('turns')
        .values({ code, turn: turn.turn, orders: JSON.stringify(turn.orders), state_hash: turn.stateHash, snapshot: JSON.stringify(turn.snapshot) })
        .execute();
      await tx.deleteFrom('sealed').where('code', '=', code).execute();
      if (ended) await tx.updateTable('games').set({ ended: 1 }).where('code', '=', code).execute();
    });
  }

  async load(code: string): Promise<StoredGame | null> {
    const game = await this.db.selectFrom('games').selectAll().where('code', '=', code).executeTakeFirst();
    if (!game) return null;
    const turns = await this.db.selectFrom('turns').selectAll().where('code', '=', code).orderBy('turn').execute();
    const sealed = await this.db.selectFrom('sealed').selectAll().where('code', '=', code).execute();
    const actions = await this.db.selectFrom('actions').selectAll().where('code', '=', code).orderBy('id').execute();
    const memos = await this.db.selectFrom('memos').selectAll().where('code', '=', code).orderBy('turn').orderBy('side').execute();
    const answers = await this.db.selectFrom('answers').selectAll().where('code', '=', code).orderBy('side').orderBy('question').execute();
    return {
      code: game.code,
      scenario: game.scenario,
      seed: game.seed,
      seats: JSON.parse(game.seats) as Record<string, string>,
      createdAt: Number(game.created_at),
      turnSeconds: game.turn_seconds === null ? null : Number(game.turn_seconds),
      deadline: game.deadline_turn === null || game.deadline_at === null ? null : { turn: Number(game.deadline_turn), endsAt: Number(game.deadline_at) },
      ended: game.ended === 1,
      turns: turns.map((t) => ({ turn: t.turn, orders: JSON.parse(t.orders) as Orders, stateHash: t.state_hash, snapshot: JSON.parse(t.snapshot) as GameState })),
      sealed: Object.fromEntries(sealed.map((s) => [s.side, { turn: s.turn, orders: JSON.parse(s.orders) as SideOrders }])),
      classCode: game.class_code,
      paused: Number(game.paused) === 1,
      pausedLeftMs: game.paused_left_ms === null ? null : Number(game.paused_left_ms),
      revealed: Number(game.revealed) === 1,
      actions: actions.map((a) => ({ turn: a.turn, at: Number(a.at), action: JSON.parse(a.action) as InstructorAction, undone: Number(a.undone) === 1 })),
      memos: memos.map((m) => ({ turn: m.turn, side: m.side, text: m.text, at: Number(m.at) })),
      answers: answers.map((a) => ({ side: a.side, question: a.question, ...(JSON.parse(a.answer) as { text?: string; choice?: string }), at: Number(a.at) })),
    };
  }

  async createClass(made: StoredClass): Promise<void> {
    await this.db
      .insertInto('classes')
      .values({ code: made.code, settings: JSON.stringify(made.settings), instructor: made.instructor, created_at: made.createdAt })
      .execute();
  }

  async loadClass(code: string): Promise<StoredClass | null> {
    const row = await this.db.selectFrom('classes').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? { code: row.code, settings: JSON.parse(row.settings) as ClassSettings, instructor: row.instructor, createdAt: Number(row.created_at) } : null;
  }

  /** A class's games, oldest first, with who holds each seat (hashes) — what handing out a seat needs. */
  async classGames(classCode: string): Promise<{ code: string; seats: Record<string, string> }[]> {
    const rows = await this.db.selectFrom('games').select(['code', 'seats']).where('class_code', '=', classCode).orderBy('created_at').orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, seats: JSON.parse(r.seats) as Record<string, string> }));
  }

  /**
   * Gives a seat of a game its key's hash, if no one was given it meanwhile: the seats are compared
   * as read, so two teams asking at once never get the same seat. False when the seats changed.
   */
  async claimSeat(code: string, before: Readonly<Record<string, string>>, seat: Side, hash: string): Promise<boolean> {
    const result = await this.db
      .updateTable('games')
      .set({ seats: JSON.stringify({ ...before, [seat]: hash }) })
      .where('code', '=', code)
      .where('seats', '=', JSON.stringify(before))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  async recordAction(code: string, turn: number, action: InstructorAction, at: number): Promise<void> {
    await this.db
      .insertInto('actions')
      .values({ code, turn, action: JSON.stringify(action), at, undone: 0 })
      .execute();
  }

  /**
   * Takes back the game's last resolved turn: its row goes, the actions made after it are marked
   * undone (they acted on the state it made), the sealed orders go, and the game is not over.
   */
  async undoTurn(code: string, turn: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('turns').where('code', '=', code).where('turn', '=', turn).execute();
      await tx.updateTable('actions').set({ undone: 1 }).where('code', '=', code).where('turn', '>', turn).execute();
      await tx.deleteFrom('sealed').where('code', '=', code).execute();
      await tx.updateTable('games').set({ ended: 0 }).where('code', '=', code).execute();
    });
  }

  /** An instructor's end of the game (no turn row holds it: the end action does). */
  async setEnded(code: string): Promise<void> {
    await this.db.updateTable('games').set({ ended: 1 }).where('code', '=', code).execute();
  }

  async setPaused(code: string, paused: boolean, leftMs: number | null): Promise<void> {
    await this.db
      .updateTable('games')
      .set({ paused: paused ? 1 : 0, paused_left_ms: leftMs })
      .where('code', '=', code)
      .execute();
  }

  async setRevealed(code: string, revealed: boolean): Promise<void> {
    await this.db
      .updateTable('games')
      .set({ revealed: revealed ? 1 : 0 })
      .where('code', '=', code)
      .execute();
  }

  /** A team's memo for a turn, replacing the one it wrote before for that turn. */
  async saveMemo(code: string, memo: Memo): Promise<void> {
    await this.db
      .insertInto('memos')
      .values({ code, turn: memo.turn, side: memo.side, text: memo.text, at: memo.at })
      .onConflict((c) => c.columns(['code', 'turn', 'side']).doUpdateSet({ text: memo.text, at: memo.at }))
      .execute();
  }

  async saveAnswer(code: string, answer: Answer): Promise<void> {
    const stored = JSON.stringify({ ...(answer.text !== undefined && { text: answer.text }), ...(answer.choice !== undefined && { choice: answer.choice }) });
    await this.db
      .insertInto('answers')
      .values({ code, side: answer.side, question: answer.question, answer: stored, at: answer.at })
      .onConflict((c) => c.columns(['code', 'side', 'question']).doUpdateSet({ answer: stored, at: answer.at }))
      .execute();
  }

  /** Games not yet ended whose lease has run out (or that no process holds): the ones to restore. */
  async orphans(now: number): Promise<string[]> {
    const rows = await this.db.selectFrom('games').select('code').where('ended', '=', 0).where('lease_until', '<', now).orderBy('code').execute();
    return rows.map((r) => r.code);
  }

  /** Takes or renews the lease on a game; false when another process holds it. */
  async lease(code: string, owner: string, now: number, forMs: number): Promise<boolean> {
    const result = await this.db
      .updateTable('games')
      .set({ owner, lease_until: now + forMs })
      .where('code', '=', code)
      .where((w) => w.or([w('owner', 'is', null), w('owner', '=', owner), w('lease_until', '<', now)]))
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** When a timed game's turn runs out (null: no clock running). */
  async setDeadline(code: string, deadline: { readonly turn: number; readonly endsAt: number } | null): Promise<void> {
    await this.db
      .updateTable('games')
      .set({ deadline_turn: deadline?.turn ?? null, deadline_at: deadline?.endsAt ?? null })
      .where('code', '=', code)
      .execute();
  }

  async release(code: string, owner: string): Promise<void> {
    await this.db.updateTable('games').set({ owner: null, lease_until: 0 }).where('code', '=', code).where('owner', '=', owner).execute();
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * The SQLite database with each statement prepared once: kysely asks for a statement on every query,
 * and preparing costs more than running these small ones. The store's queries are a fixed few (their
 * values are bound, never in the SQL), so the cache stays that small; the bound is a guard.
 */
function preparedOnce(database: Database.Database): Database.Database {
  const statements = new Map<string, Database.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (sql: string) => {
        let statement = statements.get(sql);
        if (!statement) {
          if (statements.size >= 100) statements.clear();
          statement = prepare(sql);
          statements.set(sql, statement);
        }
        return statement;
      };
    },
  });
}
