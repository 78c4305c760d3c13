import { and, count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPostgres, overrideDbForTests, type Database } from "@/db/client";
import { grantAppRole } from "@/db/roles";
import * as schema from "@/db/schema";
import { commentReports, comments, moderationLog, ratings } from "@/db/schema";
import { postComment, reportComment } from "@/lib/comments/write";
import { recordModerationAction } from "@/lib/moderation/log";
import { removeComment } from "@/lib/moderation/comments";
import { rateFilm } from "@/lib/ratings/write";
import { deleteReview, saveReview } from "@/lib/reviews/write";
import { reloadEnv } from "@/lib/env";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const onServer = Boolean(inject("postgresTemplateUrl"));

// PGlite runs as one superuser and has no other roles, so there is nothing to refuse there:
// these run only with DATABASE_URL (npm test on a PostgreSQL server).
describe.skipIf(!onServer)("the app's database role on PostgreSQL (skipped on PGlite, which keeps one role)", () => {
  const t = useTestDatabase();
  const role = `marquee_app_test_${process.pid}_${Date.now().toString(36)}`;
  let app: postgres.Sql;
  let owner: postgres.Sql;
  let appDb: Database;
  let appUrl: string;

  beforeAll(async () => {
    process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
    reloadEnv();
    owner = postgres(t.url!, { max: 1, onnotice: () => {} });
    const report = await grantAppRole(t.db, { role, password: "app-role-password" });
    expect(report.created).toBe(true);
    const url = new URL(t.url!);
    url.username = role;
    url.password = "app-role-password";
    appUrl = url.toString();
    app = postgres(appUrl, { max: 2, onnotice: () => {} });
    appDb = drizzle(app, { schema }) as unknown as Database;
    await recordModerationAction(t.db, {
      actorId: null,
      actorLabel: "command line",
      action: "member.role_change",
      targetType: "member",
      targetId: "x",
    });
  });

  afterAll(async () => {
    overrideDbForTests(t.db);
    await app?.end({ timeout: 5 });
    // Roles belong to the whole server: take away what this one holds here, then drop it.
    await owner.unsafe(`drop owned by ${role}`);
    await owner.unsafe(`drop role if exists ${role}`);
    await owner.end();
    delete process.env.MARQUEE_COMMENT_INTERVAL_SECONDS;
    reloadEnv();
  });

  it.each([
    ["DELETE", "delete from moderation_log", /permission denied for table moderation_log/],
    ["UPDATE", "update moderation_log set reason = 'rewritten'", /permission denied for table moderation_log/],
    ["TRUNCATE", "truncate moderation_log", /permission denied for table moderation_log/],
    ["ALTER TABLE … DISABLE TRIGGER", "alter table moderation_log disable trigger all", /must be owner of table/],
    ["DROP TABLE", "drop table moderation_log", /must be owner of table/],
  ])("refuses %s on moderation_log (the privilege, not only the trigger)", async (_what, statement, message) => {
    await expect(app.unsafe(statement)).rejects.toThrow(message);
    const [row] = await t.db.select({ n: count() }).from(moderationLog);
    expect(row!.n).toBeGreaterThan(0);
  });

  it("lets the app read and add to moderation_log", async () => {
    const id = await recordModerationAction(appDb, {
      actorId: null,
      actorLabel: "command line",
      action: "member.role_change",
      targetType: "member",
      targetId: "y",
    });
    const rows = await appDb.select({ targetId: moderationLog.targetId }).from(moderationLog);
    expect(rows.map((r) => r.targetId)).toEqual(expect.arrayContaining(["x", "y"]));
    expect(id).toBeGreaterThan(0);
  });

  it("may not create tables of its own", async () => {
    await expect(app.unsafe("create table moderation_log_copy (id int)")).rejects.toThrow(
      /permission denied for schema public/,
    );
  });

  it("owns no table, sequence or schema", async () => {
    const owned = await app<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = current_user
      union all
      select nspname from pg_namespace n join pg_roles r on r.oid = n.nspowner where r.rolname = current_user`;
    expect(owned).toEqual([]);
  });

  it("serves the app's ordinary writes: members, ratings, reviews, comments, reports and moderation", async () => {
    overrideDbForTests(appDb);
    try {
      const author = await addMember(appDb);
      const reader = await addMember(appDb);
      const moderator = await addMember(appDb, { role: "moderator" });
      const film = await addFilm(appDb, "Served As The App");

      expect(await rateFilm(reader, film.slug, 6)).toMatchObject({ ok: true });
      const [rated] = await appDb
        .select({ halfStars: ratings.halfStars })
        .from(ratings)
        .where(eq(ratings.userId, reader.id));
      expect(rated).toEqual({ halfStars: 6 });

      const saved = await saveReview(author, {
        film: film.slug,
        intent: "publish",
        verdict: "Served well.",
        body: "A review written through the app's own role.",
        halfStars: "7",
        containsSpoilers: "",
      });
      expect(saved).toMatchObject({ ok: true, value: { status: "published" } });
      const reviewId = saved.ok ? saved.value.reviewId : 0;

      const posted = await postComment(reader, { reviewId, body: "A comment written as the app role." });
      expect(posted).toMatchObject({ ok: true });
      const commentId = posted.ok ? posted.value.commentId : 0;
      expect(await reportComment(author, { commentId, reason: "spam" })).toMatchObject({ ok: true });
      expect(await removeComment(moderator, { commentId, rule: "spam", reason: "Spam." })).toMatchObject({ ok: true });
      const [removed] = await appDb
        .select({ removalReason: comments.removalReason })
        .from(comments)
        .where(eq(comments.id, commentId));
      expect(removed).toEqual({ removalReason: "Spam." });

      // Deleting the review keeps the moderation record, added to the log the app cannot change.
      expect(await deleteReview(author, { reviewId })).toMatchObject({ ok: true });
      const [evidence] = await appDb
        .select({ action: moderationLog.action })
        .from(moderationLog)
        .where(and(eq(moderationLog.targetType, "review"), eq(moderationLog.targetId, String(reviewId))));
      expect(evidence).toEqual({ action: "review.delete" });
      const [reports] = await appDb.select({ n: count() }).from(commentReports);
      expect(reports!.n).toBe(0);
    } finally {
      overrideDbForTests(t.db);
    }
  });

  it("starts the server as the app role without migrating (nothing is pending, so no DDL is tried)", async () => {
    const handle = openPostgres(appUrl);
    try {
      await expect(handle.migrate()).resolves.toBeUndefined();
    } finally {
      await handle.close();
    }
  });

  it("stops a start with a pending migration, saying the owner must run it", async () => {
    const [last] = await owner<{ id: number; hash: string; created_at: string }[]>`
      delete from drizzle.__drizzle_migrations
      where created_at = (select max(created_at) from drizzle.__drizzle_migrations)
      returning id, hash, created_at`;
    const handle = openPostgres(appUrl);
    try {
      await expect(handle.migrate()).rejects.toThrow(
        "Migrations are pending and this database role may not apply them: run `npm run db:migrate`",
      );
    } finally {
      await handle.close();
      await owner`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, ${last!.hash}, ${last!.created_at})`;
    }
    const [films] = await app<{ n: number }[]>`select count(*)::int as n from films`;
    expect(films!.n).toBeGreaterThan(0);
  });

  it("covers tables a later migration adds, and a second run changes nothing", async () => {
    await owner.unsafe("create table later_migration_table (id int primary key)");
    await expect(app`insert into later_migration_table values (1)`).resolves.toBeDefined();
    await expect(app`select id from later_migration_table`).resolves.toEqual([{ id: 1 }]);

    const again = await grantAppRole(t.db, { role });
    expect(again.created).toBe(false);
    await expect(app.unsafe("delete from moderation_log")).rejects.toThrow(/permission denied/);
    await expect(app`select count(*)::int as n from moderation_log`).resolves.toEqual([
      { n: expect.any(Number) as number },
    ]);
  });
});
