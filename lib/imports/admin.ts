import "server-only";
import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { comments, importItems, ratings, reviewLikes, reviews, users } from "@/db/schema";
import { tags, type Tag } from "@/lib/cache/tags";
import { recordModerationAction } from "@/lib/moderation/log";
import { refuseHandOver, type Admin } from "@/lib/policy";
import { fail, ok, type Result } from "@/lib/result";
import { importWordPress, WORDPRESS_SOURCE, type WordPressImportResult } from "./wordpress";

/** An uploaded file as the chunks the WXR reader wants. */
function chunksOf(file: Blob): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const reader = file.stream().getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  };
}

/**
 * An admin imports a WordPress export uploaded on /admin/import (the action
 * requires "admin"). The import itself is lib/imports/wordpress.ts; this
 * adds the moderation log row that says who imported what.
 */
export async function importWordPressUpload(
  actor: Admin,
  input: { file: File; category?: string },
): Promise<Result<WordPressImportResult>> {
  const db = await getDb();
  const result = await importWordPress(db, chunksOf(input.file), { category: input.category });
  if (!result.ok) return result;
  const { summary } = result.value;
  await recordModerationAction(db, {
    actorId: actor.id,
    actorLabel: `@${actor.handle}`,
    action: "import.wordpress",
    targetType: "import",
    targetId: input.file.name || "upload",
    details: {
      category: input.category ?? null,
      postsImported: summary.postsImported,
      drafts: summary.draftsWithoutRating.length,
      commentsImported: summary.commentsImported,
      filmsCreated: summary.filmsCreated,
    },
  });
  return ok({ summary, changed: [...result.value.changed, tags.moderation] });
}

export interface ImportedMember {
  handle: string;
  name: string;
  importedFrom: string;
  reviews: number;
}

/** Members who came from an import and have not been handed to anyone yet, with their review counts. */
export async function listImportedMembers(): Promise<ImportedMember[]> {
  const db = await getDb();
  const rows = await db
    .select({
      handle: users.handle,
      name: sql<string>`coalesce(${users.name}, ${users.handle})`,
      importedFrom: users.importedFrom,
      // Spelled out: inside a one-table select drizzle leaves columns unqualified, and "id" would be the review's.
      reviews: sql<number>`(select count(*) from ${reviews} r where r.author_id = ${users}.id)`.mapWith(Number),
    })
    .from(users)
    .where(isNotNull(users.importedFrom))
    .orderBy(users.handle)
    .limit(200);
  return rows.map((row) => ({ ...row, importedFrom: row.importedFrom ?? "" }));
}

export interface HandOver {
  from: string;
  to: string;
  reviews: number;
  comments: number;
  ratings: number;
  changed: Tag[];
}

/**
 * Hands the imported member `fromHandle` to the real member `toHandle`: their
 * reviews, ratings and comments become the member's, a later run of the same
 * import maps to the member, the imported member goes, and the moderation
 * log keeps a row. A rating travels with its review (it is what the review
 * says); a rating without a review keeps the member's own when they have
 * one. Refused, changing nothing, when both reviewed the same film.
 */
export async function handOverImportedMember(
  actor: Admin,
  input: { from: string; to: string },
): Promise<Result<HandOver>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: users.id, handle: users.handle, importedFrom: users.importedFrom })
      .from(users)
      .where(inArray(users.handle, [input.from, input.to]))
      .for("update");
    const from = found.find((u) => u.handle === input.from) ?? null;
    const to = found.find((u) => u.handle === input.to) ?? null;
    const refusal = refuseHandOver(from, to);
    if (refusal || !from || !to) return refusal ?? fail("not_found", "There is no such member.");

    const both = await tx
      .select({ filmId: reviews.filmId })
      .from(reviews)
      .where(
        and(
          eq(reviews.authorId, from.id),
          sql`${reviews.filmId} in (select ${reviews.filmId} from ${reviews} where ${reviews.authorId} = ${to.id})`,
        ),
      );
    if (both.length > 0) {
      return fail(
        "conflict",
        `@${to.handle} has already reviewed ${both.length === 1 ? "a film" : `${both.length} films`} that @${from.handle} reviewed; delete one of each pair first.`,
      );
    }
    const moved = await tx
      .select({ id: reviews.id, filmId: reviews.filmId })
      .from(reviews)
      .where(eq(reviews.authorId, from.id));
    const movedIds = moved.map((r) => r.id);
    // A member cannot like their own review: likes they gave the reviews they now own go.
    if (movedIds.length > 0) {
      await tx.delete(reviewLikes).where(and(eq(reviewLikes.userId, to.id), inArray(reviewLikes.reviewId, movedIds)));
    }
    await tx.execute(sql`
      insert into ${ratings} (user_id, film_id, half_stars, rated_at)
      select ${to.id}, r.film_id, r.half_stars, r.rated_at from ${ratings} r where r.user_id = ${from.id}
      on conflict (user_id, film_id) do update set half_stars = excluded.half_stars, rated_at = excluded.rated_at
        where exists (select 1 from ${reviews} where author_id = ${from.id} and film_id = excluded.film_id)`);
    const [ratingCount] = await tx.select({ n: count() }).from(ratings).where(eq(ratings.userId, from.id));
    await tx.delete(ratings).where(eq(ratings.userId, from.id));
    await tx.update(reviews).set({ authorId: to.id }).where(eq(reviews.authorId, from.id));
    const movedComments = await tx
      .update(comments)
      .set({ authorId: to.id })
      .where(eq(comments.authorId, from.id))
      .returning({ reviewId: comments.reviewId });
    await tx
      .update(importItems)
      .set({ localId: to.id })
      .where(and(eq(importItems.kind, "member"), eq(importItems.localId, from.id)));
    await tx.delete(users).where(eq(users.id, from.id));
    const summary = { reviews: moved.length, comments: movedComments.length, ratings: ratingCount?.n ?? 0 };
    await recordModerationAction(tx, {
      actorId: actor.id,
      actorLabel: `@${actor.handle}`,
      action: "member.hand_over",
      targetType: "member",
      targetId: to.id,
      details: {
        from: from.handle,
        fromId: from.id,
        source: from.importedFrom ?? WORDPRESS_SOURCE,
        to: to.handle,
        ...summary,
      },
    });
    const changed = new Set<Tag>([
      tags.member(from.id),
      tags.member(to.id),
      tags.members,
      tags.reviews,
      tags.moderation,
    ]);
    for (const review of moved) {
      changed.add(tags.review(review.id));
      changed.add(tags.film(review.filmId));
    }
    for (const comment of movedComments) changed.add(tags.review(comment.reviewId));
    return ok({ from: from.handle, to: to.handle, ...summary, changed: [...changed] });
  });
}
