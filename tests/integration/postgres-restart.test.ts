import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type DatabaseHandle } from "@/db/client";
import { createPostgresCluster, lockFilms, type PostgresCluster } from "../support/pg-cluster";

/**
 * The app's pool (db/client.ts's openPostgres, with its timeouts and the
 * patched postgres.js) on a PostgreSQL cluster of this file's own, stopped
 * while every connection has a query in flight and started again: the first
 * queries after the return must all succeed. Skipped where PostgreSQL's
 * server programs are not installed (a laptop with only Node.js).
 */

const serverInstalled = existsSync("/usr/lib/postgresql");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe.skipIf(!serverInstalled)("the pool after PostgreSQL restarts under it", () => {
  let cluster: PostgresCluster;
  let admin: postgres.Sql;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    cluster = createPostgresCluster(await freePort());
    admin = postgres(cluster.url(), { max: 2, onnotice: () => {} });
    await admin`create table films (id int)`;
    handle = openPostgres(cluster.url());
  }, 60_000);

  afterAll(async () => {
    await handle?.close().catch(() => {});
    await admin?.end({ timeout: 1 }).catch(() => {});
    cluster?.destroy();
  });

  it("answers every query once the server is back, with no error left over from the stop", async () => {
    // Every one of the pool's 10 connections open and busy: each waits behind a lock when the server stops.
    const lock = await lockFilms(admin);
    const cutOff = [...Array(10)].map(() =>
      handle.primary.execute(sql`select count(*) from films`).then(
        () => "answered",
        () => "failed",
      ),
    );
    await expect
      .poll(
        async () =>
          (await admin`select 1 from pg_stat_activity where application_name = 'marquee' and wait_event_type = 'Lock'`)
            .length,
      )
      .toBe(10);

    cluster.stop();
    await lock.release();
    expect(await Promise.all(cutOff)).toEqual(Array(10).fill("failed"));
    cluster.start();

    // postgres.js kept the shutdown's 57P01 "terminating connection" and failed the first query of each reopened connection with it.
    const first = await Promise.all(
      [...Array(20)].map(() =>
        handle.primary.execute(sql`select 1 as one`).then(
          () => "answered",
          (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? error),
        ),
      ),
    );
    expect(first).toEqual(Array(20).fill("answered"));
  }, 60_000);
});
