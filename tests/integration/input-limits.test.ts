import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { comments, films, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { updateProfileAction } from "@/app/account/actions";
import { editComment, postComment, reportComment } from "@/lib/comments/write";
import { reloadEnv } from "@/lib/env";
import { MEMBER_LIMITS, WRITES_PER_MINUTE } from "@/lib/rate-limit";
import { saveReview } from "@/lib/reviews/write";
import { createMember, formOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { signInAs } from "../support/session";

// The account actions import Auth.js's sign-out; these tests never reach it.
vi.mock("@/lib/auth/config", () => ({ signIn: async () => "", signOut: async () => {} }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

const t = useTestDatabase();

beforeEach(() => {
  // The one-comment-per-interval limit is not what these tests are about.
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  reloadEnv();
});

let sequence = 0;
async function newReview(): Promise<{ reviewId: number; filmSlug: string }> {
  const author = await createMember(t.db);
  const slug = `limits-film-${++sequence}`;
  const [film] = await t.db.insert(films).values({ slug, title: "Limits Film" }).returning({ id: films.id });
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
  return { reviewId: review!.id, filmSlug: slug };
}

async function posted(actor: CurrentUser, reviewId: number, body: string): Promise<number> {
  const outcome = await postComment(actor, { reviewId, body });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value.commentId;
}

describe("links in a comment", () => {
  it("count as they render: four reference-style links to one definition are four, and the comment is held", async () => {
    const { reviewId } = await newReview();
    const member = await createMember(t.db);
    const outcome = await postComment(member, {
      reviewId,
      body: "See [this][1], [that][1], [here][1] and [there][1].\n\n[1]: https://spam.example/offer",
    });
    expect(outcome).toMatchObject({ ok: true, value: { held: true } });
  });

  it("let two links through, and do not count a link text without a link", async () => {
    const { reviewId } = await newReview();
    const member = await createMember(t.db);
    const body = "[The script](https://example.com/her) and www.example.org/jonze, but [not a link] and ](nothing.";
    expect(await postComment(member, { reviewId, body })).toMatchObject({ ok: true, value: { held: false } });
  });

  it("are counted on an edit the same way", async () => {
    const { reviewId } = await newReview();
    const member = await createMember(t.db);
    const commentId = await posted(member, reviewId, "A first thought.");
    const edited = await editComment(member, {
      commentId,
      body: "[a][x] [b][x] [c][x]\n\n[x]: https://spam.example",
    });
    expect(edited).toMatchObject({ ok: true, value: { held: true } });
  });
});

describe("the same comment twice", () => {
  it("is refused under the same review within ten minutes, next to the field", async () => {
    const { reviewId } = await newReview();
    const member = await createMember(t.db);
    await posted(member, reviewId, "What a film.");
    const again = await postComment(member, { reviewId, body: "What a film." });
    expect(again).toEqual({
      ok: false,
      code: "conflict",
      message: "You just posted this.",
      fieldErrors: { body: ["You just posted this."] },
    });
    const [counted] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(comments)
      .where(eq(comments.reviewId, reviewId));
    expect(counted!.n).toBe(1);
  });

  it("goes through under another review, from another member, or after ten minutes", async () => {
    const first = await newReview();
    const second = await newReview();
    const member = await createMember(t.db);
    const other = await createMember(t.db);
    const id = await posted(member, first.reviewId, "Seen it twice.");
    await posted(member, second.reviewId, "Seen it twice.");
    await posted(other, first.reviewId, "Seen it twice.");
    await t.db
      .update(comments)
      .set({ createdAt: new Date(Date.now() - 11 * 60 * 1000) })
      .where(eq(comments.id, id));
    await posted(member, first.reviewId, "Seen it twice.");
  });

  it("is refused as a reply too", async () => {
    const { reviewId } = await newReview();
    const member = await createMember(t.db);
    const parentId = await posted(member, reviewId, "Top.");
    expect((await postComment(member, { reviewId, parentId, body: "Agreed." })).ok).toBe(true);
    expect(await postComment(member, { reviewId, parentId, body: "Agreed." })).toMatchObject({
      ok: false,
      message: "You just posted this.",
    });
  });
});

describe("limits on changes", () => {
  it("stop a member editing comments more than ten times a minute, and say when to try again", async () => {
    const { reviewId } = await newReview();
    const member = await createMember(t.db);
    const commentId = await posted(member, reviewId, "Draft 0");
    for (let n = 1; n <= MEMBER_LIMITS["comment-edit"].points; n++) {
      expect((await editComment(member, { commentId, body: `Draft ${n}` })).ok).toBe(true);
    }
    const refused = await editComment(member, { commentId, body: "One too many" });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(refused.ok ? "" : refused.message).toMatch(
      /^You have been editing comments very often\. You can try again in \d+ seconds?\.$/,
    );
    const [row] = await t.db.select({ body: comments.body }).from(comments).where(eq(comments.id, commentId));
    expect(row!.body).toBe(`Draft ${MEMBER_LIMITS["comment-edit"].points}`);
  });

  it("stop a member saving their review more than thirty times a minute", async () => {
    const { filmSlug } = await newReview();
    const member = await createMember(t.db);
    const save = (n: number) =>
      saveReview(member, {
        film: filmSlug,
        halfStars: "6",
        containsSpoilers: "",
        verdict: `Take ${n}`,
        body: "Still thinking.",
        intent: "publish",
      });
    for (let n = 1; n <= WRITES_PER_MINUTE; n++) expect(await save(n)).toMatchObject({ ok: true });
    expect(await save(0)).toMatchObject({ ok: false, code: "rate_limited" });
  });

  it("stop a member reporting more than twenty comments an hour", async () => {
    const { reviewId } = await newReview();
    const writer = await createMember(t.db, { role: "moderator" });
    const reporter = await createMember(t.db);
    const limit = MEMBER_LIMITS.report.points;
    const ids: number[] = [];
    for (let n = 0; n <= limit; n++) ids.push(await posted(writer, reviewId, `Comment ${n}`));
    for (const commentId of ids.slice(0, limit)) {
      expect((await reportComment(reporter, { commentId, reason: "spam" })).ok).toBe(true);
    }
    const refused = await reportComment(reporter, { commentId: ids[limit]!, reason: "spam" });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(refused.ok ? "" : refused.message).toMatch(/^You have been reporting comments very often\./);
  });

  it("stop profile and handle changes past ten an hour, keeping what was typed", async () => {
    const member = await createMember(t.db);
    signInAs(member);
    for (let n = 1; n <= MEMBER_LIMITS.profile.points; n++) {
      const saved = await updateProfileAction(null, formOf({ name: `Name ${n}`, handle: `${member.handle}-${n}` }));
      expect(saved).toMatchObject({ ok: true });
      signInAs({ ...member, handle: `${member.handle}-${n}` });
    }
    const typed = { name: "One more name", handle: `${member.handle}-again` };
    const refused = await updateProfileAction(null, formOf(typed));
    expect(refused).toMatchObject({ ok: false, values: typed });
    expect(refused.message).toMatch(
      /^You have been changing your profile very often\. You can try again in \d+ minutes\.$/,
    );
  });
});
