import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { films, notifications, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { postComment } from "@/lib/comments/write";
import { reloadEnv } from "@/lib/env";
import { approveComment, hideReview, removeComment, restoreComment, restoreReview } from "@/lib/moderation/comments";
import { suspendMember } from "@/lib/moderation/members";
import { countUnread, getNotificationSettings, listNotifications } from "@/lib/notifications/queries";
import { NOTIFICATION_KINDS, notificationSettingsSchema } from "@/lib/notifications/schema";
import {
  markAllNotificationsRead,
  markNotificationRead,
  notifyFollow,
  saveNotificationSettings,
} from "@/lib/notifications/write";
import { setReviewLike } from "@/lib/reviews/write";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let moderator: CurrentUser;

beforeAll(async () => {
  moderator = await addMember(t.db, { role: "moderator" });
});

beforeEach(() => {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  delete process.env.SMTP_URL;
  reloadEnv();
});

async function reviewBy(author: CurrentUser): Promise<number> {
  const [film] = await t.db
    .insert(films)
    .values({ slug: `film-${Math.random().toString(36).slice(2)}`, title: "Night Train" })
    .returning({ id: films.id });
  const [review] = await t.db
    .insert(reviews)
    .values({
      filmId: film!.id,
      authorId: author.id,
      body: "b",
      verdict: "v",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  return review!.id;
}

async function post(actor: CurrentUser, reviewId: number, body: string, parentId?: number): Promise<number> {
  const outcome = await postComment(actor, { reviewId, parentId, body });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value.commentId;
}

async function kindsOf(member: CurrentUser): Promise<string[]> {
  return (await listNotifications(member.id, 1)).items.map((item) => item.kind);
}

/** Every box ticked as in the defaults, but with `changes` applied ("reply.email": false, say). */
function settingsForm(changes: Record<string, boolean> = {}): Record<string, string> {
  const form: Record<string, string> = {};
  for (const kind of NOTIFICATION_KINDS) {
    const values = { [`${kind}.inApp`]: true, [`${kind}.email`]: kind === "reply" };
    for (const [field, on] of Object.entries({ ...values, ...changes })) {
      if (field.startsWith(`${kind}.`) && on) form[field] = "on";
    }
  }
  return form;
}

describe("notices for what others do", () => {
  it("tells the comment's author about a reply, and the review's author about a comment, linking to it", async () => {
    const author = await addMember(t.db);
    const commenter = await addMember(t.db);
    const replier = await addMember(t.db);
    const reviewId = await reviewBy(author);
    const rootId = await post(commenter, reviewId, "A first thought.");
    const replyId = await post(replier, reviewId, "An answer.", rootId);

    const forAuthor = await listNotifications(author.id, 1);
    expect(forAuthor.items.map((n) => n.kind)).toEqual(["review_comment"]);
    expect(forAuthor.items[0]).toMatchObject({
      actor: { handle: commenter.handle },
      filmTitle: "Night Train",
      href: `/reviews/${reviewId}/threads/${rootId}#comment-${rootId}`,
      read: false,
    });
    const forCommenter = await listNotifications(commenter.id, 1);
    expect(forCommenter.items.map((n) => n.kind)).toEqual(["reply"]);
    expect(forCommenter.items[0]?.href).toBe(`/reviews/${reviewId}/threads/${rootId}#comment-${replyId}`);
    // A reply is not also a "comment on your review" for the review's author.
    expect(await kindsOf(replier)).toEqual([]);
  });

  it("never tells a member about their own comment, reply or like", async () => {
    const author = await addMember(t.db);
    const reviewId = await reviewBy(author);
    const rootId = await post(author, reviewId, "Adding a note to my own review.");
    await post(author, reviewId, "And answering myself.", rootId);
    expect(await kindsOf(author)).toEqual([]);
    await notifyFollowOnce(author, author).catch(() => undefined);
    expect(await kindsOf(author)).toEqual([]);
  });

  it("tells a review's author about a like once per liker, even after unliking and liking again", async () => {
    const author = await addMember(t.db);
    const liker = await addMember(t.db);
    const reviewId = await reviewBy(author);
    for (const like of ["1", "0", "1", "1"] as const) {
      expect((await setReviewLike(liker, { reviewId: String(reviewId), like })).ok).toBe(true);
    }
    expect(await kindsOf(author)).toEqual(["review_like"]);
    expect((await listNotifications(author.id, 1)).items[0]?.href).toBe(`/reviews/${reviewId}`);
    await setReviewLike(liker, { reviewId: String(reviewId), like: "0" });
    expect(await kindsOf(author)).toEqual(["review_like"]);
  });

  it("tells a member about a new follower once, linking to the follower", async () => {
    const followed = await addMember(t.db);
    const follower = await addMember(t.db);
    await notifyFollowOnce(follower, followed);
    await notifyFollowOnce(follower, followed);
    const page = await listNotifications(followed.id, 1);
    expect(page.items.map((n) => n.kind)).toEqual(["follow"]);
    expect(page.items[0]?.href).toBe(`/members/${follower.handle}`);
  });

  it("tells a member what a moderator did to their comment, review or account, and why, without naming the moderator", async () => {
    const author = await addMember(t.db);
    const commenter = await addMember(t.db);
    const reviewId = await reviewBy(author);
    const commentId = await post(commenter, reviewId, "Something rude.");
    expect(
      (await removeComment(moderator, { commentId: String(commentId), rule: "personal-attack", reason: "Insults" })).ok,
    ).toBe(true);
    expect((await restoreComment(moderator, { commentId: String(commentId), reason: "" })).ok).toBe(true);
    expect(
      (
        await hideReview(moderator, {
          reviewId: String(reviewId),
          rule: "unmarked-spoiler",
          reason: "Spoilers in the verdict",
        })
      ).ok,
    ).toBe(true);
    expect((await restoreReview(moderator, { reviewId: String(reviewId), reason: "" })).ok).toBe(true);
    expect((await suspendMember(moderator, { handle: commenter.handle, reason: "Repeated insults" })).ok).toBe(true);

    const forCommenter = (await listNotifications(commenter.id, 1)).items;
    expect(forCommenter.map((n) => n.reason)).toEqual([
      "A moderator suspended you from posting until a moderator lifts it. Reason: Repeated insults",
      "A moderator restored your comment. Reason: Restored after review",
      "A moderator removed your comment under the house rule “Personal attacks”. Reason: Insults",
    ]);
    expect(forCommenter.every((n) => n.kind === "moderation" && n.actor === null)).toBe(true);
    const forAuthor = (await listNotifications(author.id, 1)).items.filter((n) => n.kind === "moderation");
    expect(forAuthor.map((n) => n.reason)).toEqual([
      "A moderator restored your review. Reason: Restored after review",
      "A moderator hid your review under the house rule “Spoilers without a mark”. Reason: Spoilers in the verdict",
    ]);
  });

  it("tells nobody about a held comment until a moderator lets it show, and then once", async () => {
    const author = await addMember(t.db);
    const commenter = await addMember(t.db);
    const replier = await addMember(t.db);
    const reviewId = await reviewBy(author);
    const rootId = await post(commenter, reviewId, "A plain first thought.");
    const links = "See [one](https://a.example), [two](https://b.example) and [three](https://c.example).";
    const held = await postComment(replier, { reviewId, parentId: rootId, body: links });
    expect(held).toMatchObject({ ok: true, value: { held: true } });
    expect(await kindsOf(commenter)).toEqual([]);
    const commentId = held.ok ? held.value.commentId : 0;
    expect((await approveComment(moderator, { commentId: String(commentId) })).ok).toBe(true);
    expect((await approveComment(moderator, { commentId: String(commentId) })).ok).toBe(true);
    const notices = (await listNotifications(commenter.id, 1)).items;
    expect(notices.map((n) => [n.kind, n.actor?.handle])).toEqual([["reply", replier.handle]]);
  });

  it("does not tell a moderator about removing their own comment", async () => {
    const author = await addMember(t.db);
    const reviewId = await reviewBy(author);
    const commentId = await post(moderator, reviewId, "A moderator's slip.");
    const before = (await listNotifications(moderator.id, 1)).total;
    expect(
      (await removeComment(moderator, { commentId: String(commentId), rule: "off-topic", reason: "Posted by mistake" }))
        .ok,
    ).toBe(true);
    expect((await listNotifications(moderator.id, 1)).total).toBe(before);
  });
});

async function notifyFollowOnce(follower: CurrentUser, followed: CurrentUser) {
  await t.db.transaction((tx) => notifyFollow(tx, { followerId: follower.id, followedId: followed.id }));
}

describe("settings", () => {
  it("starts from the defaults: in the app for everything, by e-mail for replies only", async () => {
    const member = await addMember(t.db);
    const choices = await getNotificationSettings(member.id);
    expect(choices.reply).toEqual({ inApp: true, email: true });
    expect(choices.review_like).toEqual({ inApp: true, email: false });
  });

  it("saves each kind's choice and leaves out the kinds a member turned off in the app", async () => {
    const author = await addMember(t.db);
    const liker = await addMember(t.db);
    const reviewId = await reviewBy(author);
    const saved = await saveNotificationSettings(author, settingsForm({ "review_like.inApp": false }));
    expect(saved.ok).toBe(true);
    expect((await getNotificationSettings(author.id)).review_like).toEqual({ inApp: false, email: false });
    // The action wrapper hands the write the form as its schema parsed it: parsing it again changes nothing.
    const parsedOnce = notificationSettingsSchema.parse(settingsForm({ "review_like.inApp": false }));
    expect((await saveNotificationSettings(author, parsedOnce)).ok).toBe(true);
    await setReviewLike(liker, { reviewId: String(reviewId), like: "1" });
    await post(liker, reviewId, "Still told about this one.");
    expect(await kindsOf(author)).toEqual(["review_comment"]);
  });

  it("refuses a box with a value no form sends, with a message for that box", async () => {
    const member = await addMember(t.db);
    const result = await saveNotificationSettings(member, { ...settingsForm(), "follow.inApp": "yes please" });
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "follow.inApp": [expect.any(String)] } });
  });
});

describe("reading and marking", () => {
  it("counts unread notices in the viewer payload and marks one, then all, as read", async () => {
    const author = await addMember(t.db);
    const other = await addMember(t.db);
    const reviewId = await reviewBy(author);
    await post(other, reviewId, "One.");
    await post(other, reviewId, "Two.");
    await post(other, reviewId, "Three.");
    expect(await countUnread(author.id)).toBe(3);
    expect((await buildViewerPayload(author, "/")).unread).toBe(3);
    const [newest] = (await listNotifications(author.id, 1)).items;
    expect((await markNotificationRead(author, { notificationId: String(newest!.id) })).ok).toBe(true);
    expect(await countUnread(author.id)).toBe(2);
    expect((await listNotifications(author.id, 1)).items.map((n) => n.read)).toEqual([true, false, false]);
    // Marking it again is harmless.
    expect((await markNotificationRead(author, { notificationId: String(newest!.id) })).ok).toBe(true);
    const all = await markAllNotificationsRead(author, {});
    expect(all).toMatchObject({ ok: true, value: { marked: 2 } });
    expect(await countUnread(author.id)).toBe(0);
  });

  it("refuses a forged id for someone else's notice, and Mark all as read touches only your own", async () => {
    const author = await addMember(t.db);
    const intruder = await addMember(t.db);
    const reviewId = await reviewBy(author);
    await post(intruder, reviewId, "Hello.");
    const [notice] = (await listNotifications(author.id, 1)).items;
    const forged = await markNotificationRead(intruder, { notificationId: String(notice!.id) });
    expect(forged).toMatchObject({ ok: false, code: "not_found" });
    expect(await markNotificationRead(intruder, { notificationId: "abc" })).toMatchObject({
      ok: false,
      code: "invalid",
    });
    await markAllNotificationsRead(intruder, {});
    const [row] = await t.db
      .select({ readAt: notifications.readAt })
      .from(notifications)
      .where(and(eq(notifications.id, notice!.id)));
    expect(row?.readAt).toBeNull();
  });

  it("reads /notifications in the same two queries for 1 or 30 notices, 25 a page, newest first", async () => {
    const one = await addMember(t.db);
    const many = await addMember(t.db);
    const other = await addMember(t.db);
    await post(other, await reviewBy(one), "Only one.");
    const reviewId = await reviewBy(many);
    for (let i = 0; i < 30; i++) await post(other, reviewId, `Comment number ${i}.`);
    t.queries.reset();
    await listNotifications(one.id, 1);
    const forOne = t.queries.count;
    t.queries.reset();
    const first = await listNotifications(many.id, 1);
    expect(t.queries.count).toBe(forOne);
    expect(forOne).toBeLessThanOrEqual(2);
    expect(first.total).toBe(30);
    expect(first.items).toHaveLength(25);
    expect(first.pageCount).toBe(2);
    t.queries.reset();
    const second = await listNotifications(many.id, 2);
    expect(t.queries.count).toBe(forOne);
    expect(second.items).toHaveLength(5);
    const times = first.items.map((n) => n.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    t.queries.reset();
    await countUnread(many.id);
    expect(t.queries.count).toBe(1);
  });

  it("adds one statement to posting a comment: the notice, in the comment's transaction", async () => {
    const author = await addMember(t.db);
    const other = await addMember(t.db);
    const reviewId = await reviewBy(author);
    t.queries.reset();
    await post(other, reviewId, "Counting statements.");
    expect(t.queries.count).toBe(4);
    const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, author.id));
    expect(row?.email).toBeNull();
  });
});
