import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Logger } from "drizzle-orm/logger";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { overrideDbForTests, type Database } from "../../db/client";
import * as schema from "../../db/schema";

export interface TestDatabase {
  db: Database;
  /** How many SQL statements have run since the last reset(). */
  queries: { count: number; statements: string[]; reset(): void };
  /** On a PostgreSQL server: the URL of this file's database (as the test run's own role). */
  url?: string;
  close(): Promise<void>;
}

let counter = 0;

/**
 * A fresh database for one test file: a copy of the migrated template (PGlite,
 * or a new database on the server when DATABASE_URL is set), counting queries.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const queries = {
    count: 0,
    statements: [] as string[],
    reset() {
      this.count = 0;
      this.statements = [];
    },
  };
  const logger: Logger = {
    logQuery(query) {
      queries.count++;
      queries.statements.push(query);
    },
  };
  const templateUrl = inject("postgresTemplateUrl");
  if (templateUrl) {
    const template = new URL(templateUrl);
    const templateName = template.pathname.slice(1);
    const name = `${templateName.replace(/_tpl$/, "")}_${process.pid}_${++counter}`;
    const adminUrl = new URL(templateUrl);
    adminUrl.pathname = "/postgres";
    const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${templateName}"`);
    const url = new URL(templateUrl);
    url.pathname = `/${name}`;
    const client = postgres(url.toString(), { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Database;
    return {
      db,
      queries,
      url: url.toString(),
      async close() {
        await client.end({ timeout: 5 });
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  }
  const dump = readFileSync(inject("pgliteTemplate"));
  const client = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const db = drizzlePglite(client, { schema, logger }) as unknown as Database;
  return { db, queries, close: () => client.close() };
}

/**
 * Gives the calling test file its own database for all its tests, and routes
 * the app's getDb() to it.
 */
export function useTestDatabase(): TestDatabase {
  const holder = {} as TestDatabase;
  beforeAll(async () => {
    const test = await createTestDatabase();
    Object.assign(holder, test);
    overrideDbForTests(test.db);
  });
  afterAll(async () => {
    overrideDbForTests(undefined);
    await holder.close?.();
  });
  return new Proxy(holder, {
    get(target, key) {
      if (!(key in target)) throw new Error("The test database is used before beforeAll ran");
      return target[key as keyof TestDatabase];
    },
  });
}
