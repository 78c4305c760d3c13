import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { alias } from "drizzle-orm/pg-core";
import { comments, mailOutbox, notifications, notificationSettings, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import type { Tag } from "@/lib/cache/tags";
import { env } from "@/lib/env";
import { authorize } from "@/lib/policy";
import { fail, invalid, ok, type Result } from "@/lib/result";
import { reviewThreadHref } from "@/lib/reviews/params";
import { siteUrl } from "@/lib/site";
import { replyMail } from "./mail-text";
import {
  defaultSetting,
  markAllReadSchema,
  markReadSchema,
  NOTIFICATION_KINDS,
  notificationSettingsSchema,
  unsubscribeSchema,
  type NotificationKindName,
} from "./schema";
import { memberOfToken } from "./unsubscribe-token";

/** What caused a notice, as the writes that cause them describe it. */
export interface Notice {
  recipientId: string | null;
  kind: NotificationKindName;
  /** Who did it: shown on the notice. Null for a moderator's decision (shown as "a moderator"). */
  actorId: string | null;
  /** Who acted, whether shown or not: nobody is told about what they did themselves. */
  byId: string;
  reviewId?: number | null;
  commentId?: number | null;
  reason?: string | null;
  /** Kinds that must not repeat name themselves here (one like notice per member per review). */
  dedupeKey?: string | null;
}

interface Delivered {
  notificationId: number | null;
  /** The recipient's address when they want this kind by e-mail, else null. */
  mailTo: string | null;
}

/** Rows of a raw statement, whichever driver ran it (postgres.js hands back an array, PGlite `{ rows }`). */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Records one notice inside the caller's transaction, so the notice exists
 * exactly when the write that caused it does. One statement: it reads the
 * recipient's setting for the kind (no row: the default), inserts the notice
 * when they want it in the app (once per dedupe key), and answers where an
 * e-mail would go. Nobody is notified about their own doing.
 */
async function notify(tx: Transaction, notice: Notice): Promise<Delivered> {
  const none = { notificationId: null, mailTo: null };
  if (!notice.recipientId || notice.recipientId === notice.byId) return none;
  const byDefault = defaultSetting(notice.kind);
  const result = await tx.execute(sql`
    with choice as (
      select u.id, u.email as address,
        coalesce(s.in_app, ${byDefault.inApp}) as in_app,
        coalesce(s.email, ${byDefault.email}) as by_email
      from users u
      left join notification_settings s on s.user_id = u.id and s.kind = ${notice.kind}::notification_kind
      where u.id = ${notice.recipientId}
    ), notice as (
      insert into notifications (recipient_id, kind, actor_id, review_id, comment_id, reason, dedupe_key)
      select id, ${notice.kind}::notification_kind, ${notice.actorId}::text, ${notice.reviewId ?? null}::integer,
        ${notice.commentId ?? null}::integer, ${notice.reason ?? null}::text, ${notice.dedupeKey ?? null}::text
      from choice where in_app
      on conflict (dedupe_key) do nothing
      returning id
    )
    select (select id from notice) as notification_id, case when by_email then address end as mail_to,
      exists (select 1 from notifications where dedupe_key = ${notice.dedupeKey ?? null}::text) as seen
    from choice`);
  const [row] = rowsOf<{ notification_id: number | string | null; mail_to: string | null; seen: boolean }>(result);
  // Told before (the same dedupe key): no second notice, and no second e-mail either.
  if (!row || row.seen) return none;
  return { notificationId: row.notification_id === null ? null : Number(row.notification_id), mailTo: row.mail_to };
}

/**
 * A reply to `parentAuthorId`'s comment: the notice, and when mail is set up
 * (SMTP_URL) and they want replies by e-mail, the e-mail in the outbox, both
 * in the reply's transaction.
 */
export async function notifyReply(
  tx: Transaction,
  reply: {
    actor: { id: string; name: string };
    parentAuthorId: string | null;
    reviewId: number;
    commentId: number;
    threadRootId: number;
    body: string;
  },
): Promise<void> {
  const delivered = await notify(tx, {
    recipientId: reply.parentAuthorId,
    kind: "reply",
    actorId: reply.actor.id,
    byId: reply.actor.id,
    reviewId: reply.reviewId,
    commentId: reply.commentId,
    dedupeKey: `comment:${reply.commentId}`,
  });
  if (!delivered.mailTo || !reply.parentAuthorId || !env().SMTP_URL) return;
  const link = `${siteUrl()}${reviewThreadHref(reply.reviewId, reply.threadRootId, 1)}#comment-${reply.commentId}`;
  const mail = replyMail({ recipientId: reply.parentAuthorId, actorName: reply.actor.name, body: reply.body, link });
  await tx.insert(mailOutbox).values({
    recipientId: reply.parentAuthorId,
    toAddress: delivered.mailTo,
    subject: mail.subject,
    textBody: mail.text,
    headers: JSON.stringify(mail.headers),
    notificationId: delivered.notificationId,
  });
}

/** A top-level comment on `reviewAuthorId`'s review. */
export async function notifyReviewComment(
  tx: Transaction,
  comment: { actorId: string; reviewAuthorId: string; reviewId: number; commentId: number },
): Promise<void> {
  await notify(tx, {
    recipientId: comment.reviewAuthorId,
    kind: "review_comment",
    actorId: comment.actorId,
    byId: comment.actorId,
    reviewId: comment.reviewId,
    commentId: comment.commentId,
    dedupeKey: `comment:${comment.commentId}`,
  });
}

/**
 * A comment held for moderation tells nobody until a moderator lets it show;
 * then it tells whom it answers (or the review's author) as if just posted.
 * Approving it again tells nobody twice (the notice's dedupe key).
 */
export async function notifyApprovedComment(tx: Transaction, commentId: number): Promise<void> {
  const answered = alias(comments, "answered");
  const [row] = await tx
    .select({
      reviewId: comments.reviewId,
      authorId: comments.authorId,
      authorName: users.name,
      authorHandle: users.handle,
      parentId: comments.parentId,
      threadRootId: comments.threadRootId,
      body: comments.body,
      answeredAuthorId: answered.authorId,
      reviewAuthorId: reviews.authorId,
    })
    .from(comments)
    .innerJoin(reviews, eq(reviews.id, comments.reviewId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .leftJoin(answered, eq(answered.id, sql`coalesce(${comments.answeredId}, ${comments.parentId})`))
    .where(eq(comments.id, commentId))
    .limit(1);
  if (!row?.authorId) return;
  if (row.parentId === null) {
    await notifyReviewComment(tx, {
      actorId: row.authorId,
      reviewAuthorId: row.reviewAuthorId,
      reviewId: row.reviewId,
      commentId,
    });
    return;
  }
  await notifyReply(tx, {
    actor: { id: row.authorId, name: row.authorName ?? row.authorHandle ?? "A member" },
    parentAuthorId: row.answeredAuthorId,
    reviewId: row.reviewId,
    commentId,
    threadRootId: row.threadRootId ?? row.parentId,
    body: row.body,
  });
}

/** A like of a review: one notice per liker per review, however often they unlike and like again. */
export async function notifyReviewLike(
  tx: Transaction,
  like: { actorId: string; reviewAuthorId: string; reviewId: number },
): Promise<void> {
  await notify(tx, {
    recipientId: like.reviewAuthorId,
    kind: "review_like",
    actorId: like.actorId,
    byId: like.actorId,
    reviewId: like.reviewId,
    dedupeKey: `review_like:${like.reviewId}:${like.actorId}`,
  });
}

/** A new follower, told once per follower (following again after unfollowing tells nobody twice). */
export async function notifyFollow(tx: Transaction, follow: { followerId: string; followedId: string }): Promise<void> {
  await notify(tx, {
    recipientId: follow.followedId,
    kind: "follow",
    actorId: follow.followerId,
    byId: follow.followerId,
    dedupeKey: `follow:${follow.followerId}:${follow.followedId}`,
  });
}

/** A moderator's decision about a member's comment, review or account, with the sentence they are told. */
export async function notifyModeration(
  tx: Transaction,
  decision: {
    moderatorId: string;
    memberId: string | null;
    reviewId?: number | null;
    commentId?: number | null;
    reason: string;
  },
): Promise<void> {
  await notify(tx, {
    recipientId: decision.memberId,
    kind: "moderation",
    actorId: null,
    byId: decision.moderatorId,
    reviewId: decision.reviewId,
    commentId: decision.commentId,
    reason: decision.reason,
  });
}

export interface NotificationChange {
  changed: Tag[];
}

/**
 * Marks one of `actor`'s notices read. Someone else's notice is "not found",
 * the same as one that does not exist, so ids tell nothing. The pages these
 * change are read per request, so no cache tag changes.
 */
export async function markNotificationRead(actor: CurrentUser, raw: unknown): Promise<Result<NotificationChange>> {
  const member = authorize(actor, "member");
  if (!member.ok) return member;
  const parsed = markReadSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  const own = and(eq(notifications.id, parsed.data.notificationId), eq(notifications.recipientId, actor.id));
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(own)
    .returning({ id: notifications.id });
  if (!row) return fail("not_found", "That notification does not exist.");
  return ok({ changed: [] });
}

/** Marks every unread notice of `actor`'s read. */
export async function markAllNotificationsRead(
  actor: CurrentUser,
  raw: unknown,
): Promise<Result<NotificationChange & { marked: number }>> {
  const member = authorize(actor, "member");
  if (!member.ok) return member;
  const parsed = markAllReadSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const db = await getDb();
  // Through notifications_unread_idx: only the unread rows are touched.
  const marked = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.recipientId, actor.id), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return ok({ marked: marked.length, changed: [] });
}

/** Saves `actor`'s choice for every kind, in the app and by e-mail, in one statement. */
export async function saveNotificationSettings(actor: CurrentUser, raw: unknown): Promise<Result<NotificationChange>> {
  const member = authorize(actor, "member");
  if (!member.ok) return member;
  const parsed = notificationSettingsSchema.safeParse(raw);
  if (!parsed.success)
    return invalid(parsed.error, "Your settings are not saved yet: please fix the boxes marked below.");
  const choice = parsed.data;
  const db = await getDb();
  await db
    .insert(notificationSettings)
    .values(
      NOTIFICATION_KINDS.map((kind) => ({
        userId: actor.id,
        kind,
        inApp: choice[`${kind}.inApp`],
        email: choice[`${kind}.email`],
      })),
    )
    .onConflictDoUpdate({
      target: [notificationSettings.userId, notificationSettings.kind],
      set: { inApp: sql`excluded.in_app`, email: sql`excluded.email` },
    });
  return ok({ changed: [] });
}

/**
 * Turns reply e-mail off for the member an unsubscribe token names (the
 * one-click header and the page's button both come here). Their in-app
 * choice for replies stays as it was. A token Marquee did not sign is refused.
 */
export async function unsubscribeFromReplies(raw: unknown): Promise<Result<NotificationChange>> {
  const parsed = unsubscribeSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const memberId = memberOfToken(parsed.data.token);
  const refused = "This unsubscribe link is not valid. Sign in and change your e-mail settings on your account page.";
  if (!memberId) return fail("invalid", refused, { token: [refused] });
  const db = await getDb();
  const inserted = await db
    .insert(notificationSettings)
    .select(
      sql`select id, 'reply'::notification_kind, ${defaultSetting("reply").inApp}, false from users where id = ${memberId}`,
    )
    .onConflictDoUpdate({
      target: [notificationSettings.userId, notificationSettings.kind],
      set: { email: false },
    })
    .returning({ userId: notificationSettings.userId });
  // A member who deleted their account since: nothing is sent to them anyway.
  if (inserted.length === 0) return fail("not_found", "There is no account for this link any more.");
  return ok({ changed: [] });
}
