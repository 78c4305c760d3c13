import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { withReplicas, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { isInsufficientPrivilege } from "./errors";
import { lockDataFolder } from "./lock";
import * as schema from "./schema";

/** A Drizzle handle on either driver: PGlite embedded, or postgres.js on a server. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open transaction, as `db.transaction()` hands it to its callback. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Where the database is: handed in by whoever opens it (lib/env.ts reads the environment). */
export interface DatabaseSettings {
  /** `postgres://…` of a PostgreSQL server; unset: the embedded database in `dataDir`. */
  url?: string;
  dataDir: string;
  /** `postgres://…` of read replicas of `url`: reads go to them (see getDb), writes never. */
  replicaUrls?: readonly string[];
}

/** How long the server waits before giving up, so no request hangs on a database that is away. */
export interface PoolTimeouts {
  /** Seconds to open a connection (TCP and start-up) before failing with CONNECT_TIMEOUT. */
  connectSeconds: number;
  /** Milliseconds any statement may run before PostgreSQL cancels it (statement_timeout). */
  statementMs: number;
  /** Seconds an unused connection stays open. */
  idleSeconds: number;
  /** Seconds a connection lives at most, then it is replaced (spreads reconnects after a failover). */
  lifetimeSeconds: number;
}

export const defaultPoolTimeouts: PoolTimeouts = {
  connectSeconds: 3,
  statementMs: 5_000,
  idleSeconds: 60,
  lifetimeSeconds: 30 * 60,
};

export interface DatabaseHandle {
  /** Reads go to a replica when there are replicas; writes and transactions to the primary. */
  db: Database;
  /** The primary alone: reads that must see a write just made. */
  primary: Database;
  kind: "pglite" | "postgres";
  /** Applies the pending migrations in db/migrations (on a server: one instance at a time). */
  migrate(): Promise<void>;
  /** One round trip to the primary (and each replica), failing within `timeoutMs`. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

type Holder = {
  handle?: Promise<DatabaseHandle>;
  /** Set by the test suites: every caller of getDb() then gets this one. */
  override?: Database;
  /** Set while the database is known unreachable (since when, ms); cleared by the first ping that answers. */
  unreachableSince?: number;
  recovery?: ReturnType<typeof setInterval>;
  /** A ping after a closed connection is in flight. */
  checking?: boolean;
  /** Until when (ms) this process reads from the primary: a little while after each write it made. */
  primaryUntil?: number;
};

const globalForDb = globalThis as typeof globalThis & { __marqueeDb?: Holder };
// Kept on globalThis so a hot reload in development reuses the open database
// instead of opening a second PGlite on the same folder, and so the route
// bundles see the handle that start-up (instrumentation.ts) opened.
const holder: Holder = (globalForDb.__marqueeDb ??= {});

/**
 * Whether the server at `client` has run every migration in db/migrations,
 * read without any DDL: the app's own role (`npm run db:roles`) may not create
 * the migrator's schema or table, so a server start with nothing pending must
 * not try. Unknown (no table yet, no access) counts as not up to date.
 */
async function migrationsApplied(client: postgres.Sql): Promise<boolean> {
  const latest = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  try {
    const [row] = await client<
      { table: string | null }[]
    >`select to_regclass('drizzle.__drizzle_migrations') as "table"`;
    if (!row?.table) return false;
    const [last] = await client<
      { at: string | null }[]
    >`select max(created_at)::text as at from drizzle.__drizzle_migrations`;
    return Number(last?.at ?? 0) >= latest;
  } catch {
    return false;
  }
}

/**
 * The advisory lock every instance takes around its migrations, so ten
 * starting at once migrate one after another: the first applies them, the
 * others find nothing left to do. Any fixed number works; this one spells
 * "marquee" in ASCII.
 */
export const MIGRATION_LOCK_KEY = 0x6d61_7271_7565_65n;

function postgresClient(url: string, timeouts: PoolTimeouts, max: number) {
  return postgres(url, {
    max,
    onnotice: () => {},
    // A connection closes when it idles out, reaches its lifetime, or the server goes away: ask at once
    // which, so pages can answer 503 before a request has to fail on its own.
    onclose: () => checkReachableSoon(),
    connect_timeout: timeouts.connectSeconds,
    idle_timeout: timeouts.idleSeconds,
    // postgres.js waits up to 20 s (3^n / 100 s) before reopening a connection after n failed
    // attempts, so after an outage of a few seconds one connection of the pool stayed away for
    // seconds more. While the database is away pages answer 503 without asking it, so trying
    // again every half second at most costs little and brings every connection back at once.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
    max_lifetime: timeouts.lifetimeSeconds,
    // Sent with each connection's start-up message, so it holds on every connection of the pool.
    connection: { statement_timeout: timeouts.statementMs, application_name: "marquee" },
  });
}

/**
 * Migrates under MIGRATION_LOCK_KEY on a connection of its own (the lock
 * belongs to the session that took it), with no statement timeout: waiting
 * for another instance's migrations, or a long one, is expected here.
 */
async function migrateLocked(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "marquee migrate" } });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Rejects after `ms` with a connection fault, so a ping never waits on a connect or a queue. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`No answer within ${ms} ms`), { code: "CONNECT_TIMEOUT" })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Opens PostgreSQL at `url` with postgres.js (and each replica URL, for
 * reads). Migrating is a separate step.
 */
export function openPostgres(
  url: string,
  options: { replicaUrls?: readonly string[]; timeouts?: PoolTimeouts; max?: number } = {},
): DatabaseHandle {
  const timeouts = options.timeouts ?? defaultPoolTimeouts;
  const client = postgresClient(url, timeouts, options.max ?? 10);
  const primary = drizzlePostgres(client, { schema }) as unknown as Database;
  const replicaClients = (options.replicaUrls ?? []).map((replica) =>
    postgresClient(replica, timeouts, options.max ?? 10),
  );
  const replicas = replicaClients.map((replica) => drizzlePostgres(replica, { schema }) as unknown as Database);
  const [first, ...rest] = replicas;
  const db = first ? (withReplicas(primary, [first, ...rest]) as unknown as Database) : primary;
  return {
    db,
    primary,
    kind: "postgres",
    migrate: async () => {
      if (await migrationsApplied(client)) return;
      try {
        await migrateLocked(url);
      } catch (error) {
        // insufficient_privilege: the app's own role (npm run db:roles) meeting a pending migration.
        if (isInsufficientPrivilege(error)) {
          throw new Error(
            "Migrations are pending and this database role may not apply them: run `npm run db:migrate` (then `npm run db:roles`) with DATABASE_URL naming the owner of the tables.",
            { cause: error },
          );
        }
        throw error;
      }
    },
    ping: async (timeoutMs) => {
      await within(timeoutMs, Promise.all([client, ...replicaClients].map((each) => each`select 1`)));
    },
    close: async () => {
      await Promise.all([client, ...replicaClients].map((each) => each.end({ timeout: 5 })));
    },
  };
}

/**
 * Opens (creating if missing) the embedded database in `dataDir`, locked to
 * this process. Migrating is a separate step.
 */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle & { client: PGlite }> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDataFolder(dir);
  try {
    const client = await PGlite.create(path.join(dir, "pgdata"));
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    return {
      db,
      primary: db,
      client,
      kind: "pglite",
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
      ping: async (timeoutMs) => {
        await within(timeoutMs, db.execute(sql`select 1`));
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Opens this process's database (the server at `settings.url`, else the
 * embedded one in `settings.dataDir`); getDb() returns it from then on. A
 * second call returns the handle already open. It neither migrates nor seeds:
 * start-up (lib/startup.ts) and the scripts do those as steps of their own.
 */
export function openDatabase(settings: DatabaseSettings): Promise<DatabaseHandle> {
  holder.handle ??= (
    settings.url
      ? Promise.resolve(openPostgres(settings.url, { replicaUrls: settings.replicaUrls }))
      : openEmbedded(settings.dataDir)
  ).catch((error: unknown) => {
    holder.handle = undefined;
    throw error;
  });
  return holder.handle;
}

async function openHandle(): Promise<DatabaseHandle> {
  if (!holder.handle) {
    throw new Error(
      "The database is not open: the server opens it when it starts (lib/startup.ts), a script with openDatabase().",
    );
  }
  return holder.handle;
}

const primaryScope = new AsyncLocalStorage<true>();

/** How long (ms) this process keeps reading from the primary after it wrote: longer than a replica lags. */
export const PRIMARY_AFTER_WRITE_MS = 2_000;

/**
 * The database this process opened with openDatabase() (at start-up, or in a
 * script). With read replicas, its reads go to a replica, except inside
 * onPrimary() and for a moment after this process wrote (notePrimaryWrite);
 * writes and transactions always go to the primary.
 */
export async function getDb(): Promise<Database> {
  if (holder.override) return holder.override;
  const handle = await openHandle();
  if (primaryScope.getStore() || (holder.primaryUntil ?? 0) > Date.now()) return handle.primary;
  return handle.db;
}

/** The primary alone, for reads that must see every write (posting allowances, say). */
export async function getPrimaryDb(): Promise<Database> {
  if (holder.override) return holder.override;
  return (await openHandle()).primary;
}

/** Runs `work` with every getDb() inside it reading from the primary: a write and the reads that check it. */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  return primaryScope.run(true, work);
}

/**
 * Says this process just wrote: for PRIMARY_AFTER_WRITE_MS its reads go to
 * the primary, so the pages it renders next (the writer's own answer, the
 * first visitor after the cache was invalidated) never come from a replica
 * that has not caught up.
 */
export function notePrimaryWrite(): void {
  holder.primaryUntil = Date.now() + PRIMARY_AFTER_WRITE_MS;
}

/**
 * Whether the database is known to be unreachable right now: set by
 * noteDatabaseFault(), cleared as soon as a ping answers again.
 */
export function databaseUnreachable(): boolean {
  return holder.unreachableSince !== undefined;
}

/**
 * Records that a request met a connection fault (isConnectionFault in
 * ./errors): until a ping (every `everyMs`) answers again, databaseUnreachable()
 * is true, so pages can answer 503 at once instead of each waiting for its
 * own failure.
 */
export function noteDatabaseFault(everyMs = 250): void {
  if (holder.unreachableSince !== undefined || !holder.handle) return;
  holder.unreachableSince = Date.now();
  const pending = holder.handle;
  let probing = false;
  holder.recovery = setInterval(() => {
    if (probing) return;
    probing = true;
    pending
      .then((handle) => handle.ping(Math.max(everyMs * 4, 1_000)))
      .then(
        () => {
          clearInterval(holder.recovery);
          holder.recovery = undefined;
          holder.unreachableSince = undefined;
        },
        () => {},
      )
      .finally(() => {
        probing = false;
      });
  }, everyMs);
  holder.recovery.unref();
}

/** After a pool connection closed: one ping (at most one in flight), and noteDatabaseFault() if it fails. */
function checkReachableSoon(): void {
  if (holder.checking || holder.unreachableSince !== undefined || !holder.handle) return;
  const pending = holder.handle;
  holder.checking = true;
  setTimeout(() => {
    pending
      .then((handle) => handle.ping(1_000))
      .then(
        () => {},
        () => noteDatabaseFault(),
      )
      .finally(() => {
        holder.checking = false;
      });
  }, 50).unref();
}

/** One round trip to the database within `timeoutMs` (readiness checks). */
export async function pingDatabase(timeoutMs: number): Promise<void> {
  await (await openHandle()).ping(timeoutMs);
}

/** Closes this process's database, if it was opened (scripts, before they exit). */
export async function closeDb(): Promise<void> {
  const pending = holder.handle;
  holder.handle = undefined;
  clearInterval(holder.recovery);
  holder.recovery = undefined;
  holder.unreachableSince = undefined;
  if (pending) await (await pending).close();
}

/** For tests: route every getDb() call to `db` (or back to normal with undefined). */
export function overrideDbForTests(db: Database | undefined): void {
  holder.override = db;
}
