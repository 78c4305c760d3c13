import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { comments, films, notifications, notificationSettings, reviews, users } from "@/db/schema";
import { paginate, pageWindow, type Page } from "@/lib/pagination";
import { reviewThreadHref } from "@/lib/reviews/params";
import { defaultSetting, NOTIFICATION_KINDS, NOTIFICATIONS_PAGE_SIZE, type NotificationKindName } from "./schema";

export interface NotificationItem {
  id: number;
  kind: NotificationKindName;
  /** The member who did it; null for a moderator's decision or a deleted account. */
  actor: { handle: string; name: string } | null;
  /** The film of the review it is about, when it is about one. */
  filmTitle: string | null;
  /** For a moderation notice: what was done and why. */
  reason: string | null;
  /** Where the notice leads: the comment, the review or the member. */
  href: string;
  createdAt: Date;
  read: boolean;
}

function hrefOf(row: {
  kind: NotificationKindName;
  reviewId: number | null;
  commentId: number | null;
  threadRootId: number | null;
  actorHandle: string | null;
}): string {
  if (row.reviewId !== null && row.commentId !== null) {
    return `${reviewThreadHref(row.reviewId, row.threadRootId ?? row.commentId, 1)}#comment-${row.commentId}`;
  }
  if (row.reviewId !== null) return `/reviews/${row.reviewId}`;
  if (row.kind === "follow" && row.actorHandle) return `/members/${row.actorHandle}`;
  return "/account";
}

/**
 * A page of `memberId`'s notices, newest first, in two queries whatever the
 * page holds (the page, through notifications_recipient_idx, with who did
 * it and the film; then the total).
 */
export async function listNotifications(memberId: string, page: number): Promise<Page<NotificationItem>> {
  const db = await getDb();
  const actor = alias(users, "actor");
  const { limit, offset } = pageWindow(page, NOTIFICATIONS_PAGE_SIZE);
  const mine = eq(notifications.recipientId, memberId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        reviewId: notifications.reviewId,
        commentId: notifications.commentId,
        reason: notifications.reason,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
        actorHandle: actor.handle,
        actorName: actor.name,
        threadRootId: comments.threadRootId,
        filmTitle: films.title,
      })
      .from(notifications)
      .leftJoin(actor, eq(actor.id, notifications.actorId))
      .leftJoin(comments, eq(comments.id, notifications.commentId))
      .leftJoin(reviews, eq(reviews.id, notifications.reviewId))
      .leftJoin(films, eq(films.id, reviews.filmId))
      .where(mine)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(notifications).where(mine),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    actor: row.actorHandle ? { handle: row.actorHandle, name: row.actorName ?? row.actorHandle } : null,
    filmTitle: row.filmTitle,
    reason: row.reason,
    href: hrefOf(row),
    createdAt: row.createdAt,
    read: row.readAt !== null,
  }));
  return paginate(items, total?.total ?? 0, page, NOTIFICATIONS_PAGE_SIZE);
}

/** How many of `memberId`'s notices are unread: one count over notifications_unread_idx. */
export async function countUnread(memberId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientId, memberId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

export type NotificationChoices = Record<NotificationKindName, { inApp: boolean; email: boolean }>;

/** `memberId`'s choice for every kind, the default where they have not chosen. */
export async function getNotificationSettings(memberId: string): Promise<NotificationChoices> {
  const db = await getDb();
  const rows = await db
    .select({ kind: notificationSettings.kind, inApp: notificationSettings.inApp, email: notificationSettings.email })
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, memberId));
  const choices = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, defaultSetting(kind)]),
  ) as NotificationChoices;
  for (const row of rows) choices[row.kind] = { inApp: row.inApp, email: row.email };
  return choices;
}
