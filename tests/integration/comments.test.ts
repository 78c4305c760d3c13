import { and, count, eq, isNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { blockedTerms, comments, films, reviews } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth";
import { deleteComment, editComment, postComment, reportComment } from "@/lib/comments/write";
import { getThreadPage, type CommentView } from "@/lib/comments/queries";
import { thoughtsHeading } from "@/lib/comments/schema";
import type { TreeNode } from "@/lib/comments/tree";
import { reloadEnv } from "@/lib/env";
import { removeComment, restoreComment } from "@/lib/moderation/comments";
import { createMember, demoActor } from "../support/actors";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

let herReviewId = 0;
let maya: CurrentUser;
let jonas: CurrentUser;
let rosa: CurrentUser;

function setLimits(intervalSeconds: number, dailyCap = 200) {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = String(intervalSeconds);
  process.env.MARQUEE_COMMENT_DAILY_CAP = String(dailyCap);
  reloadEnv();
}

beforeAll(async () => {
  await seedDemo(t.db);
  const [review] = await t.db.select({ id: reviews.id }).from(reviews);
  herReviewId = review!.id;
  maya = await demoActor(t.db, "maya");
  jonas = await demoActor(t.db, "jonas");
  rosa = await demoActor(t.db, "rosa");
});

beforeEach(() => setLimits(0));

async function newReview(): Promise<number> {
  const author = await createMember(t.db);
  const [film] = await t.db
    .insert(films)
    .values({ slug: `film-${Math.random().toString(36).slice(2)}`, title: "Thread Film" })
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

const flatten = (threads: TreeNode<CommentView>[]): TreeNode<CommentView>[] =>
  threads.flatMap((node) => [node, ...flatten(node.replies)]);

describe("posting", () => {
  it("takes four statements for a comment or a reply (what the rules need, the allowance, the insert, the notice), and a new comment roots its own thread", async () => {
    const reviewId = await newReview();
    t.queries.reset();
    const rootId = await post(maya, reviewId, "A first thought on it.");
    expect(t.queries.count).toBe(4);
    t.queries.reset();
    const replyId = await post(jonas, reviewId, "An answer to that.", rootId);
    expect(t.queries.count).toBe(4);
    const rows = await t.db
      .select({ id: comments.id, threadRootId: comments.threadRootId, parentId: comments.parentId })
      .from(comments)
      .where(eq(comments.reviewId, reviewId))
      .orderBy(comments.id);
    expect(rows).toEqual([
      { id: rootId, threadRootId: rootId, parentId: null },
      { id: replyId, threadRootId: rootId, parentId: rootId },
    ]);
  });

  it("refuses a reply to a comment under another review, and holds a comment naming a blocked term", async () => {
    const first = await newReview();
    const second = await newReview();
    const elsewhere = await post(maya, first, "Under the first review.");
    const crossed = await postComment(jonas, { reviewId: second, parentId: elsewhere, body: "Misplaced." });
    expect(crossed).toMatchObject({ ok: false, code: "not_found", fieldErrors: { parentId: ["Not found."] } });
    await t.db.insert(blockedTerms).values({ term: "Grumbleweed" }).onConflictDoNothing();
    const held = await postComment(jonas, { reviewId: second, body: "What a grumbleweed of a film." });
    expect(held).toMatchObject({ ok: true, value: { held: true } });
  });

  it("holds a blocked term disguised with zero-width characters, soft hyphens or full-width letters", async () => {
    const review = await newReview();
    await t.db.insert(blockedTerms).values({ term: "Grumbleweed" }).onConflictDoNothing();
    for (const body of ["A grumble\u200bweed, this.", "A grum\u00ADble\u2060weed.", "Ｇｒｕｍｂｌｅｗｅｅｄ!"]) {
      expect(await postComment(jonas, { reviewId: review, body })).toMatchObject({ ok: true, value: { held: true } });
    }
    expect(await postComment(jonas, { reviewId: review, body: "A grumble, then weeds." })).toMatchObject({
      ok: true,
      value: { held: false },
    });
  });
});

describe("reading a thread", () => {
  it("shows the demo review's two thoughts, oldest first, signed by their accounts", async () => {
    const page = await getThreadPage(herReviewId, 1, null);
    expect(thoughtsHeading(page!.count, page!.filmTitle)).toBe("2 thoughts on “Her”");
    expect(page!.threads.map((c) => [c.author?.handle, c.signedWith])).toEqual([
      ["jonas", "google"],
      ["rosa", "facebook"],
    ]);
    expect(page!.threads[0]!.html).toContain("<p>");
  });

  it("says the count in singular, plural and zero forms", () => {
    expect(thoughtsHeading(0, "Her")).toBe("No thoughts yet on “Her”");
    expect(thoughtsHeading(1, "Her")).toBe("1 thought on “Her”");
    expect(thoughtsHeading(4, "Her")).toBe("4 thoughts on “Her”");
  });

  it("counts four after a comment and a reply", async () => {
    const reviewId = await newReview();
    const first = await post(maya, reviewId, "First");
    await post(jonas, reviewId, "Reply", first);
    await post(rosa, reviewId, "Another");
    await post(maya, reviewId, "Fourth", first);
    const page = await getThreadPage(reviewId, 1, null);
    expect(page!.count).toBe(4);
    expect(page!.threads.map((c) => c.replies.length)).toEqual([2, 0]);
  });

  it("nests five levels; deeper replies attach at the fifth", async () => {
    const reviewId = await newReview();
    let parent = await post(maya, reviewId, "Level 1");
    const ids = [parent];
    for (let level = 2; level <= 7; level++) {
      parent = await post(level % 2 ? maya : jonas, reviewId, `Level ${level}`, parent);
      ids.push(parent);
    }
    const rows = await t.db
      .select({ id: comments.id, depth: comments.depth, parentId: comments.parentId })
      .from(comments)
      .where(eq(comments.reviewId, reviewId))
      .orderBy(comments.id);
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 3, 4, 4, 4]);
    // Level 6 replied to level 5 (depth 4) and sits beside it, under level 4.
    expect(rows[5]!.parentId).toBe(ids[3]);
    expect(rows[6]!.parentId).toBe(ids[3]);
    // Beside the comment it answers, a reply says whom it answers; those nested under theirs do not need to.
    const page = (await getThreadPage(reviewId, 1, null))!;
    const said = new Map(flatten(page.threads).map((c) => [c.id, c.inReplyTo]));
    expect(said.get(ids[5]!)).toBe(maya.name);
    expect(said.get(ids[6]!)).toBe(jonas.name);
    expect([0, 1, 2, 3, 4].map((i) => said.get(ids[i]!))).toEqual([null, null, null, null, null]);
  });

  it("keeps a tombstone for a deleted comment with replies and drops one without", async () => {
    const reviewId = await newReview();
    const withReply = await post(maya, reviewId, "I will delete this");
    await post(jonas, reviewId, "A reply that stays", withReply);
    const alone = await post(maya, reviewId, "Gone without a trace");
    expect((await deleteComment(maya, { commentId: withReply })).ok).toBe(true);
    expect((await deleteComment(maya, { commentId: alone })).ok).toBe(true);
    const page = await getThreadPage(reviewId, 1, null);
    expect(page!.threads).toHaveLength(1);
    expect(page!.threads[0]).toMatchObject({ state: "deleted", html: null, author: null });
    expect(page!.threads[0]!.replies[0]!.html).toContain("A reply that stays");
    expect(page!.count).toBe(1);
  });

  it("shows a removed comment as a tombstone with the reason, keeps the text, and restores it", async () => {
    const reviewId = await newReview();
    const id = await post(jonas, reviewId, "Something rude");
    expect((await removeComment(rosa, { commentId: id, rule: "personal-attack", reason: "Personal attack" })).ok).toBe(
      true,
    );
    const asReader = await getThreadPage(reviewId, 1, maya);
    expect(asReader!.threads[0]).toMatchObject({ state: "removed", html: null, removalReason: "Personal attack" });
    expect(asReader!.count).toBe(0);
    const [kept] = await t.db.select({ body: comments.body }).from(comments).where(eq(comments.id, id));
    expect(kept!.body).toBe("Something rude");
    expect((await restoreComment(rosa, { commentId: id, reason: "Appeal upheld" })).ok).toBe(true);
    const restored = await getThreadPage(reviewId, 1, maya);
    expect(restored!.threads[0]!.html).toContain("Something rude");
    expect(restored!.count).toBe(1);
  });

  it("reads a page of threads in a fixed number of queries", async () => {
    const small = await newReview();
    await post(maya, small, "One");
    const large = await newReview();
    for (let i = 0; i < 12; i++) {
      const root = await post(i % 2 ? maya : jonas, large, `Root ${i}`);
      await post(rosa, large, `Reply ${i}`, root);
    }
    t.queries.reset();
    await getThreadPage(small, 1, maya);
    const forSmall = t.queries.count;
    t.queries.reset();
    await getThreadPage(large, 1, maya);
    expect(t.queries.count).toBe(forSmall);
    expect(forSmall).toBeLessThanOrEqual(3);
  });
});

describe("writing", () => {
  it("refuses an empty or too long comment with a message for the field", async () => {
    const empty = await postComment(maya, { reviewId: herReviewId, body: "   " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: ["Write something first."] } });
    const long = await postComment(maya, { reviewId: herReviewId, body: "x".repeat(5001) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: ["Keep it under 5,000 characters."] } });
  });

  it("lets the author edit within 15 minutes, marking it edited, and not after", async () => {
    const id = await post(maya, herReviewId, "Typo hree");
    const edited = await editComment(maya, { commentId: id, body: "Typo here" });
    expect(edited.ok).toBe(true);
    const [row] = await t.db
      .select({ body: comments.body, editedAt: comments.editedAt })
      .from(comments)
      .where(eq(comments.id, id));
    expect(row!.body).toBe("Typo here");
    expect(row!.editedAt).not.toBeNull();
    const late = await editComment(maya, { commentId: id, body: "Too late" }, new Date(Date.now() + 16 * 60 * 1000));
    expect(late).toMatchObject({ ok: false, message: expect.stringMatching(/15 minutes/) });
  });

  it("holds a comment with three links for moderation, visible to its author and moderators only", async () => {
    const reviewId = await newReview();
    const body = "See https://a.example, https://b.example and https://c.example";
    const outcome = await postComment(maya, { reviewId, body });
    expect(outcome).toMatchObject({ ok: true, value: { held: true } });
    expect((await getThreadPage(reviewId, 1, jonas))!.threads).toEqual([]);
    expect((await getThreadPage(reviewId, 1, maya))!.threads[0]).toMatchObject({ state: "held" });
    expect((await getThreadPage(reviewId, 1, rosa))!.threads[0]).toMatchObject({ state: "held" });
    expect((await getThreadPage(reviewId, 1, rosa))!.count).toBe(0);
  });

  it("holds a comment with a blocklisted term", async () => {
    await t.db.insert(blockedTerms).values({ term: "cheap pills" });
    const outcome = await postComment(jonas, { reviewId: herReviewId, body: "Buy CHEAP PILLS now" });
    expect(outcome).toMatchObject({ ok: true, value: { held: true } });
  });

  it("reports a comment once per member, never one's own", async () => {
    const id = await post(jonas, herReviewId, "Reportable");
    expect((await reportComment(maya, { commentId: id, reason: "spam" })).ok).toBe(true);
    expect(await reportComment(maya, { commentId: id, reason: "abuse" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already reported/),
    });
    expect((await reportComment(jonas, { commentId: id, reason: "spam" })).ok).toBe(false);
    expect(await reportComment(rosa, { commentId: id, reason: "other", note: "" })).toMatchObject({
      ok: false,
      fieldErrors: { note: ["Tell the moderators what is wrong."] },
    });
  });
});

describe("posting limits", () => {
  it("allows one comment per interval per member and says when posting is possible again", async () => {
    setLimits(15);
    const reviewId = await newReview();
    const member = await createMember(t.db);
    expect((await postComment(member, { reviewId, body: "First" })).ok).toBe(true);
    const second = await postComment(member, { reviewId, body: "Second" });
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/post again in 1[0-5] seconds/) });
    const moderator = await createMember(t.db, { role: "moderator" });
    expect((await postComment(moderator, { reviewId, body: "Mod one" })).ok).toBe(true);
    expect((await postComment(moderator, { reviewId, body: "Mod two" })).ok).toBe(true);
  });

  it("caps a member's comments per day", async () => {
    setLimits(0, 2);
    const reviewId = await newReview();
    const member = await createMember(t.db);
    await post(member, reviewId, "One");
    await post(member, reviewId, "Two");
    expect(await postComment(member, { reviewId, body: "Three" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/today's limit.*post again in \d+ hours/),
    });
  });
});

describe("flood control on reviews, ratings and likes", () => {
  it("lets a member save a rating 30 times a minute, then says when to try again", async () => {
    const { rateFilm } = await import("@/lib/ratings/write");
    const member = await createMember(t.db);
    for (let i = 0; i < 30; i++) expect((await rateFilm(member, "her", i % 9)).ok).toBe(true);
    expect(await rateFilm(member, "her", 4)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^You are saving very quickly\. You can try again in \d+ seconds\.$/),
    });
  });
});

describe("counts", () => {
  it("match the rows after a random sequence of posts, deletes, removals and restores", async () => {
    const reviewId = await newReview();
    const members = [maya, jonas, await createMember(t.db)];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const posted: { id: number; author: CurrentUser }[] = [];
    for (let step = 0; step < 120; step++) {
      const choice = random(10);
      const target = posted.length ? posted[random(posted.length)]! : null;
      if (choice < 5 || !target) {
        const author = members[random(members.length)]!;
        const outcome = await postComment(author, {
          reviewId,
          parentId: target && random(2) ? target.id : undefined,
          body: `Step ${step}`,
        });
        if (outcome.ok) posted.push({ id: outcome.value.commentId, author });
      } else if (choice < 7) {
        await deleteComment(target.author, { commentId: target.id });
      } else if (choice < 9) {
        await removeComment(rosa, { commentId: target.id, rule: "off-topic", reason: "Random removal" });
      } else {
        await restoreComment(rosa, { commentId: target.id, reason: "Random restore" });
      }
    }
    const [visible] = await t.db
      .select({ n: count() })
      .from(comments)
      .where(
        and(
          eq(comments.reviewId, reviewId),
          isNull(comments.deletedAt),
          isNull(comments.removedAt),
          isNull(comments.heldAt),
        ),
      );
    const first = await getThreadPage(reviewId, 1, null);
    expect(first!.count).toBe(visible!.n);
    let shown = 0;
    for (let page = 1; page <= first!.pageCount; page++) {
      const threads = (await getThreadPage(reviewId, page, null))!.threads;
      shown += flatten(threads).filter((c) => c.state === "visible").length;
    }
    expect(first!.pageCount).toBeGreaterThan(1);
    expect(shown).toBe(visible!.n);
  });

  it("stays exact when 10 members post 50 comments at once", async () => {
    const reviewId = await newReview();
    const members = await Promise.all(Array.from({ length: 10 }, () => createMember(t.db)));
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postComment(members[i % 10]!, { reviewId, body: `Concurrent ${i}` })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const [rows] = await t.db.select({ n: count() }).from(comments).where(eq(comments.reviewId, reviewId));
    expect(rows!.n).toBe(50);
    expect((await getThreadPage(reviewId, 1, null))!.count).toBe(50);
  });
});

describe("long threads", () => {
  it("fold beyond 50 replies on the review page and read in pages of 200 on their own", async () => {
    const reviewId = await newReview();
    const rootId = await post(maya, reviewId, "A thread that runs and runs");
    const start = Date.now();
    // 250 replies, each answering the one before it, Jonas and Maya in turn.
    let previous = rootId;
    for (let i = 0; i < 250; i++) {
      const [inserted] = await t.db
        .insert(comments)
        .values({
          reviewId,
          authorId: i % 2 ? maya.id : jonas.id,
          parentId: previous,
          threadRootId: rootId,
          depth: Math.min(i + 1, 4),
          body: `Reply ${i}`,
          signedWithProvider: "google",
          signedWithAccountId: "acct",
          createdAt: new Date(start + (i + 1) * 1000),
        })
        .returning({ id: comments.id });
      previous = inserted!.id;
    }

    const page = (await getThreadPage(reviewId, 1, null))!;
    expect(flatten(page.threads)).toHaveLength(51);
    expect(page.folded.get(rootId)).toBe(200);
    expect(page.thread).toBeNull();

    const whole = (await getThreadPage(reviewId, 1, null, new Date(), { threadId: rootId }))!;
    expect(whole.thread).toEqual({ rootId, page: 1, pageCount: 2, total: 251 });
    expect(flatten(whole.threads)).toHaveLength(200);
    expect(whole.folded.size).toBe(0);

    const rest = (await getThreadPage(reviewId, 1, null, new Date(), { threadId: rootId, threadPage: 2 }))!;
    expect(flatten(rest.threads)).toHaveLength(51);
    // Page 2 opens with reply 199 (Maya's), answering reply 198 (Jonas's) on page 1: it says whom.
    expect(rest.threads[0]).toMatchObject({ inReplyTo: jonas.name });
    expect(flatten(rest.threads).filter((c) => c.inReplyTo !== null)).toHaveLength(1);

    // A thread id from another review shows this review's threads as usual.
    const other = (await getThreadPage(reviewId, 1, null, new Date(), { threadId: herReviewId }))!;
    expect(other.thread).toBeNull();
  });
});
