import "server-only";
import { and, count, desc, eq, ne, notExists, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { follows, reviews, users } from "@/db/schema";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { FOLLOWS_PAGE_SIZE } from "./schema";

/** The member in `users` is not suspended now (the SQL form of isSuspended in lib/policy). */
export const notSuspended = sql`not (${users.suspendedAt} is not null
  and (${users.suspendedUntil} is null or ${users.suspendedUntil} > now()))`;

export interface FollowCounts {
  followers: number;
  following: number;
}

/** A member in a followers or following list, or suggested to follow. */
export interface FollowMember {
  handle: string;
  name: string;
  since: Date;
}

/** How many members follow `memberId` and how many they follow, in one query (both counts use an index). */
export async function getFollowCounts(memberId: string): Promise<FollowCounts> {
  const db = await getDb();
  const [row] = await db
    .select({
      followers: sql<number>`(select count(*) from ${follows} where ${follows.followedId} = ${memberId})::int`,
      following: sql<number>`(select count(*) from ${follows} where ${follows.followerId} = ${memberId})::int`,
    })
    .from(users)
    .where(eq(users.id, memberId));
  return { followers: Number(row?.followers ?? 0), following: Number(row?.following ?? 0) };
}

/**
 * A page of the members on one side of `memberId`'s follows, newest follow
 * first: who follows them (`followers`, by follows_followed_idx) or whom
 * they follow (`following`, by follows_follower_created_idx). Two queries.
 */
export async function listFollows(
  memberId: string,
  side: "followers" | "following",
  page: number,
): Promise<Page<FollowMember>> {
  const db = await getDb();
  const [own, other] =
    side === "followers" ? [follows.followedId, follows.followerId] : [follows.followerId, follows.followedId];
  const { limit, offset } = pageWindow(page, FOLLOWS_PAGE_SIZE);
  const [items, [total]] = await Promise.all([
    db
      .select({
        handle: users.handle,
        name: sql<string>`coalesce(${users.name}, ${users.handle})`,
        since: follows.createdAt,
      })
      .from(follows)
      .innerJoin(users, eq(users.id, other))
      .where(eq(own, memberId))
      .orderBy(desc(follows.createdAt), desc(other))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(follows).where(eq(own, memberId)),
  ]);
  return paginate(items, total?.n ?? 0, page, FOLLOWS_PAGE_SIZE);
}

/**
 * Whether `viewerId` follows the member with `handle`, for the viewer
 * payload: null when that is the viewer themselves or no member. One query.
 */
export async function getFollowState(
  viewerId: string,
  handle: string,
): Promise<{ handle: string; following: boolean } | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      following: sql<boolean>`exists (select 1 from ${follows}
        where ${follows.followerId} = ${viewerId} and ${follows.followedId} = ${users.id})`,
    })
    .from(users)
    .where(eq(users.handle, handle))
    .limit(1);
  if (!row || row.id === viewerId) return null;
  return { handle, following: row.following };
}

/** How many members an empty feed suggests. */
export const SUGGESTIONS = 5;

/**
 * Members an empty feed suggests following: those who published a review
 * most recently, leaving out `viewerId` and whoever they follow already.
 * One query, by reviews_latest_idx.
 */
export async function listSuggestedMembers(viewerId: string, limit = SUGGESTIONS): Promise<FollowMember[]> {
  const db = await getDb();
  const latest = sql<Date>`max(${reviews.publishedAt})`.mapWith(reviews.publishedAt);
  return db
    .select({ handle: users.handle, name: sql<string>`coalesce(${users.name}, ${users.handle})`, since: latest })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.authorId))
    .where(
      and(
        eq(reviews.status, "published"),
        ne(reviews.authorId, viewerId),
        notSuspended,
        notExists(
          db
            .select({ one: sql`1` })
            .from(follows)
            .where(and(eq(follows.followerId, viewerId), eq(follows.followedId, reviews.authorId))),
        ),
      ),
    )
    .groupBy(users.id, users.handle, users.name)
    .orderBy(desc(latest))
    .limit(limit);
}
