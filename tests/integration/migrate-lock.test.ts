import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrationsFolder, openPostgres } from "@/db/client";

/** The server the suite runs on (DATABASE_URL): the advisory lock is PostgreSQL's, PGlite has one process. */
const templateUrl = inject("postgresTemplateUrl");

function serverUrl(database: string): string {
  const url = new URL(templateUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

describe.skipIf(!templateUrl)("migrations under the advisory lock", () => {
  const name = `marquee_migrate_${process.pid}_${Date.now().toString(36)}`;
  const admin = templateUrl ? postgres(serverUrl("postgres"), { max: 1, onnotice: () => {} }) : null;
  afterAll(async () => {
    await admin?.unsafe(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  it("ten instances starting at once on a new database all succeed, and each migration is applied once", async () => {
    await admin!.unsafe(`create database "${name}"`);
    const handles = Array.from({ length: 10 }, () => openPostgres(serverUrl(name), { max: 1 }));
    const outcomes = await Promise.allSettled(handles.map((handle) => handle.migrate()));
    await Promise.all(handles.map((handle) => handle.close()));
    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toEqual([]);

    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    const db = postgres(serverUrl(name), { max: 1, onnotice: () => {} });
    try {
      const applied = await db<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations`;
      expect(applied).toHaveLength(journal.entries.length);
      expect(new Set(applied.map((row) => row.hash)).size).toBe(journal.entries.length);
      // The schema is whole: the last migration's objects are there.
      const [schemaTables] = await db<{ tables: number }[]>`
        select count(*)::int as tables from information_schema.tables where table_schema = 'public'`;
      expect(schemaTables?.tables).toBeGreaterThan(10);
    } finally {
      await db.end();
    }
  });

  it("a second migrate on a migrated database applies nothing", async () => {
    const handle = openPostgres(serverUrl(name), { max: 1 });
    await handle.migrate();
    await handle.close();
    const db = postgres(serverUrl(name), { max: 1, onnotice: () => {} });
    const [row] = await db<{ count: number }[]>`select count(*)::int as count from drizzle.__drizzle_migrations`;
    await db.end();
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    expect(row?.count).toBe(journal.entries.length);
  });
});
