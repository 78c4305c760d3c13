import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { readMigrationFiles } from "drizzle-orm/migrator";
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
}

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies the pending migrations in db/migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

type Holder = {
  handle?: Promise<DatabaseHandle>;
  /** Set by the test suites: every caller of getDb() then gets this one. */
  override?: Database;
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

/** Opens PostgreSQL at `url` with postgres.js. Migrating is a separate step. */
export function openPostgres(url: string): DatabaseHandle {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      if (await migrationsApplied(client)) return;
      try {
        await migratePostgres(drizzlePostgres(client), { migrationsFolder });
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
    close: () => client.end({ timeout: 5 }),
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
      client,
      kind: "pglite",
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
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
  holder.handle ??= (settings.url ? Promise.resolve(openPostgres(settings.url)) : openEmbedded(settings.dataDir)).catch(
    (error: unknown) => {
      holder.handle = undefined;
      throw error;
    },
  );
  return holder.handle;
}

/** The database this process opened with openDatabase() (at start-up, or in a script). */
export async function getDb(): Promise<Database> {
  if (holder.override) return holder.override;
  if (!holder.handle) {
    throw new Error(
      "The database is not open: the server opens it when it starts (lib/startup.ts), a script with openDatabase().",
    );
  }
  return (await holder.handle).db;
}

/** Closes this process's database, if it was opened (scripts, before they exit). */
export async function closeDb(): Promise<void> {
  const pending = holder.handle;
  holder.handle = undefined;
  if (pending) await (await pending).close();
}

/** For tests: route every getDb() call to `db` (or back to normal with undefined). */
export function overrideDbForTests(db: Database | undefined): void {
  holder.override = db;
}
