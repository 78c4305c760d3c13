import "server-only";
import { and, asc, desc, eq, gt, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { isSuspended } from "@/lib/policy";
import { getDb } from "@/db/client";
import { commentReports, comments, films, moderationLog, reviews, users } from "@/db/schema";
import type { ReportReason } from "@/db/schema";
import { paginate, type Page } from "@/lib/pagination";
import type { Role } from "@/lib/auth/roles";
import type { ReviewEvidence } from "./evidence";

export const QUEUE_PAGE_SIZE = 20;
export const LOG_PAGE_SIZE = 50;

export interface QueueItem {
  commentId: number;
  reviewId: number;
  filmTitle: string;
  body: string;
  authorHandle: string | null;
  /** The author as the suspension rules see them; null for a former member. */
  author: { id: string; handle: string; role: Role; suspended: boolean } | null;
  postedAt: Date;
  removed: boolean;
  held: boolean;
  /** Why it was held ("it has three or more links"), when it was and the reason is known. */
  heldReason: string | null;
  firstReportedAt: Date | null;
  reports: { reason: ReportReason; note: string | null; reporter: string }[];
}

export type Queue = Page<QueueItem>;

/**
 * The moderators' queue: comments with open reports (grouped, oldest report
 * first), then comments held for moderation. One query.
 */
export async function getModerationQueue(page: number): Promise<Queue> {
  const db = await getDb();
  const author = alias(users, "author");
  const reporter = alias(users, "reporter");
  const openReports = db
    .select({
      commentId: commentReports.commentId,
      firstReportedAt: sql<Date>`min(${commentReports.createdAt})`.as("first_reported_at"),
      reports: sql<{ reason: ReportReason; note: string | null; reporter: string }[]>`json_agg(json_build_object(
        'reason', ${commentReports.reason}, 'note', ${commentReports.note}, 'reporter', ${reporter.handle})
        order by ${commentReports.createdAt})`.as("reports"),
    })
    .from(commentReports)
    .innerJoin(reporter, eq(reporter.id, commentReports.reporterId))
    .where(isNull(commentReports.resolvedAt))
    .groupBy(commentReports.commentId)
    .as("open_reports");
  const current = Math.max(1, page);
  const rows = await db
    .select({
      commentId: comments.id,
      reviewId: comments.reviewId,
      filmTitle: films.title,
      body: comments.body,
      authorHandle: author.handle,
      authorId: author.id,
      authorRole: author.role,
      authorSuspendedAt: author.suspendedAt,
      authorSuspendedUntil: author.suspendedUntil,
      postedAt: comments.createdAt,
      removedAt: comments.removedAt,
      heldAt: comments.heldAt,
      heldReason: comments.heldReason,
      firstReportedAt: openReports.firstReportedAt,
      reports: openReports.reports,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(comments)
    .leftJoin(openReports, eq(openReports.commentId, comments.id))
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(author, eq(author.id, comments.authorId))
    .where(
      sql`(${openReports.commentId} is not null or (${comments.heldAt} is not null and ${comments.removedAt} is null and ${comments.deletedAt} is null))`,
    )
    .orderBy(sql`coalesce(${openReports.firstReportedAt}, ${comments.heldAt}) asc`, asc(comments.id))
    .limit(QUEUE_PAGE_SIZE)
    .offset((current - 1) * QUEUE_PAGE_SIZE);
  // Past the end the window holds no row to carry the total: page 1 says it.
  if (rows.length === 0 && current > 1)
    return paginate([], (await getModerationQueue(1)).total, current, QUEUE_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return paginate(
    rows.map((row) => ({
      commentId: row.commentId,
      reviewId: row.reviewId,
      filmTitle: row.filmTitle,
      body: row.body,
      authorHandle: row.authorHandle,
      author:
        row.authorId && row.authorHandle && row.authorRole
          ? {
              id: row.authorId,
              handle: row.authorHandle,
              role: row.authorRole,
              suspended: isSuspended({ suspendedAt: row.authorSuspendedAt, suspendedUntil: row.authorSuspendedUntil }),
            }
          : null,
      postedAt: row.postedAt,
      removed: row.removedAt !== null,
      held: row.heldAt !== null,
      heldReason: row.heldAt === null ? null : row.heldReason,
      firstReportedAt: row.firstReportedAt ? new Date(row.firstReportedAt) : null,
      reports: row.reports ?? [],
    })),
    total,
    current,
    QUEUE_PAGE_SIZE,
  );
}

export interface LogFilters {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  page: number;
}

export interface LogEntry {
  id: number;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  /** The house rule a removal or a hide cited (lib/moderation/rules), by key. */
  rule: string | null;
  createdAt: Date;
  /** For comment actions: the review the comment belongs to. */
  reviewId: number | null;
  /** For member actions: the member's handle when it happened. */
  targetHandle: string | null;
  /** For role changes: the role before and after. */
  fromRole: string | null;
  toRole: string | null;
  /** For a deleted review: the moderation record kept from under it (lib/moderation/evidence.ts). */
  evidence: ReviewEvidence | null;
}

/** The moderation log, newest first, filtered by moderator, action and target. One query. */
export async function listModerationLog(filters: LogFilters): Promise<Page<LogEntry>> {
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filters.actor)
    conditions.push(
      eq(
        moderationLog.actorLabel,
        filters.actor.startsWith("@") || filters.actor === "command line" ? filters.actor : `@${filters.actor}`,
      ),
    );
  if (filters.action) conditions.push(eq(moderationLog.action, filters.action));
  if (filters.targetType) conditions.push(eq(moderationLog.targetType, filters.targetType));
  if (filters.targetId) conditions.push(eq(moderationLog.targetId, filters.targetId));
  const current = Math.max(1, filters.page);
  const rows = await db
    .select({
      id: moderationLog.id,
      actorLabel: moderationLog.actorLabel,
      action: moderationLog.action,
      targetType: moderationLog.targetType,
      targetId: moderationLog.targetId,
      reason: moderationLog.reason,
      rule: moderationLog.rule,
      createdAt: moderationLog.createdAt,
      reviewId: sql<number | null>`(${moderationLog.details} ->> 'reviewId')::int`,
      targetHandle: sql<string | null>`${moderationLog.details} ->> 'handle'`,
      fromRole: sql<string | null>`${moderationLog.details} ->> 'from'`,
      toRole: sql<string | null>`${moderationLog.details} ->> 'to'`,
      evidence: sql<ReviewEvidence | null>`case when ${moderationLog.action} = 'review.delete' then ${moderationLog.details} -> 'evidence' end`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(moderationLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(moderationLog.createdAt), desc(moderationLog.id))
    .limit(LOG_PAGE_SIZE)
    .offset((current - 1) * LOG_PAGE_SIZE);
  if (rows.length === 0 && current > 1) {
    return paginate([], (await listModerationLog({ ...filters, page: 1 })).total, current, LOG_PAGE_SIZE);
  }
  const total = rows[0]?.total ?? 0;
  return paginate(
    rows.map(({ total: _total, ...entry }) => entry),
    total,
    current,
    LOG_PAGE_SIZE,
  );
}

/** The actions that appear in the log, for the filter. */
export async function listLoggedActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ action: moderationLog.action })
    .from(moderationLog)
    .where(isNotNull(moderationLog.action))
    .orderBy(asc(moderationLog.action));
  return rows.map((r) => r.action);
}

export interface SuspendedMember {
  handle: string;
  name: string | null;
  suspendedAt: Date;
  reason: string | null;
}

/** Members suspended from posting, most recent first, a page at a time. One query. */
export async function listSuspendedMembers(page: number): Promise<Page<SuspendedMember>> {
  const db = await getDb();
  const current = Math.max(1, page);
  const rows = await db
    .select({
      handle: users.handle,
      name: users.name,
      suspendedAt: users.suspendedAt,
      reason: users.suspensionReason,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(users)
    // A suspension whose end has passed is over (lib/policy's isSuspended).
    .where(and(isNotNull(users.suspendedAt), or(isNull(users.suspendedUntil), gt(users.suspendedUntil, sql`now()`))))
    .orderBy(desc(users.suspendedAt), asc(users.handle))
    .limit(QUEUE_PAGE_SIZE)
    .offset((current - 1) * QUEUE_PAGE_SIZE);
  if (rows.length === 0 && current > 1)
    return paginate([], (await listSuspendedMembers(1)).total, current, QUEUE_PAGE_SIZE);
  const total = rows[0]?.total ?? 0;
  return paginate(
    rows.flatMap((r) =>
      r.suspendedAt ? [{ handle: r.handle, name: r.name, suspendedAt: r.suspendedAt, reason: r.reason }] : [],
    ),
    total,
    current,
    QUEUE_PAGE_SIZE,
  );
}

/** What each logged action did, in words, for the log page. */
export const ACTION_WORDS: Record<string, string> = {
  "blocklist.add": "Added a blocked term",
  "blocklist.remove": "Removed a blocked term",
  "comment.approve": "Approved a held comment",
  "comment.remove": "Removed a comment",
  "comment.restore": "Restored a comment",
  "import.wordpress": "Imported a WordPress export",
  "member.hand_over": "Handed an imported member over",
  "member.reinstate": "Reinstated a member",
  "member.role_change": "Changed a member's role",
  "member.suspend": "Suspended a member",
  "reports.dismiss": "Dismissed reports",
  "review.delete": "Deleted a review that held a moderation record",
  "review.hide": "Hid a review",
  "review.restore": "Restored a review",
};
