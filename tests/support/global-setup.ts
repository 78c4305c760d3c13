import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrationsFolder, openPostgres } from "../../db/client";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a migrated data directory dump that each test file loads. */
    pgliteTemplate: string;
    /** PostgreSQL server: the URL of a migrated template database, when DATABASE_URL is set. */
    postgresTemplateUrl: string;
  }
}

/**
 * Migrates once per run: a PGlite dump on the embedded path, or a template
 * database on the server when DATABASE_URL is set. Each test file then copies
 * it (see tests/support/database.ts) instead of migrating again.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `marquee_test_${process.pid}_${Date.now().toString(36)}_tpl`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString());
    await handle.migrate();
    await handle.close();
    project.provide("postgresTemplateUrl", url.toString());
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(path.join(tmpdir(), "marquee-test-"));
  const client = await PGlite.create();
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  project.provide("postgresTemplateUrl", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
