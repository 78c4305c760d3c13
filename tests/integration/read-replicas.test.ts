import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import {
  closeDb,
  getDb,
  getPrimaryDb,
  notePrimaryWrite,
  onPrimary,
  openDatabase,
  PRIMARY_AFTER_WRITE_MS,
} from "@/db/client";
import { films } from "@/db/schema";
import { defineAction } from "@/lib/forms/define-action";
import { ok } from "@/lib/result";
import { signInAs } from "../support/session";

/**
 * A "replica" that is a second copy of the migrated template, told apart from
 * the primary by a marker film that only it holds: a read that finds the
 * marker went to the replica.
 */
const templateUrl = inject("postgresTemplateUrl");

function databaseUrl(name: string): string {
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const member = { id: "m1", handle: "maya", name: "Maya", image: null, role: "member" as const, suspended: false };

describe.skipIf(!templateUrl)("reads and writes with DATABASE_REPLICA_URLS", () => {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const primaryName = `marquee_primary_${suffix}`;
  const replicaName = `marquee_replica_${suffix}`;
  const admin = templateUrl ? postgres(databaseUrl("postgres"), { max: 1, onnotice: () => {} }) : null;

  /** Where a read of the marker films landed. */
  async function whereReadWent(): Promise<"primary" | "replica"> {
    const rows = await (await getDb()).select({ title: films.title }).from(films).where(eq(films.slug, "marker"));
    return rows[0]?.title === "Replica marker" ? "replica" : "primary";
  }

  beforeAll(async () => {
    const template = new URL(templateUrl).pathname.slice(1);
    await admin!.unsafe(`create database "${primaryName}" template "${template}"`);
    await admin!.unsafe(`create database "${replicaName}" template "${template}"`);
    for (const [name, title] of [
      [primaryName, "Primary marker"],
      [replicaName, "Replica marker"],
    ] as const) {
      const db = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
      await db`insert into films (slug, title) values ('marker', ${title})`;
      await db.end();
    }
    await openDatabase({ url: databaseUrl(primaryName), dataDir: ".unused", replicaUrls: [databaseUrl(replicaName)] });
  });

  afterAll(async () => {
    await closeDb();
    for (const name of [primaryName, replicaName])
      await admin?.unsafe(`drop database if exists "${name}" with (force)`);
    await admin?.end();
  });

  it("sends a plain read to the replica", async () => {
    expect(await whereReadWent()).toBe("replica");
  });

  it("sends writes and transactions to the primary", async () => {
    const db = await getDb();
    await db.insert(films).values({ slug: "written", title: "Written" });
    const inTransaction = await db.transaction(async (tx) =>
      tx.select({ title: films.title }).from(films).where(eq(films.slug, "marker")),
    );
    expect(inTransaction[0]?.title).toBe("Primary marker");
    const primary = postgres(databaseUrl(primaryName), { max: 1, onnotice: () => {} });
    const replica = postgres(databaseUrl(replicaName), { max: 1, onnotice: () => {} });
    expect(await primary`select 1 from films where slug = 'written'`).toHaveLength(1);
    expect(await replica`select 1 from films where slug = 'written'`).toHaveLength(0);
    await Promise.all([primary.end(), replica.end()]);
  });

  it("reads from the primary inside onPrimary and through getPrimaryDb", async () => {
    expect(await onPrimary(() => whereReadWent())).toBe("primary");
    const rows = await (
      await getPrimaryDb()
    )
      .select({ title: films.title })
      .from(films)
      .where(eq(films.slug, "marker"));
    expect(rows[0]?.title).toBe("Primary marker");
    expect(await whereReadWent()).toBe("replica");
  });

  it("runs an action's reads on the primary, and reads the primary for a moment after a write", async () => {
    signInAs(member);
    const seen: string[] = [];
    const action = defineAction({
      requires: "poster",
      schema: z.object({}),
      run: async () => {
        seen.push(await whereReadWent());
        return ok({ changed: [] });
      },
      message: "Done.",
    });
    const form = new FormData();
    form.set("$ACTION_ID_abc", "");
    await expect(action(null, form)).resolves.toMatchObject({ ok: true });
    expect(seen).toEqual(["primary"]);
    // The answer and the next pages this instance renders read the primary until a replica has caught up.
    expect(await whereReadWent()).toBe("primary");
    await new Promise((resolve) => setTimeout(resolve, PRIMARY_AFTER_WRITE_MS + 100));
    expect(await whereReadWent()).toBe("replica");
    notePrimaryWrite();
    expect(await whereReadWent()).toBe("primary");
  });
});
