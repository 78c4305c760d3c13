import { count, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  accounts,
  commentReports,
  comments,
  diaryEntries,
  films,
  follows,
  letterboxdImports,
  listItems,
  listLikes,
  lists,
  mailOutbox,
  moderationLog,
  notificationSettings,
  notifications,
  rateLimits,
  ratings,
  reviewLikes,
  reviews,
  sessions,
  users,
  watchlistItems,
} from "@/db/schema";
import { deleteAccount } from "@/lib/account/delete";
import {
  EXPORTS_PER_HOUR,
  buildMemberExport,
  exportMemberData,
  ratingsCsv,
  type MemberExport,
} from "@/lib/account/export";
import type { CurrentUser } from "@/lib/auth";
import { getThreadPage, type CommentView } from "@/lib/comments/queries";
import type { TreeNode } from "@/lib/comments/tree";
import { getReview } from "@/lib/reviews/queries";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";
import { renderStored } from "@/lib/markdown";

const auth = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth", async () => ({
  getCurrentUser: async () => auth.user,
  hasRole: (await import("@/lib/auth/roles")).hasRole,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const t = useTestDatabase();
const filmColumns = { slug: films.slug, title: films.title, year: films.year };
let herId = 0;
let stalkerId = 0;

beforeAll(async () => {
  herId = (await addFilm(t.db, "Her", 2013)).id;
  stalkerId = (await addFilm(t.db, "Stalker", 1979)).id;
});

let commentSequence = 0;
async function comment(
  reviewId: number,
  author: CurrentUser,
  body: string,
  parent?: { id: number; depth: number; root: number },
) {
  const [row] = await t.db
    .insert(comments)
    .values({
      reviewId,
      authorId: author.id,
      body,
      // Stored with its rendered HTML, as every comment write does.
      ...renderStored(body),
      parentId: parent?.id ?? null,
      threadRootId: parent?.root ?? null,
      depth: parent ? parent.depth + 1 : 0,
      signedWithProvider: "google",
      signedWithAccountId: `acct-${author.handle}`,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, ++commentSequence)),
    })
    .returning({ id: comments.id });
  // A top-level comment is its own thread's root.
  if (!parent) await t.db.update(comments).set({ threadRootId: row!.id }).where(eq(comments.id, row!.id));
  return row!.id;
}

/**
 * A member who has done a bit of everything: rated two films, published a
 * review of one and drafted another, commented in someone else's thread
 * (with a reply under it), liked and reported, imported, logged a viewing,
 * and acted as a moderator once. Plus a neighbour whose review hosts it.
 */
async function busyMember() {
  const me = await addMember(t.db, { role: "moderator" });
  const neighbour = await addMember(t.db);
  await t.db
    .update(users)
    .set({ email: `${me.handle}@example.com` })
    .where(eq(users.id, me.id));
  await t.db
    .update(accounts)
    .set({ access_token: "secret-access-token", refresh_token: "secret-refresh" })
    .where(eq(accounts.userId, me.id));
  await t.db
    .insert(sessions)
    .values({ sessionToken: `s-${me.handle}`, userId: me.id, expires: new Date(Date.now() + 86_400_000) });
  await t.db.insert(ratings).values([
    { userId: me.id, filmId: herId, halfStars: 8 },
    { userId: me.id, filmId: stalkerId, halfStars: 5 },
    { userId: neighbour.id, filmId: herId, halfStars: 6 },
  ]);
  const [published] = await t.db
    .insert(reviews)
    .values({
      filmId: herId,
      authorId: me.id,
      verdict: "A love story for the age of voices.",
      body: "It *listens*.",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  const [draft] = await t.db
    .insert(reviews)
    .values({
      filmId: stalkerId,
      authorId: me.id,
      verdict: "Half-written.",
      body: "Notes on the Zone.",
      status: "draft",
    })
    .returning({ id: reviews.id });
  const [theirs] = await t.db
    .insert(reviews)
    .values({
      filmId: stalkerId,
      authorId: neighbour.id,
      verdict: "Slow, and worth it.",
      body: "The room.",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  const top = await comment(theirs!.id, neighbour, "What did everyone make of the ending?");
  const mine = await comment(theirs!.id, me, "The dog stayed with me.", { id: top, depth: 0, root: top });
  const reply = await comment(theirs!.id, neighbour, "Same here: the dog!", { id: mine, depth: 1, root: top });
  const onMyReview = await comment(published!.id, neighbour, "Lovely review.");
  await t.db.insert(reviewLikes).values({ reviewId: theirs!.id, userId: me.id });
  await t.db.insert(reviewLikes).values({ reviewId: published!.id, userId: neighbour.id });
  await t.db
    .insert(commentReports)
    .values({ commentId: top, reporterId: me.id, reason: "off-topic", note: "Testing the queue" });
  await t.db.insert(letterboxdImports).values({
    userId: me.id,
    files: ["ratings.csv"],
    preview: { version: 1, files: [], items: [] },
    expiresAt: new Date(Date.now() + 3600_000),
  });
  await t.db.insert(diaryEntries).values({
    userId: me.id,
    filmId: herId,
    watchedOn: "2024-01-04",
    rewatch: true,
    halfStars: 8,
    tags: ["romance"],
    source: "letterboxd",
    reviewId: published!.id,
  });
  // Lists: one public with two films, one private and empty; a neighbour's public list they
  // liked, and a neighbour's list they liked before it was made private.
  const [rain] = await t.db
    .insert(lists)
    .values({
      ownerId: me.id,
      title: "Films about longing",
      description: "Two *slow* ones.",
      filmCount: 2,
      createdAt: new Date(Date.UTC(2025, 1, 1)),
    })
    .returning({ id: lists.id });
  const [secret] = await t.db
    .insert(lists)
    .values({ ownerId: me.id, title: "Maybe later", isPublic: false, createdAt: new Date(Date.UTC(2025, 1, 2)) })
    .returning({ id: lists.id });
  await t.db.insert(listItems).values([
    { listId: rain!.id, filmId: stalkerId, position: 1 },
    { listId: rain!.id, filmId: herId, position: 2 },
  ]);
  const [theirList] = await t.db
    .insert(lists)
    .values({ ownerId: neighbour.id, title: "Sci-fi that thinks" })
    .returning({ id: lists.id });
  const [theirPrivate] = await t.db
    .insert(lists)
    .values({ ownerId: neighbour.id, title: "Not for anyone", isPublic: false })
    .returning({ id: lists.id });
  await t.db.insert(listLikes).values([
    { listId: theirList!.id, userId: me.id },
    { listId: theirPrivate!.id, userId: me.id },
    { listId: rain!.id, userId: neighbour.id },
  ]);
  const fan = await addMember(t.db);
  await t.db.insert(follows).values([
    { followerId: me.id, followedId: neighbour.id },
    { followerId: fan.id, followedId: me.id },
  ]);
  await t.db.insert(notificationSettings).values({ userId: me.id, kind: "review_like", inApp: false, email: false });
  await t.db.insert(notifications).values([
    {
      recipientId: me.id,
      kind: "follow",
      actorId: fan.id,
      dedupeKey: `follow:${fan.id}:${me.id}`,
      createdAt: new Date(Date.UTC(2025, 2, 1)),
      readAt: new Date(Date.UTC(2025, 2, 2)),
    },
    {
      recipientId: me.id,
      kind: "moderation",
      reason: "Your comment was removed: it was off-topic.",
      createdAt: new Date(Date.UTC(2025, 2, 3)),
    },
    // What the member caused others to be told: a like and a follow, keyed by their id.
    {
      recipientId: neighbour.id,
      kind: "review_like",
      actorId: me.id,
      reviewId: theirs!.id,
      dedupeKey: `review_like:${theirs!.id}:${me.id}`,
    },
    {
      recipientId: neighbour.id,
      kind: "follow",
      actorId: me.id,
      dedupeKey: `follow:${me.id}:${neighbour.id}`,
    },
  ]);
  await t.db.insert(mailOutbox).values({
    recipientId: me.id,
    toAddress: `${me.handle}@example.com`,
    subject: "A reply",
    textBody: "Someone replied.",
  });
  await t.db.insert(watchlistItems).values({ userId: me.id, filmId: stalkerId, source: "letterboxd" });
  await t.db.insert(moderationLog).values({
    actorId: me.id,
    actorLabel: me.handle,
    action: "comment.remove",
    targetType: "comment",
    targetId: String(top),
    reason: "test",
  });
  await t.db
    .insert(moderationLog)
    .values({ actorId: null, actorLabel: "system", action: "member.suspend", targetType: "member", targetId: me.id });
  await t.db
    .insert(rateLimits)
    .values({ key: `comment-daily:${me.id}`, points: 1, expire: new Date(Date.now() + 60_000) });
  return {
    me,
    neighbour,
    fan,
    rain: rain!.id,
    secret: secret!.id,
    theirList: theirList!.id,
    published: published!.id,
    draft: draft!.id,
    theirs: theirs!.id,
    top,
    mine,
    reply,
    onMyReview,
  };
}

const filmFigures = async (filmId: number) =>
  (
    await t.db.select({ count: films.ratingCount, total: films.halfStarsTotal }).from(films).where(eq(films.id, filmId))
  )[0]!;

function flatten(nodes: TreeNode<CommentView>[]): TreeNode<CommentView>[] {
  return nodes.flatMap((node) => [node, ...flatten(node.replies)]);
}

/**
 * Every row in every table that still names the member: any text or JSON
 * column holding their id, handle or e-mail. The moderation log is left out
 * on purpose: it keeps its rows.
 */
/** The rows of a raw query on either driver (PGlite answers { rows }, postgres.js an array). */
function rowsOf<T>(result: unknown): T[] {
  return (typeof result === "object" && result !== null && "rows" in result ? result.rows : result) as T[];
}

async function leftovers(member: { id: string; handle: string; email: string }) {
  const columns = await t.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'jsonb', 'ARRAY', 'character varying')
      and table_name <> 'moderation_log' order by table_name, column_name`);
  const rows = rowsOf<{ table_name: string; column_name: string }>(columns);
  expect(rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { table_name, column_name } of rows) {
    const result = await t.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text like ${`%${member.id}%`}
        or ${sql.identifier(column_name)}::text like ${`%${member.email}%`} or ${sql.identifier(column_name)}::text = ${member.handle}`,
    );
    const list = rowsOf<{ n: number }>(result);
    if (list[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

describe("downloading your data", () => {
  it("holds everything the member wrote and chose, the providers but no tokens, in schema version 1", async () => {
    const { me, published, draft, mine, top } = await busyMember();
    const data = (await buildMemberExport(me.id))!;
    expect(data.schemaVersion).toBe(1);
    expect(data.profile).toMatchObject({ handle: me.handle, email: `${me.handle}@example.com`, role: "moderator" });
    expect(data.linkedAccounts).toEqual([{ provider: "google", linkedAt: expect.any(String) }]);
    expect(JSON.stringify(data)).not.toMatch(/secret-access-token|secret-refresh|acct-/);
    expect(data.ratings.map((r) => [r.film.title, r.halfStars, r.rating])).toEqual(
      expect.arrayContaining([
        ["Her", 8, "4/4"],
        ["Stalker", 5, "2½/4"],
      ]),
    );
    expect(data.reviews.map((r) => [r.id, r.status, r.body])).toEqual([
      [published, "published", "It *listens*."],
      [draft, "draft", "Notes on the Zone."],
    ]);
    expect(data.comments).toEqual([
      expect.objectContaining({
        id: mine,
        parentId: top,
        body: "The dog stayed with me.",
        signedWithProvider: "google",
      }),
    ]);
    expect(data.likes).toHaveLength(1);
    expect(data.reports).toEqual([
      expect.objectContaining({ commentId: top, reason: "off-topic", note: "Testing the queue" }),
    ]);
    expect(data.imports).toEqual([expect.objectContaining({ source: "letterboxd", files: ["ratings.csv"] })]);
    expect(data.diary).toEqual([
      {
        film: expect.objectContaining({ title: "Her" }),
        watchedOn: "2024-01-04",
        rewatch: true,
        halfStars: 8,
        rating: "4/4",
        tags: ["romance"],
        source: "letterboxd",
        reviewId: published,
      },
    ]);
    expect(data.watchlist).toEqual([expect.objectContaining({ film: expect.objectContaining({ title: "Stalker" }) })]);
    const lines = ratingsCsv(data).trim().split("\r\n");
    expect(lines[0]).toBe("Date,Film,Year,Slug,Rating,Half stars");
    expect(lines.slice(1).map((l) => l.split(",").slice(1, 3).concat(l.split(",").slice(4)))).toEqual(
      expect.arrayContaining([
        ["Her", "2013", "4/4", "8"],
        ["Stalker", "1979", "2½/4", "5"],
      ]),
    );
  });

  it("holds the member's lists, the lists they liked, follows both ways, notification settings and notices", async () => {
    const { me, neighbour, fan, rain, secret, theirList, published } = await busyMember();
    auth.user = me;
    const { GET } = await import("@/app/account/export/route");
    const response = await GET(new NextRequest("http://localhost/account/export"));
    expect(response.status).toBe(200);
    // What the member downloads, read back as they would.
    const data = (await response.json()) as MemberExport;
    auth.user = null;
    const [her] = await t.db.select(filmColumns).from(films).where(eq(films.id, herId));
    const [stalker] = await t.db.select(filmColumns).from(films).where(eq(films.id, stalkerId));
    const when = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(data.schemaVersion).toBe(1);
    expect(data.diary).toEqual([expect.objectContaining({ reviewId: published, halfStars: 8, rating: "4/4" })]);
    expect(data.watchlist).toEqual([{ film: stalker, addedAt: when, source: "letterboxd" }]);
    expect(data.lists).toEqual([
      {
        id: rain,
        title: "Films about longing",
        description: "Two *slow* ones.",
        isPublic: true,
        createdAt: "2025-02-01T00:00:00.000Z",
        updatedAt: when,
        films: [
          { position: 1, film: stalker, addedAt: when },
          { position: 2, film: her, addedAt: when },
        ],
      },
      {
        id: secret,
        title: "Maybe later",
        description: "",
        isPublic: false,
        createdAt: "2025-02-02T00:00:00.000Z",
        updatedAt: when,
        films: [],
      },
    ]);
    // The neighbour's list made private since is theirs to keep quiet: only the public one shows.
    expect(data.listLikes).toEqual([
      { listId: theirList, title: "Sci-fi that thinks", ownerHandle: neighbour.handle, likedAt: when },
    ]);
    expect(data.following).toEqual([{ handle: neighbour.handle, since: when }]);
    expect(data.followers).toEqual([{ handle: fan.handle, since: when }]);
    expect(data.notificationSettings).toEqual([
      { kind: "reply", inApp: true, email: true, chosen: false },
      { kind: "review_comment", inApp: true, email: false, chosen: false },
      { kind: "review_like", inApp: false, email: false, chosen: true },
      { kind: "follow", inApp: true, email: false, chosen: false },
      { kind: "moderation", inApp: true, email: false, chosen: false },
    ]);
    expect(data.notifications).toEqual([
      {
        kind: "follow",
        actorHandle: fan.handle,
        reviewId: null,
        commentId: null,
        reason: null,
        createdAt: "2025-03-01T00:00:00.000Z",
        readAt: "2025-03-02T00:00:00.000Z",
      },
      {
        kind: "moderation",
        actorHandle: null,
        reviewId: null,
        commentId: null,
        reason: "Your comment was removed: it was off-topic.",
        createdAt: "2025-03-03T00:00:00.000Z",
        readAt: null,
      },
    ]);
    // Nothing of other members' beyond their handles, and no notice sent to someone else.
    expect(JSON.stringify(data)).not.toContain("Not for anyone");
    expect(JSON.stringify(data)).not.toContain(neighbour.id);
    expect(JSON.stringify(data)).not.toContain(fan.id);
  });

  it("reads the export in the same queries for 1 or 20 rows in every section", async () => {
    const others = await Promise.all(Array.from({ length: 20 }, () => addMember(t.db)));
    const catalogue = await Promise.all(Array.from({ length: 20 }, (_, i) => addFilm(t.db, `Budget ${i}`, 1990 + i)));
    async function memberWith(n: number) {
      const me = await addMember(t.db);
      const picked = catalogue.slice(0, n);
      const people = others.slice(0, n);
      await t.db.insert(ratings).values(picked.map((f) => ({ userId: me.id, filmId: f.id, halfStars: 6 })));
      const written = await t.db
        .insert(reviews)
        .values(
          picked.map((f) => ({
            filmId: f.id,
            authorId: me.id,
            verdict: "Fine.",
            body: "Fine.",
            status: "published" as const,
            publishedAt: new Date(),
          })),
        )
        .returning({ id: reviews.id });
      await t.db
        .insert(diaryEntries)
        .values(
          picked.map((f, i) => ({ userId: me.id, filmId: f.id, watchedOn: "2024-05-01", reviewId: written[i]!.id })),
        );
      await t.db.insert(watchlistItems).values(picked.map((f) => ({ userId: me.id, filmId: f.id })));
      const mine = await t.db
        .insert(lists)
        .values(picked.map((_, i) => ({ ownerId: me.id, title: `Mine ${i}`, filmCount: n })))
        .returning({ id: lists.id });
      await t.db
        .insert(listItems)
        .values(mine.flatMap((l) => picked.map((f, i) => ({ listId: l.id, filmId: f.id, position: i + 1 }))));
      const theirs = await t.db
        .insert(lists)
        .values(people.map((p) => ({ ownerId: p.id, title: `Theirs ${p.handle}` })))
        .returning({ id: lists.id });
      await t.db.insert(listLikes).values(theirs.map((l) => ({ listId: l.id, userId: me.id })));
      await t.db.insert(follows).values(people.map((p) => ({ followerId: me.id, followedId: p.id })));
      await t.db.insert(follows).values(people.map((p) => ({ followerId: p.id, followedId: me.id })));
      await t.db
        .insert(notificationSettings)
        .values(
          (["reply", "review_comment", "review_like", "follow", "moderation"] as const)
            .slice(0, Math.min(n, 5))
            .map((kind) => ({ userId: me.id, kind, inApp: true, email: false })),
        );
      await t.db
        .insert(notifications)
        .values(people.map((p) => ({ recipientId: me.id, kind: "follow" as const, actorId: p.id })));
      return me;
    }
    const small = await memberWith(1);
    const large = await memberWith(20);
    t.queries.reset();
    const one = (await buildMemberExport(small.id))!;
    const few = t.queries.count;
    t.queries.reset();
    const many = (await buildMemberExport(large.id))!;
    expect(t.queries.count).toBe(few);
    expect(few).toBeLessThanOrEqual(16);
    expect([one.lists.length, one.lists[0]!.films.length, one.following.length]).toEqual([1, 1, 1]);
    expect([
      many.ratings.length,
      many.reviews.length,
      many.diary.length,
      many.watchlist.length,
      many.lists.length,
      many.lists[19]!.films.length,
      many.listLikes.length,
      many.following.length,
      many.followers.length,
      many.notifications.length,
    ]).toEqual([20, 20, 20, 20, 20, 20, 20, 20, 20, 20]);
    expect(many.lists[0]!.films.map((f) => f.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("answers /account/export with a JSON download, the CSV on request, and 429 past the hourly allowance", async () => {
    const me = await addMember(t.db);
    auth.user = me;
    const { GET } = await import("@/app/account/export/route");
    const json = await GET(new NextRequest("http://localhost/account/export"));
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(json.headers.get("content-disposition")).toMatch(
      new RegExp(`attachment; filename="marquee-${me.handle}-\\d{4}-\\d{2}-\\d{2}\\.json"`),
    );
    expect((await json.json()) as { schemaVersion: number }).toMatchObject({
      schemaVersion: 1,
      profile: { handle: me.handle },
    });
    const csvResponse = await GET(new NextRequest("http://localhost/account/export?format=ratings.csv"));
    expect(csvResponse.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await csvResponse.text()).toBe("Date,Film,Year,Slug,Rating,Half stars\r\n");
    for (let i = 2; i < EXPORTS_PER_HOUR; i++) expect((await exportMemberData(me, "json")).ok).toBe(true);
    const refused = await GET(new NextRequest("http://localhost/account/export"));
    expect(refused.status).toBe(429);
    expect(await refused.text()).toMatch(
      /^You have used this hour's downloads of your data \(5\)\. You can try again in \d+ minutes\./,
    );
    auth.user = null;
    const signedOut = await GET(new NextRequest("http://localhost/account/export"));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toBe("http://localhost/signin?callbackUrl=%2Faccount%2Fexport");
  });
});

describe("deleting an account", () => {
  it("refuses without the member's own handle typed, and deletes nothing", async () => {
    const { me } = await busyMember();
    // The sweep finds the member's rows while they exist.
    expect(await leftovers({ id: me.id, handle: me.handle, email: `${me.handle}@example.com` })).toEqual(
      expect.arrayContaining(["accounts.user_id", "ratings.user_id", "comments.author_id", "users.id", "users.email"]),
    );
    expect(await deleteAccount(me, { confirmHandle: "someone-else", reviews: "delete", comments: "keep" })).toEqual({
      ok: false,
      code: "invalid",
      message: `That is not your handle. Type ${me.handle} to confirm.`,
      fieldErrors: { confirmHandle: [`That is not your handle. Type ${me.handle} to confirm.`] },
    });
    expect((await t.db.select({ n: count() }).from(users).where(eq(users.id, me.id)))[0]!.n).toBe(1);
  });

  it("keeps published reviews under “a former member” and comments in their threads, so replies still read", async () => {
    const { me, neighbour, published, draft, theirs, mine, reply, onMyReview } = await busyMember();
    const before = await filmFigures(herId);
    const result = await deleteAccount(me, {
      confirmHandle: `@${me.handle.toUpperCase()}`,
      reviews: "keep",
      comments: "keep",
    });
    expect(result).toMatchObject({ ok: true, value: { keptReviews: 1 } });

    expect(await filmFigures(herId)).toEqual({ count: before.count - 1, total: before.total - 8 });
    const kept = await getReview(published);
    expect(kept).toMatchObject({
      status: "published",
      author: { name: "a former member" },
      body: "It *listens*.",
      halfStars: null,
    });
    expect(kept!.author.handle).toMatch(/^former-member-/);
    expect(await getReview(draft)).toBeNull();
    const [placeholder] = await t.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.handle, kept!.author.handle));
    expect(placeholder!.email).toBeNull();
    expect((await t.db.select({ n: count() }).from(accounts).where(eq(accounts.userId, kept!.authorId)))[0]!.n).toBe(0);

    const thread = flatten((await getThreadPage(theirs, 1, neighbour))!.threads);
    const mineNow = thread.find((c) => c.id === mine)!;
    expect(mineNow).toMatchObject({ state: "visible", author: null });
    expect(mineNow.html).toContain("The dog stayed with me.");
    expect(thread.find((c) => c.id === reply)).toMatchObject({ parentId: mine, state: "visible" });
    expect((await getThreadPage(published, 1, null))!.threads.map((c) => c.id)).toEqual([onMyReview]);

    expect(await leftovers({ id: me.id, handle: me.handle, email: `${me.handle}@example.com` })).toEqual([]);
    expect((await t.db.select({ n: count() }).from(moderationLog).where(eq(moderationLog.actorId, me.id)))[0]!.n).toBe(
      1,
    );
    expect((await t.db.select({ n: count() }).from(moderationLog).where(eq(moderationLog.targetId, me.id)))[0]!.n).toBe(
      1,
    );
  });

  it("deletes reviews and erases comment text on request, leaving a tombstone where a reply needs one", async () => {
    const { me, neighbour, rain, published, theirs, mine, reply } = await busyMember();
    const result = await deleteAccount(me, { confirmHandle: me.handle, reviews: "delete", comments: "erase" });
    expect(result).toMatchObject({ ok: true, value: { keptReviews: 0 } });
    expect(await getReview(published)).toBeNull();
    const [erased] = await t.db
      .select({
        body: comments.body,
        html: comments.bodyHtml,
        deletedAt: comments.deletedAt,
        authorId: comments.authorId,
      })
      .from(comments)
      .where(eq(comments.id, mine));
    // The words go from the stored HTML too, not only from the Markdown.
    expect(erased).toEqual({ body: "", html: "", deletedAt: expect.any(Date), authorId: null });
    const thread = flatten((await getThreadPage(theirs, 1, neighbour))!.threads);
    expect(thread.find((c) => c.id === mine)).toMatchObject({ state: "deleted", author: null, html: null });
    expect(thread.find((c) => c.id === reply)).toMatchObject({ parentId: mine, state: "visible" });
    expect(await leftovers({ id: me.id, handle: me.handle, email: `${me.handle}@example.com` })).toEqual([]);
    for (const [table, column] of [
      [ratings, ratings.userId],
      [reviewLikes, reviewLikes.userId],
      [commentReports, commentReports.reporterId],
      [sessions, sessions.userId],
      [accounts, accounts.userId],
      [diaryEntries, diaryEntries.userId],
      [watchlistItems, watchlistItems.userId],
      [letterboxdImports, letterboxdImports.userId],
      [lists, lists.ownerId],
      [listLikes, listLikes.userId],
      [follows, follows.followerId],
      [follows, follows.followedId],
      [notificationSettings, notificationSettings.userId],
      [notifications, notifications.recipientId],
      [notifications, notifications.actorId],
      [mailOutbox, mailOutbox.recipientId],
    ] as const) {
      expect((await t.db.select({ n: count() }).from(table).where(eq(column, me.id)))[0]!.n).toBe(0);
    }
    // Their lists go with their films and the likes others gave them.
    expect((await t.db.select({ n: count() }).from(listItems).where(eq(listItems.listId, rain)))[0]!.n).toBe(0);
    expect((await t.db.select({ n: count() }).from(listLikes).where(eq(listLikes.listId, rain)))[0]!.n).toBe(0);
    // What they caused the neighbour to be told stays, with no actor and no key naming them.
    expect(
      await t.db
        .select({ kind: notifications.kind, actorId: notifications.actorId, dedupeKey: notifications.dedupeKey })
        .from(notifications)
        .where(eq(notifications.recipientId, neighbour.id))
        .orderBy(notifications.id),
    ).toEqual([
      { kind: "review_like", actorId: null, dedupeKey: null },
      { kind: "follow", actorId: null, dedupeKey: null },
    ]);
  });

  it("keeps the only admin from deleting their account", async () => {
    const [others] = await t.db.select({ n: count() }).from(users).where(eq(users.role, "admin"));
    expect(others!.n).toBe(0);
    const admin = await addMember(t.db, { role: "admin" });
    expect(
      await deleteAccount(admin, { confirmHandle: admin.handle, reviews: "delete", comments: "keep" }),
    ).toMatchObject({
      ok: false,
      code: "conflict",
    });
  });
});
