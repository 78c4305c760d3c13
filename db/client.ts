import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env, seedPlan } from "../lib/env";
import { lockDataFolder } from "./lock";
import * as schema from "./schema";

/** A Drizzle handle on either driver: PGlite embedded, or postgres.js on a server. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

type Holder = {
  handle?: Promise<DatabaseHandle>;
  /** Set by the test suites: every caller of getDb() then gets this one. */
  override?: Database;
};

const globalForDb = globalThis as typeof globalThis & { __marqueeDb?: Holder };
// Kept on globalThis so a hot reload in development reuses the open database
// instead of opening a second PGlite on the same folder.
const holder: Holder = (globalForDb.__marqueeDb ??= {});

/** Opens PostgreSQL at `url` with postgres.js and brings its schema up to date. */
export async function openPostgres(url: string, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  if (options.migrate !== false) {
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
  }
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** Opens (creating if missing) the embedded database in `dataDir`, locked to this process. */
export async function openEmbedded(dataDir: string): Promise<DatabaseHandle & { client: PGlite }> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const release = lockDataFolder(dir);
  try {
    const client = await PGlite.create(path.join(dir, "pgdata"));
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return {
      db,
      client,
      kind: "pglite",
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

async function open(): Promise<DatabaseHandle> {
  const config = env();
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  const handle = await openEmbedded(config.MARQUEE_DATA_DIR);
  const plan = seedPlan(config);
  if (plan !== "none") {
    const { seedIfEmpty } = await import("./seed");
    await seedIfEmpty(handle.db, { demo: plan === "demo" });
  }
  return handle;
}

/**
 * The database for this process, opened and migrated on first use (and, when
 * embedded and empty, seeded with the demo data and the film catalogue).
 */
export async function getDb(): Promise<Database> {
  if (holder.override) return holder.override;
  holder.handle ??= open().catch((error: unknown) => {
    holder.handle = undefined;
    throw error;
  });
  return (await holder.handle).db;
}

/** Closes this process's database, if it was opened. */
export async function closeDb(): Promise<void> {
  const pending = holder.handle;
  holder.handle = undefined;
  if (pending) await (await pending).close();
}

/** For tests: route every getDb() call to `db` (or back to normal with undefined). */
export function overrideDbForTests(db: Database | undefined): void {
  holder.override = db;
}
