import "server-only";
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { comments, films, moderationLog, reviews } from "@/db/schema";
import { pageWindow, paginate, type Page } from "@/lib/pagination";

/**
 * The public moderation record: what moderators took off public pages (a
 * comment removed under a published review, a review hidden), when, why and
 * under which house rule. It is read from the moderation log, whose rows are
 * never changed, joined to the comment or review to check it is still
 * removed. Never read here: the removed text, who reported it, which
 * moderator acted.
 *
 * A restored comment or review leaves the record: it is back on its page, so
 * saying it is removed would be false, and the record counts what is missing
 * from the site now. The moderators' own log keeps the whole history.
 */

export const RECORD_PAGE_SIZE = 30;
/** How many months the counts table covers, this month included. */
export const RECORD_MONTHS = 12;

const ENTRY_ACTIONS = ["comment.remove", "review.hide"] as const;
/** Every action that changes whether a comment or review is off its page; only the latest of them counts. */
const TOGGLING_ACTIONS = ["comment.remove", "comment.restore", "review.hide", "review.restore"] as const;

export interface RecordEntry {
  /** The entry's anchor on the record page: `c-12` for comment 12, `r-3` for review 3. */
  anchor: string;
  kind: "comment" | "review";
  /** The comment's or the review's id. */
  targetId: number;
  /** The review a removed comment sat under (its page still shows the tombstone); null for a hidden review. */
  reviewId: number | null;
  filmTitle: string;
  filmSlug: string;
  /** The reason the moderator gave, as the thread shows it. */
  reason: string | null;
  /** The house rule's key (lib/moderation/rules); null for an entry made before rules were cited. */
  rule: string | null;
  at: Date;
}

export interface RecordMonthCount {
  /** "2026-12". */
  month: string;
  rule: string | null;
  count: number;
}

const later = alias(moderationLog, "later");
const comment = alias(comments, "record_comment");
const review = alias(reviews, "record_review");

/** The log's target id as an integer, or null for one that is not a number (a member's handle). */
const targetNumber = sql<number | null>`(case when ${moderationLog.targetId} ~ '^[0-9]{1,9}$'
  then ${moderationLog.targetId}::integer end)`;

/** Log rows that are a removal or a hide still in force, of something that was on a public page. */
function inForce(): SQL {
  return and(
    inArray(moderationLog.action, [...ENTRY_ACTIONS]),
    sql`not exists (select 1 from ${moderationLog} as "later"
      where ${later.targetType} = ${moderationLog.targetType} and ${later.targetId} = ${moderationLog.targetId}
        and ${later.id} > ${moderationLog.id} and ${inArray(later.action, [...TOGGLING_ACTIONS])})`,
    sql`(case when ${moderationLog.action} = 'comment.remove'
      then ${comment.removedAt} is not null and ${comment.deletedAt} is null and ${review.status} = 'published'
      else ${review.status} = 'hidden' end)`,
  )!;
}

/** The comment (when it is one), its review, and the film, joined to each log row. */
function withTargets<Q extends PgSelect>(query: Q) {
  return query
    .leftJoin(comment, sql`${moderationLog.targetType} = 'comment' and ${comment.id} = ${targetNumber}`)
    .innerJoin(
      review,
      sql`${review.id} = (case when ${moderationLog.targetType} = 'review' then ${targetNumber}
        else ${comment.reviewId} end)`,
    )
    .innerJoin(films, eq(films.id, review.filmId));
}

const entryColumns = {
  action: moderationLog.action,
  targetId: targetNumber,
  reviewId: review.id,
  filmTitle: films.title,
  filmSlug: films.slug,
  reason: moderationLog.reason,
  rule: moderationLog.rule,
  at: moderationLog.createdAt,
};

type EntryRow = {
  action: string;
  targetId: number | null;
  reviewId: number;
  filmTitle: string;
  filmSlug: string;
  reason: string | null;
  rule: string | null;
  at: Date;
};

function toEntry(row: EntryRow): RecordEntry {
  const kind = row.action === "comment.remove" ? "comment" : "review";
  const targetId = row.targetId ?? 0;
  return {
    anchor: `${kind === "comment" ? "c" : "r"}-${targetId}`,
    kind,
    targetId,
    reviewId: kind === "comment" ? row.reviewId : null,
    filmTitle: row.filmTitle,
    filmSlug: row.filmSlug,
    reason: row.reason,
    rule: row.rule,
    at: row.at,
  };
}

/** A page of the record, newest first: one query for the entries, one for their number. */
export async function listRecordEntries(page: number): Promise<Page<RecordEntry>> {
  const db = await getDb();
  const { limit, offset } = pageWindow(page, RECORD_PAGE_SIZE);
  const [rows, [counted]] = await Promise.all([
    withTargets(db.select(entryColumns).from(moderationLog).$dynamic())
      .where(inForce())
      .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
      .limit(limit)
      .offset(offset),
    withTargets(
      db
        .select({ n: sql<number>`count(*)::integer` })
        .from(moderationLog)
        .$dynamic(),
    ).where(inForce()),
  ]);
  return paginate(rows.map(toEntry), counted?.n ?? 0, Math.max(1, page), RECORD_PAGE_SIZE);
}

/** The record's entry for one removed comment, or null when it is not (or no longer) removed from a public page. */
export async function getCommentRecordEntry(commentId: number): Promise<RecordEntry | null> {
  const db = await getDb();
  const [row] = await withTargets(db.select(entryColumns).from(moderationLog).$dynamic())
    .where(and(eq(moderationLog.targetType, "comment"), eq(moderationLog.targetId, String(commentId)), inForce()))
    .orderBy(desc(moderationLog.id))
    .limit(1);
  return row ? toEntry(row) : null;
}

/** Entries in force by month (UTC) and rule over the last RECORD_MONTHS months, newest month first. */
export async function countRecordByMonth(now = new Date()): Promise<RecordMonthCount[]> {
  const db = await getDb();
  const month = sql<string>`to_char(${moderationLog.createdAt} at time zone 'UTC', 'YYYY-MM')`;
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (RECORD_MONTHS - 1), 1));
  const counted = db.select({ month, rule: moderationLog.rule, count: sql<number>`count(*)::integer` });
  const rows = await withTargets(counted.from(moderationLog).$dynamic())
    .where(and(inForce(), sql`${moderationLog.createdAt} >= ${since.toISOString()}::timestamptz`))
    .groupBy(month, moderationLog.rule)
    .orderBy(desc(month), moderationLog.rule);
  return rows;
}
