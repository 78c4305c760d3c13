import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { diaryEntries, films, follows, listItems, lists, ratings, reviews, users } from "@/db/schema";
import { notSuspended } from "@/lib/follows/queries";
import { encodeCursor, type ActivityCursor, type ActivityKind } from "./cursor";

/** Items on a page of /activity and of a member's Activity tab. */
export const ACTIVITY_PAGE_SIZE = 20;
/** Items the home page shows under "From people you follow". */
export const HOME_ACTIVITY_SIZE = 10;

/** One thing a member did, shaped for the feed. */
export interface ActivityItem {
  kind: ActivityKind;
  /** The item's own cursor: the next page starts after it. */
  cursor: string;
  at: Date;
  member: { handle: string; name: string };
  film: { slug: string; title: string; year: number | null } | null;
  halfStars: number | null;
  review: { id: number; verdict: string } | null;
  list: { id: number; title: string } | null;
  /** A diary entry's date of viewing (YYYY-MM-DD), and whether it was a rewatch. */
  watchedOn: string | null;
  rewatch: boolean;
}

export interface ActivityPage {
  items: ActivityItem[];
  /** The `?after=` of the next page, or null on the last. */
  next: string | null;
}

/** Whose activity: the members `followerId` follows, or one member's own. */
export type ActivityScope = { followerId: string } | { memberId: string };

interface ActivityRow extends Record<string, unknown> {
  kind: ActivityKind;
  at_text: string;
  item_key: string;
  handle: string;
  name: string;
  slug: string | null;
  title: string | null;
  year: number | null;
  half_stars: number | null;
  review_id: number | null;
  verdict: string | null;
  list_id: number | null;
  list_title: string | null;
  watched_on: string | null;
  rewatch: boolean;
}

/**
 * The members whose activity `scope` shows, as a condition on `actor`. A
 * suspended member's activity is left out here, inside each branch, so a
 * page is never cut short by items filtered out after the limit.
 */
function byScope(actor: AnyColumn, scope: ActivityScope): SQL {
  if ("memberId" in scope) {
    return sql`${actor} = ${scope.memberId}
      and exists (select 1 from ${users} where ${users.id} = ${scope.memberId} and ${notSuspended})`;
  }
  return sql`${actor} in (select ${follows.followedId} from ${follows}
    inner join ${users} on ${users.id} = ${follows.followedId}
    where ${follows.followerId} = ${scope.followerId} and ${notSuspended})`;
}

/** Items strictly older than the cursor in the order (time, kind, key), all descending. */
function before(at: AnyColumn, kind: ActivityKind, key: SQL, cursor: ActivityCursor | null): SQL {
  if (!cursor) return sql`true`;
  return sql`(${at} < ${cursor.at}::timestamptz
    or (${at} = ${cursor.at}::timestamptz and (${kind}::text, ${key}) < (${cursor.kind}::text, ${cursor.key}::text)))`;
}

/**
 * A page of activity, newest first, in one query whatever the number of
 * members followed: ratings, published reviews (hidden ones and drafts never),
 * diary entries, public lists made and films added to public lists, each
 * branch limited by its own index before the union is ordered.
 */
export async function listActivity(
  scope: ActivityScope,
  after: ActivityCursor | null,
  size: number = ACTIVITY_PAGE_SIZE,
): Promise<ActivityPage> {
  const db = await getDb();
  const limit = size + 1;
  const ratingKey = sql`${ratings.userId} || '/' || ${ratings.filmId}`;
  const reviewKey = sql`${reviews.id}::text`;
  const diaryKey = sql`${diaryEntries.id}::text`;
  const listKey = sql`${lists.id}::text`;
  const listFilmKey = sql`${listItems.listId} || '/' || ${listItems.filmId}`;
  const query = sql`
    select feed.kind,
      to_char(feed.happened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at_text,
      feed.item_key, ${users.handle} as handle, coalesce(${users.name}, ${users.handle}) as name,
      ${films.slug} as slug, ${films.title} as title, ${films.year} as year,
      feed.half_stars, feed.review_id, feed.verdict, feed.list_id, feed.list_title, feed.watched_on, feed.rewatch
    from (
      (select ${ratings.userId} as actor_id, ${ratings.ratedAt} as happened_at, 'rating'::text as kind,
          ${ratingKey} as item_key, ${ratings.filmId} as film_id, ${ratings.halfStars} as half_stars,
          null::int as review_id, null::text as verdict, null::int as list_id, null::text as list_title,
          null::text as watched_on, false as rewatch
        from ${ratings}
        where ${byScope(ratings.userId, scope)} and ${before(ratings.ratedAt, "rating", ratingKey, after)}
        order by 2 desc, 4 desc limit ${limit})
      union all
      (select ${reviews.authorId}, ${reviews.publishedAt}, 'review'::text, ${reviewKey}, ${reviews.filmId},
          (select ${ratings.halfStars} from ${ratings}
            where ${ratings.userId} = ${reviews.authorId} and ${ratings.filmId} = ${reviews.filmId}),
          ${reviews.id}, ${reviews.verdict}, null::int, null::text, null::text, false
        from ${reviews}
        where ${reviews.status} = 'published' and ${reviews.publishedAt} is not null
          and ${byScope(reviews.authorId, scope)} and ${before(reviews.publishedAt, "review", reviewKey, after)}
        order by 2 desc, 4 desc limit ${limit})
      union all
      (select ${diaryEntries.userId}, ${diaryEntries.createdAt}, 'diary'::text, ${diaryKey}, ${diaryEntries.filmId},
          ${diaryEntries.halfStars}, null::int, null::text, null::int, null::text,
          ${diaryEntries.watchedOn}::text, ${diaryEntries.rewatch}
        from ${diaryEntries}
        where ${byScope(diaryEntries.userId, scope)} and ${before(diaryEntries.createdAt, "diary", diaryKey, after)}
        order by 2 desc, 4 desc limit ${limit})
      union all
      (select ${lists.ownerId}, ${lists.createdAt}, 'list'::text, ${listKey}, null::int, null::int,
          null::int, null::text, ${lists.id}, ${lists.title}, null::text, false
        from ${lists}
        where ${lists.isPublic} and ${byScope(lists.ownerId, scope)}
          and ${before(lists.createdAt, "list", listKey, after)}
        order by 2 desc, 4 desc limit ${limit})
      union all
      (select ${lists.ownerId}, ${listItems.addedAt}, 'list_film'::text, ${listFilmKey}, ${listItems.filmId},
          null::int, null::int, null::text, ${lists.id}, ${lists.title}, null::text, false
        from ${listItems} inner join ${lists} on ${lists.id} = ${listItems.listId}
        where ${lists.isPublic} and ${byScope(lists.ownerId, scope)}
          and ${before(listItems.addedAt, "list_film", listFilmKey, after)}
        order by 2 desc, 4 desc limit ${limit})
    ) as feed
    inner join ${users} on ${users.id} = feed.actor_id
    left join ${films} on ${films.id} = feed.film_id
    order by feed.happened_at desc, feed.kind desc, feed.item_key desc
    limit ${limit}`;
  const result = await db.execute<ActivityRow>(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: ActivityRow[] }).rows) as ActivityRow[];
  const items = rows.slice(0, size).map(toItem);
  const last = items[items.length - 1];
  return { items, next: rows.length > size && last ? last.cursor : null };
}

function toItem(row: ActivityRow): ActivityItem {
  return {
    kind: row.kind,
    cursor: encodeCursor({ at: row.at_text, kind: row.kind, key: row.item_key }),
    at: new Date(`${row.at_text.slice(0, 23)}Z`),
    member: { handle: row.handle, name: row.name },
    film: row.slug && row.title ? { slug: row.slug, title: row.title, year: numberOrNull(row.year) } : null,
    halfStars: numberOrNull(row.half_stars),
    review: row.review_id !== null && row.verdict !== null ? { id: Number(row.review_id), verdict: row.verdict } : null,
    list: row.list_id !== null && row.list_title !== null ? { id: Number(row.list_id), title: row.list_title } : null,
    watchedOn: row.watched_on,
    rewatch: row.rewatch === true,
  };
}

function numberOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}
