import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { films } from "./films";

/** A member's ordered list of films ("Ten films about rain"). */
export const lists = pgTable(
  "lists",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Markdown, rendered when written (like a review's body). */
    description: text("description").notNull().default(""),
    descriptionHtml: text("description_html"),
    descriptionHtmlVersion: integer("description_html_version"),
    isPublic: boolean("is_public").notNull().default(true),
    /** Kept by the list's writes, in the same transaction as the items. */
    filmCount: integer("film_count").notNull().default(0),
    likeCount: integer("like_count").notNull().default(0),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("lists_owner_idx").on(t.ownerId, t.createdAt, t.id),
    index("lists_public_updated_idx").on(t.isPublic, t.updatedAt, t.id),
    check("lists_film_count_check", sql`${t.filmCount} between 0 and 1000`),
  ],
);

export const listItems = pgTable(
  "list_items",
  {
    listId: integer("list_id")
      .notNull()
      .references(() => lists.id, { onDelete: "cascade" }),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    /** 1-based place in the list; a reorder rewrites the positions it moves. */
    position: integer("position").notNull(),
    addedAt: timestamp("added_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.filmId] }),
    index("list_items_position_idx").on(t.listId, t.position),
    index("list_items_film_idx").on(t.filmId),
  ],
);

export const listLikes = pgTable(
  "list_likes",
  {
    listId: integer("list_id")
      .notNull()
      .references(() => lists.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    likedAt: timestamp("liked_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.userId] }), index("list_likes_user_idx").on(t.userId)],
);

export const follows = pgTable(
  "follows",
  {
    followerId: text("follower_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    followedId: text("followed_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followedId] }),
    index("follows_followed_idx").on(t.followedId, t.createdAt),
    index("follows_follower_created_idx").on(t.followerId, t.createdAt),
    check("follows_not_self", sql`${t.followerId} <> ${t.followedId}`),
  ],
);

export const notificationKindEnum = pgEnum("notification_kind", [
  "reply",
  "review_comment",
  "review_like",
  "follow",
  "moderation",
]);

export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    /** Who did it; null for a moderator's action (shown as "a moderator") or a deleted account. */
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    reviewId: integer("review_id"),
    commentId: integer("comment_id"),
    /** For a moderation notice: what was done and why, as the member is told it. */
    reason: text("reason"),
    /** Set for kinds that must not repeat (one like notice per member per review): unique when present. */
    dedupeKey: text("dedupe_key").unique(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { mode: "date", withTimezone: true }),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientId, t.createdAt, t.id),
    index("notifications_unread_idx")
      .on(t.recipientId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** A member's choice per kind; no row means the default (in the app on, e-mail on for replies only). */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: notificationKindEnum("kind").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** E-mail waiting to be sent: a queue in PostgreSQL, so a restart loses nothing. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recipientId: text("recipient_id").references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** Headers such as List-Unsubscribe, as the sender adds them. */
    headers: text("headers").notNull().default("{}"),
    notificationId: bigint("notification_id", { mode: "number" }),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { mode: "date", withTimezone: true }),
    sentAt: timestamp("sent_at", { mode: "date", withTimezone: true }),
    failedAt: timestamp("failed_at", { mode: "date", withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mail_outbox_due_idx")
      .on(t.nextAttemptAt, t.id)
      .where(sql`${t.sentAt} is null and ${t.failedAt} is null`),
  ],
);

export type List = typeof lists.$inferSelect;
export type NewList = typeof lists.$inferInsert;
export type ListItem = typeof listItems.$inferSelect;
export type Follow = typeof follows.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type NotificationKind = (typeof notificationKindEnum.enumValues)[number];
export type MailOutboxEntry = typeof mailOutbox.$inferSelect;
