import "server-only";
import { and, count, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { comments, notifications, rateLimits, ratings, reviews, users, verificationTokens } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { renderStored } from "@/lib/markdown";
import { keepReviewEvidence } from "@/lib/moderation/evidence";
import { forgetRedisLimits } from "@/lib/rate-limit/store";
import { fail, invalidField, ok, type Result } from "@/lib/result";
import { FORMER_MEMBER, type DeleteAccountInput } from "./delete-schema";

/**
 * Deletes `actor`'s account once they have typed their handle. What goes:
 * the member row and with it (foreign keys that cascade) their sign-in
 * accounts, sessions, ratings (the films' counts and sums follow through the
 * ratings trigger), likes, reports, imports, diary and watchlist, lists
 * (with their films and others' likes of them), list likes, follows both
 * ways, notification settings, notices and queued e-mail to them; their
 * drafts; their rate-limit counters; and their reviews unless they keep them.
 * Notices they caused others (a reply, a like, a follow) stay with their
 * recipients with no actor, and lose the de-duplication key naming them.
 *
 * What stays: kept reviews (published or hidden) move to a new placeholder
 * member named "a former member", with no e-mail, no sign-in account and a
 * random handle, because a review must have an author and one review per
 * author per film. Comments stay in their threads with no author (the key
 * sets null) so replies still make sense; with `comments: "erase"` their text
 * goes too and they become "Comment deleted" tombstones, except comments a
 * moderator removed, which keep their text for the moderation record. Which
 * sign-in account signed each comment is forgotten (only the provider
 * stays). The moderation log keeps every row: it has no foreign key to
 * members, and nothing may change it; before a review goes, its moderation
 * record (removed, held or reported comments, their reports, and the review
 * if it was hidden) is copied into it, as when a member deletes one review.
 */
export async function deleteAccount(
  actor: CurrentUser,
  input: DeleteAccountInput,
): Promise<Result<{ keptReviews: number; changed: Tag[] }>> {
  const typed = input.confirmHandle.replace(/^@/, "").toLowerCase();
  if (typed !== actor.handle.toLowerCase()) {
    return invalidField("confirmHandle", `That is not your handle. Type ${actor.handle} to confirm.`);
  }
  const db = await getDb();
  if (actor.role === "admin") {
    const [others] = await db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), ne(users.id, actor.id)));
    if ((others?.n ?? 0) === 0) {
      return fail("conflict", "You are the only admin. Make another member an admin before deleting your account.");
    }
  }
  const result = await db.transaction(async (tx) => {
    // Locks the member first: a second deletion (another tab) waits, then finds nothing.
    const [member] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.id)).for("update");
    if (!member) return fail("not_found", "Your account is already deleted.");
    const ratedFilms = await tx.select({ filmId: ratings.filmId }).from(ratings).where(eq(ratings.userId, actor.id));
    const written = await tx
      .select({ id: reviews.id, filmId: reviews.filmId, status: reviews.status })
      .from(reviews)
      .where(eq(reviews.authorId, actor.id));
    const threads = await tx
      .selectDistinct({ reviewId: comments.reviewId })
      .from(comments)
      .where(eq(comments.authorId, actor.id));

    const kept = input.reviews === "keep" ? written.filter((r) => r.status !== "draft") : [];
    const keptIds = kept.map((r) => r.id);
    if (kept.length > 0) {
      const [placeholder] = await tx
        .insert(users)
        .values({ name: FORMER_MEMBER, handle: `former-member-${crypto.randomUUID().slice(0, 13)}` })
        .returning({ id: users.id });
      await tx.update(reviews).set({ authorId: placeholder!.id }).where(inArray(reviews.id, keptIds));
    }
    // Everything not kept goes, with the threads under it (as deleting a review always does),
    // once the moderation record under it is copied into the log.
    const goneIds = written.filter((r) => !keptIds.includes(r.id)).map((r) => r.id);
    await keepReviewEvidence(tx, goneIds, actor, { accountDeleted: true });
    await tx.delete(reviews).where(eq(reviews.authorId, actor.id));

    if (input.comments === "erase") {
      await tx
        .update(comments)
        .set({ body: "", ...renderStored(""), deletedAt: sql`coalesce(${comments.deletedAt}, now())` })
        .where(and(eq(comments.authorId, actor.id), isNull(comments.removedAt)));
    }
    await tx.update(comments).set({ signedWithAccountId: "" }).where(eq(comments.authorId, actor.id));

    // Notices the member caused stay with their recipients, the actor unset by the key; the
    // keys that kept a like or follow notice from repeating name the member, and go.
    await tx
      .update(notifications)
      .set({ dedupeKey: null })
      .where(and(eq(notifications.actorId, actor.id), isNotNull(notifications.dedupeKey)));
    await tx.delete(rateLimits).where(sql`${rateLimits.key} like ${`%:${actor.id}`}`);
    if (member.email) await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, member.email));
    await tx.delete(users).where(eq(users.id, actor.id));

    const filmIds = new Set([...ratedFilms.map((r) => r.filmId), ...written.map((r) => r.filmId)]);
    const changed: Tag[] = [
      tags.member(actor.id),
      tags.members,
      tags.reviews,
      tags.catalogue,
      tags.moderation,
      ...[...filmIds].map((id) => tags.film(id)),
      ...written.map((r) => tags.review(r.id)),
      ...threads.map((t) => tags.review(t.reviewId)),
    ];
    return ok({ keptReviews: kept.length, changed });
  });
  if (result.ok) await forgetRedisLimits(actor.id);
  return result;
}
