import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { diaryEntries, follows, listItems, lists, ratings, reviews, users } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/activity/cursor";
import { listActivity } from "@/lib/activity/queries";
import type { CurrentUser } from "@/lib/auth";
import { getFollowCounts, getFollowState, listFollows, listSuggestedMembers } from "@/lib/follows/queries";
import { setFollow } from "@/lib/follows/write";
import { listNotifications } from "@/lib/notifications/queries";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let reader: CurrentUser;
let author: CurrentUser;
let filmIds: number[];

beforeAll(async () => {
  reader = await addMember(t.db);
  author = await addMember(t.db);
  filmIds = [];
  for (const title of ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]) filmIds.push((await addFilm(t.db, title)).id);
});

const follow = (actor: CurrentUser, target: CurrentUser, wanted = true) =>
  setFollow(actor, { handle: target.handle, follow: wanted });

async function followRows(followerId: string) {
  return t.db.select().from(follows).where(eq(follows.followerId, followerId));
}

async function review(authorId: string, filmId: number, at: Date, status: "published" | "hidden" | "draft") {
  const [row] = await t.db
    .insert(reviews)
    .values({ filmId, authorId, body: "Body", verdict: `Verdict ${filmId}`, status, publishedAt: at })
    .returning({ id: reviews.id });
  return row!.id;
}

describe("following", () => {
  it("follows and unfollows idempotently, and counts both sides", async () => {
    const a = await addMember(t.db);
    const b = await addMember(t.db);
    expect(await follow(b, a)).toMatchObject({ ok: true, value: { following: true } });
    expect(await follow(b, a)).toMatchObject({ ok: true, value: { following: true } });
    expect(await followRows(b.id)).toHaveLength(1);
    expect(await getFollowCounts(a.id)).toEqual({ followers: 1, following: 0 });
    expect(await getFollowCounts(b.id)).toEqual({ followers: 0, following: 1 });
    expect(await getFollowState(b.id, a.handle)).toEqual({ handle: a.handle, following: true });
    expect(await getFollowState(b.id, b.handle)).toBeNull();

    const followers = await listFollows(a.id, "followers", 1);
    expect(followers.items.map((m) => m.handle)).toEqual([b.handle]);
    const following = await listFollows(b.id, "following", 1);
    expect(following.items.map((m) => m.handle)).toEqual([a.handle]);

    expect(await follow(b, a, false)).toMatchObject({ ok: true, value: { following: false } });
    expect(await follow(b, a, false)).toMatchObject({ ok: true, value: { following: false } });
    expect(await followRows(b.id)).toHaveLength(0);
    expect(await getFollowCounts(a.id)).toEqual({ followers: 0, following: 0 });
    expect(await getFollowState(b.id, a.handle)).toEqual({ handle: a.handle, following: false });
  });

  it("tells the followed member once, however often the follow is undone and made again", async () => {
    const a = await addMember(t.db);
    const b = await addMember(t.db);
    await follow(b, a);
    await follow(b, a);
    await follow(b, a, false);
    await follow(b, a);
    const notices = (await listNotifications(a.id, 1)).items;
    expect(notices.map((n) => [n.kind, n.actor?.handle])).toEqual([["follow", b.handle]]);
    expect((await listNotifications(b.id, 1)).total).toBe(0);
  });

  it("tells the reader of a member's page whether they follow that member, and nothing on their own page", async () => {
    const fan = await addMember(t.db);
    const star = await addMember(t.db);
    await follow(fan, star);
    expect((await buildViewerPayload(fan, `/members/${star.handle}`)).follow).toEqual({
      handle: star.handle,
      following: true,
    });
    expect((await buildViewerPayload(star, `/members/${fan.handle}/activity`)).follow).toEqual({
      handle: fan.handle,
      following: false,
    });
    expect((await buildViewerPayload(fan, `/members/${fan.handle}`)).follow).toBeNull();
    expect(await buildViewerPayload(null, `/members/${star.handle}`)).toEqual({ member: null });
  });

  it("refuses to follow yourself, in lib and in the database", async () => {
    const self = await follow(reader, reader);
    expect(self).toMatchObject({ ok: false, code: "forbidden", message: "You cannot follow yourself." });
    await expect(t.db.insert(follows).values({ followerId: reader.id, followedId: reader.id })).rejects.toThrow();
  });

  it("refuses a suspended member, a visitor's missing target and an unknown handle", async () => {
    const suspended = await addMember(t.db, { suspended: true });
    const refused = await follow(suspended, author);
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    if (!refused.ok) expect(refused.message).toContain("suspended");
    expect(await followRows(suspended.id)).toHaveLength(0);
    expect(await setFollow(reader, { handle: "nobody-here", follow: true })).toMatchObject({ code: "not_found" });
    expect(await setFollow(reader, { handle: "Not A Handle", follow: true })).toMatchObject({ code: "not_found" });
  });

  it("is rate limited like the other posting paths", async () => {
    const quick = await addMember(t.db);
    const target = await addMember(t.db);
    for (let i = 0; i < 30; i++) expect((await follow(quick, target, i % 2 === 0)).ok).toBe(true);
    const refused = await follow(quick, target);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("pages the followers list, newest follow first", async () => {
    const star = await addMember(t.db);
    const fans: CurrentUser[] = [];
    for (let i = 0; i < 32; i++) fans.push(await addMember(t.db));
    await t.db.insert(follows).values(
      fans.map((fan, i) => ({
        followerId: fan.id,
        followedId: star.id,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      })),
    );
    const first = await listFollows(star.id, "followers", 1);
    expect(first.total).toBe(32);
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(30);
    expect(first.items[0]?.handle).toBe(fans[31]!.handle);
    const second = await listFollows(star.id, "followers", 2);
    expect(second.items.map((m) => m.handle)).toEqual([fans[1]!.handle, fans[0]!.handle]);
  });
});

describe("the activity feed", () => {
  it("shows what followed members did, newest first, and pages with a cursor through equal times", async () => {
    const me = await addMember(t.db);
    const friend = await addMember(t.db);
    const stranger = await addMember(t.db);
    await follow(me, friend);
    const same = new Date(Date.UTC(2026, 5, 1, 12));
    // Five ratings in the same microsecond, a review a day later, a diary entry and a public list between.
    await t.db
      .insert(ratings)
      .values(filmIds.map((filmId, i) => ({ userId: friend.id, filmId, halfStars: i + 2, ratedAt: same })));
    await t.db.insert(ratings).values({ userId: stranger.id, filmId: filmIds[0]!, halfStars: 8, ratedAt: same });
    const reviewId = await review(friend.id, filmIds[0]!, new Date(Date.UTC(2026, 5, 3)), "published");
    await t.db.insert(diaryEntries).values({
      userId: friend.id,
      filmId: filmIds[1]!,
      watchedOn: "2026-06-01",
      rewatch: true,
      createdAt: new Date(Date.UTC(2026, 5, 2, 10)),
    });
    const [list] = await t.db
      .insert(lists)
      .values({ ownerId: friend.id, title: "Rain", createdAt: new Date(Date.UTC(2026, 5, 2, 9)) })
      .returning({ id: lists.id });
    await t.db
      .insert(listItems)
      .values({ listId: list!.id, filmId: filmIds[2]!, position: 1, addedAt: new Date(Date.UTC(2026, 5, 2, 9, 30)) });

    const all = await listActivity({ followerId: me.id }, null, 100);
    expect(all.next).toBeNull();
    expect(all.items.map((item) => item.kind)).toEqual([
      "review",
      "diary",
      "list_film",
      "list",
      "rating",
      "rating",
      "rating",
      "rating",
      "rating",
    ]);
    expect(all.items.every((item) => item.member.handle === friend.handle)).toBe(true);
    expect(all.items[0]).toMatchObject({ review: { id: reviewId }, film: { title: "Alpha" }, halfStars: 2 });
    expect(all.items[1]).toMatchObject({ watchedOn: "2026-06-01", rewatch: true, film: { title: "Bravo" } });
    expect(all.items[3]).toMatchObject({ list: { id: list!.id, title: "Rain" }, film: null });

    const seen: string[] = [];
    let after = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listActivity({ followerId: me.id }, after, 2);
      seen.push(...page.items.map((item) => item.cursor));
      if (!page.next) break;
      after = decodeCursor(page.next);
      expect(after).not.toBeNull();
    }
    expect(seen).toEqual(all.items.map((item) => item.cursor));
    expect(new Set(seen).size).toBe(9);
  });

  it("keeps microseconds in the cursor, so items a microsecond apart are neither skipped nor repeated", async () => {
    const me = await addMember(t.db);
    const friend = await addMember(t.db);
    await follow(me, friend);
    for (const [i, filmId] of filmIds.slice(0, 3).entries()) {
      await t.db.execute(
        sql`insert into ratings (user_id, film_id, half_stars, rated_at)
          values (${friend.id}, ${filmId}, 4, '2026-07-01T00:00:00.000100Z'::timestamptz + ${`${i} microseconds`}::interval)`,
      );
    }
    const first = await listActivity({ followerId: me.id }, null, 1);
    const second = await listActivity({ followerId: me.id }, decodeCursor(first.next), 1);
    const third = await listActivity({ followerId: me.id }, decodeCursor(second.next), 1);
    const films = [first, second, third].map((page) => page.items[0]?.film?.title);
    expect(films).toEqual(["Charlie", "Bravo", "Alpha"]);
    expect(third.next).toBeNull();
  });

  it("leaves out suspended members, hidden reviews, drafts and private lists", async () => {
    const me = await addMember(t.db);
    const friend = await addMember(t.db);
    const banned = await addMember(t.db);
    await follow(me, friend);
    await follow(me, banned);
    await t.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, banned.id));
    await t.db.insert(ratings).values({ userId: banned.id, filmId: filmIds[0]!, halfStars: 1 });
    await review(banned.id, filmIds[1]!, new Date(), "published");
    await review(friend.id, filmIds[2]!, new Date(), "hidden");
    await review(friend.id, filmIds[3]!, new Date(), "draft");
    const [secret] = await t.db
      .insert(lists)
      .values({ ownerId: friend.id, title: "Secret", isPublic: false })
      .returning({ id: lists.id });
    await t.db.insert(listItems).values({ listId: secret!.id, filmId: filmIds[0]!, position: 1 });

    expect((await listActivity({ followerId: me.id }, null)).items).toEqual([]);
    expect((await listActivity({ memberId: banned.id }, null)).items).toEqual([]);
    expect((await listActivity({ memberId: friend.id }, null)).items).toEqual([]);

    // A suspension that has ended by itself shows the member's activity again.
    await t.db
      .update(users)
      .set({ suspendedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, banned.id));
    const back = await listActivity({ followerId: me.id }, null);
    expect(back.items.map((item) => item.kind).sort()).toEqual(["rating", "review"]);
  });

  it("shows one member's own activity on their Activity tab", async () => {
    const own = await addMember(t.db);
    await t.db.insert(ratings).values({ userId: own.id, filmId: filmIds[4]!, halfStars: 6 });
    const page = await listActivity({ memberId: own.id }, null);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: "rating", halfStars: 6, member: { handle: own.handle } });
  });

  it("suggests members who review, leaving out yourself and whom you follow", async () => {
    const me = await addMember(t.db);
    const writer = await addMember(t.db);
    const followed = await addMember(t.db);
    await review(writer.id, filmIds[0]!, new Date(Date.UTC(2030, 0, 2)), "published");
    await review(followed.id, filmIds[0]!, new Date(Date.UTC(2030, 0, 3)), "published");
    await review(me.id, filmIds[0]!, new Date(Date.UTC(2030, 0, 4)), "published");
    await follow(me, followed);
    const suggested = (await listSuggestedMembers(me.id)).map((m) => m.handle);
    expect(suggested[0]).toBe(writer.handle);
    expect(suggested).not.toContain(me.handle);
    expect(suggested).not.toContain(followed.handle);
  });
});

describe("the cursor", () => {
  it("reads only what it wrote, and anything else as the first page", () => {
    const cursor = { at: "2026-07-01T00:00:00.000102Z", kind: "rating" as const, key: "abc-1/12" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const junk of [
      undefined,
      "",
      "x",
      "2026-07-01T00:00:00Z~rating~1",
      `${cursor.at}~drop~1`,
      `${cursor.at}~list~a b`,
    ]) {
      expect(decodeCursor(junk)).toBeNull();
    }
  });
});

describe("query budget", () => {
  it("reads a page of the feed in one query with 1 follow or 50", async () => {
    const one = await addMember(t.db);
    const many = await addMember(t.db);
    const people = [];
    for (let i = 0; i < 50; i++) people.push(await addMember(t.db));
    await t.db.insert(follows).values({ followerId: one.id, followedId: people[0]!.id });
    await t.db.insert(follows).values(people.map((p) => ({ followerId: many.id, followedId: p.id })));
    await t.db
      .insert(ratings)
      .values(people.flatMap((p) => filmIds.map((filmId, i) => ({ userId: p.id, filmId, halfStars: i }))));

    t.queries.reset();
    const small = await listActivity({ followerId: one.id }, null);
    const oneCount = t.queries.count;
    t.queries.reset();
    const large = await listActivity({ followerId: many.id }, null);
    expect(t.queries.count).toBe(oneCount);
    expect(oneCount).toBe(1);
    expect(small.items).toHaveLength(5);
    expect(large.items).toHaveLength(20);
    expect(large.next).not.toBeNull();

    t.queries.reset();
    await listActivity({ followerId: many.id }, decodeCursor(large.next));
    expect(t.queries.count).toBe(1);
  });

  it("counts followers and following in one query", async () => {
    t.queries.reset();
    await getFollowCounts(author.id);
    expect(t.queries.count).toBe(1);
  });
});
