import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { removeCommentAction } from "@/app/(moderation)/moderation/actions";
import { comments, commentReports, moderationLog, reviews } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { hideReview, removeComment, restoreComment, restoreReview } from "@/lib/moderation/comments";
import { countRecordByMonth, getCommentRecordEntry, listRecordEntries } from "@/lib/moderation/record";
import { HOUSE_RULES } from "@/lib/moderation/rules";
import { addFilm, addMember } from "../support/community";
import { invalidatedTags, signInAs } from "../support/session";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

/** A form as a browser could send it, rule missing or off the list. */
const asSent = <I>(input: Record<string, unknown>) => input as I;
type RemoveInput = Parameters<typeof removeComment>[1];
type HideInput = Parameters<typeof hideReview>[1];

let moderator: CurrentUser;
let author: CurrentUser;
let reporter: CurrentUser;
let reviewId: number;
let filmTitle: string;

async function addReview(status: "published" | "draft" = "published"): Promise<number> {
  const film = await addFilm(t.db, "Night Train");
  filmTitle = "Night Train";
  const [row] = await t.db
    .insert(reviews)
    .values({
      filmId: film.id,
      authorId: author.id,
      body: "A review.",
      verdict: "Fine",
      status,
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  return row!.id;
}

async function addComment(body: string, onReview = reviewId): Promise<number> {
  const [row] = await t.db
    .insert(comments)
    .values({
      reviewId: onReview,
      authorId: author.id,
      body,
      signedWithProvider: "google",
      signedWithAccountId: `acct-${author.handle}`,
    })
    .returning({ id: comments.id });
  return row!.id;
}

beforeAll(async () => {
  moderator = await addMember(t.db, { role: "moderator" });
  author = await addMember(t.db);
  reporter = await addMember(t.db);
  reviewId = await addReview();
});

describe("the rule a removal cites", () => {
  it("is required, with a message for the field", async () => {
    const commentId = await addComment("A comment to remove.");
    const missing = await removeComment(
      moderator,
      asSent<RemoveInput>({ commentId: String(commentId), reason: "Name-calling" }),
    );
    expect(missing).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { rule: ["Choose the rule that was broken."] },
    });
    const unknown = await removeComment(
      moderator,
      asSent<RemoveInput>({ commentId: String(commentId), rule: "being-boring", reason: "Name-calling" }),
    );
    expect(unknown).toMatchObject({ ok: false, fieldErrors: { rule: ["Choose the rule that was broken."] } });
    const [row] = await t.db.select({ removedAt: comments.removedAt }).from(comments).where(eq(comments.id, commentId));
    expect(row!.removedAt).toBeNull();
  });

  it("is refused by the action with the typed reason kept", async () => {
    signInAs(moderator);
    const commentId = await addComment("Another comment.");
    const form = new FormData();
    form.set("commentId", String(commentId));
    form.set("reason", "Insults the author");
    const state = await removeCommentAction(null, form);
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { rule: ["Choose the rule that was broken."] },
      values: { reason: "Insults the author" },
    });
    form.set("rule", "personal-attack");
    expect(await removeCommentAction(null, form)).toMatchObject({ ok: true });
    expect(invalidatedTags).toContain("moderation-record");
  });

  it("is stored on the comment, the review and the log", async () => {
    const commentId = await addComment("Rude words here.");
    expect(await removeComment(moderator, { commentId, rule: "personal-attack", reason: "Insults" })).toMatchObject({
      ok: true,
    });
    const [row] = await t.db.select({ rule: comments.removalRule }).from(comments).where(eq(comments.id, commentId));
    expect(row!.rule).toBe("personal-attack");
    const [logged] = await t.db
      .select({ rule: moderationLog.rule })
      .from(moderationLog)
      .where(eq(moderationLog.targetId, String(commentId)));
    expect(logged!.rule).toBe("personal-attack");

    const hidden = await addReview();
    expect(await hideReview(moderator, { reviewId: hidden, rule: "spam", reason: "An advert" })).toMatchObject({
      ok: true,
    });
    const [review] = await t.db.select({ rule: reviews.hiddenRule }).from(reviews).where(eq(reviews.id, hidden));
    expect(review!.rule).toBe("spam");
    expect(
      await hideReview(moderator, asSent<HideInput>({ reviewId: await addReview(), reason: "An advert" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { rule: ["Choose the rule that was broken."] },
    });
  });
});

describe("the public record", () => {
  it("shows reason, date and rule, never the text, the reporter or the moderator", async () => {
    const commentId = await addComment("SECRET-INSULT text that was removed");
    await t.db.insert(commentReports).values({ commentId, reporterId: reporter.id, reason: "abuse" });
    expect(
      (await removeComment(moderator, { commentId, rule: "harassment", reason: "Follows a member around" })).ok,
    ).toBe(true);
    const entry = await getCommentRecordEntry(commentId);
    expect(entry).toEqual({
      anchor: `c-${commentId}`,
      kind: "comment",
      targetId: commentId,
      reviewId,
      filmTitle,
      filmSlug: expect.any(String),
      reason: "Follows a member around",
      rule: "harassment",
      at: expect.any(Date),
    });
    const page = await listRecordEntries(1);
    const text = JSON.stringify(page);
    expect(text).not.toContain("SECRET-INSULT");
    expect(text).not.toContain(reporter.id);
    expect(text).not.toContain(reporter.handle);
    expect(text).not.toContain(moderator.id);
    expect(text).not.toContain(moderator.handle);
    expect(page.items.map((item) => item.anchor)).toContain(`c-${commentId}`);
  });

  it("lists newest first, a page at a time, in a fixed number of queries", async () => {
    for (let i = 0; i < 3; i++) {
      const id = await addComment(`Spam ${i}`);
      await removeComment(moderator, { commentId: id, rule: "spam", reason: "Advertising" });
    }
    t.queries.reset();
    const page = await listRecordEntries(1);
    expect(t.queries.count).toBe(2);
    const times = page.items.map((item) => item.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(page.total).toBe(page.items.length);
  });

  it("counts entries by month and rule", async () => {
    const before = await countRecordByMonth();
    const month = new Date().toISOString().slice(0, 7);
    const spam = before.find((row) => row.month === month && row.rule === "spam");
    // Three spam comments and one hidden review, all this month.
    expect(spam?.count).toBe(4);
    expect(before.find((row) => row.rule === "harassment")).toMatchObject({ month, count: 1 });
    // A year from next month, this month is outside the twelve months the table covers.
    const later = new Date();
    later.setUTCMonth(later.getUTCMonth() + 12, 1);
    expect(await countRecordByMonth(later)).toEqual([]);
  });

  it("lets a restored comment or review leave the record, and back when removed again", async () => {
    const commentId = await addComment("Removed then restored");
    await removeComment(moderator, { commentId, rule: "off-topic", reason: "Off-topic" });
    expect(await getCommentRecordEntry(commentId)).not.toBeNull();
    expect((await restoreComment(moderator, { commentId, reason: "Fair point after all" })).ok).toBe(true);
    expect(await getCommentRecordEntry(commentId)).toBeNull();
    expect((await listRecordEntries(1)).items.map((item) => item.anchor)).not.toContain(`c-${commentId}`);
    await removeComment(moderator, { commentId, rule: "spam", reason: "Spam this time" });
    expect(await getCommentRecordEntry(commentId)).toMatchObject({ rule: "spam", reason: "Spam this time" });

    const hidden = await addReview();
    await hideReview(moderator, { reviewId: hidden, rule: "illegal", reason: "Links to a pirated copy" });
    expect((await listRecordEntries(1)).items.map((item) => item.anchor)).toContain(`r-${hidden}`);
    await restoreReview(moderator, { reviewId: hidden, reason: "Link removed" });
    expect((await listRecordEntries(1)).items.map((item) => item.anchor)).not.toContain(`r-${hidden}`);
  });

  it("leaves out comments that are on no public page", async () => {
    const draft = await addReview("draft");
    const commentId = await addComment("Under a draft", draft);
    await removeComment(moderator, { commentId, rule: "spam", reason: "Spam" });
    expect(await getCommentRecordEntry(commentId)).toBeNull();
  });

  it("offers every rule with a title and a sentence", () => {
    expect(HOUSE_RULES.length).toBeGreaterThanOrEqual(5);
    for (const rule of HOUSE_RULES) {
      expect(rule.title.length).toBeGreaterThan(2);
      expect(rule.text.endsWith(".")).toBe(true);
    }
  });
});
