import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reviews, users } from "@/db/schema";
import { paginate, type Page } from "@/lib/pagination";
import { isSuspended } from "@/lib/policy";

/**
 * A member as their public profile shows them: no email, no account details,
 * and no suspension (that is for moderators, through getMemberStanding).
 */
export interface MemberProfile {
  id: string;
  handle: string;
  name: string;
  joinedAt: Date;
  /** "wordpress" for an author brought in by an import, who has no sign-in account yet. */
  importedFrom: string | null;
}

/** The member with `handle`, or null. One query. */
export async function getMemberByHandle(handle: string): Promise<MemberProfile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      handle: users.handle,
      name: sql<string>`coalesce(${users.name}, ${users.handle})`,
      joinedAt: users.createdAt,
      importedFrom: users.importedFrom,
    })
    .from(users)
    .where(eq(users.handle, handle))
    .limit(1);
  return row ?? null;
}

/** A member's suspension as a moderator reads it: the reason and the end (ISO time, null for "until lifted"). */
export interface MemberStanding {
  handle: string;
  suspension: { reason: string | null; until: string | null } | null;
}

/**
 * Whether the member with `handle` is suspended now, and why and until when;
 * null when there is no such member. For moderators only (the caller asks
 * lib/policy's mayReadSuspensions). One query on the handle's unique index.
 */
export async function getMemberStanding(handle: string): Promise<MemberStanding | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      handle: users.handle,
      suspendedAt: users.suspendedAt,
      suspendedUntil: users.suspendedUntil,
      reason: users.suspensionReason,
    })
    .from(users)
    .where(eq(users.handle, handle))
    .limit(1);
  if (!row) return null;
  return {
    handle: row.handle,
    suspension: isSuspended(row) ? { reason: row.reason, until: row.suspendedUntil?.toISOString() ?? null } : null,
  };
}

/** A member in the list of reviewers. */
export interface Reviewer {
  handle: string;
  name: string;
  reviews: number;
  lastReviewedAt: Date;
}

export const REVIEWERS_PAGE_SIZE = 30;

/**
 * Members with published reviews, the most prolific first, a page at a time.
 * One query (the count per member from reviews_author_published_idx); a page
 * past the end counts the list on its own.
 */
export async function listReviewers(page: number): Promise<Page<Reviewer>> {
  const db = await getDb();
  const written = db
    .select({
      authorId: reviews.authorId,
      reviews: sql<number>`count(*)`.mapWith(Number).as("review_count"),
      lastReviewedAt: sql<Date>`max(${reviews.publishedAt})`.as("last_reviewed_at"),
    })
    .from(reviews)
    .where(eq(reviews.status, "published"))
    .groupBy(reviews.authorId)
    .as("written");
  const rows = await db
    .select({
      handle: users.handle,
      name: sql<string>`coalesce(${users.name}, ${users.handle})`,
      reviews: written.reviews,
      lastReviewedAt: written.lastReviewedAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(written)
    .innerJoin(users, eq(users.id, written.authorId))
    .orderBy(desc(written.reviews), sql`${written.lastReviewedAt} desc`, asc(users.handle))
    .limit(REVIEWERS_PAGE_SIZE)
    .offset((page - 1) * REVIEWERS_PAGE_SIZE);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${reviews.authorId})`.mapWith(Number) })
      .from(reviews)
      .where(eq(reviews.status, "published"));
    total = row?.n ?? 0;
  }
  return paginate(
    rows.map(({ total: _total, lastReviewedAt, ...reviewer }) => ({
      ...reviewer,
      lastReviewedAt: new Date(lastReviewedAt),
    })),
    total,
    page,
    REVIEWERS_PAGE_SIZE,
  );
}
