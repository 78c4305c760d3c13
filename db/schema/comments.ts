import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, unique, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { reviews } from "./reviews";

export const comments = pgTable(
  "comments",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    /** Null once the author deleted their account; the thread keeps the comment. */
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id, {
      onDelete: "restrict",
    }),
    /** The top-level comment of this thread, so long threads paginate by whole threads. */
    threadRootId: integer("thread_root_id").references((): AnyPgColumn => comments.id, {
      onDelete: "restrict",
    }),
    /**
     * The comment a reply answers when that one is at the deepest level: the reply then attaches
     * beside it (parentId is the answered comment's parent), and the thread names whom it answers.
     */
    answeredId: integer("answered_id").references((): AnyPgColumn => comments.id, { onDelete: "set null" }),
    /** 0 for a top-level comment, at most 4 (five levels). */
    depth: integer("depth").notNull().default(0),
    /** The name an imported guest signed with, for a comment with no member behind it (never an e-mail address). */
    authorName: text("author_name"),
    body: text("body").notNull(),
    /** `body` rendered to sanitized HTML by lib/markdown; null until rendered (an import, a restore). */
    bodyHtml: text("body_html"),
    /** The renderer version that made `bodyHtml`; an older one is rendered again. */
    bodyHtmlVersion: integer("body_html_version"),
    /** The OAuth account that signed this comment, or "wordpress" and the post's comment id for an imported one. */
    signedWithProvider: text("signed_with_provider").notNull(),
    signedWithAccountId: text("signed_with_account_id").notNull(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { mode: "date", withTimezone: true }),
    deletedAt: timestamp("deleted_at", { mode: "date", withTimezone: true }),
    /** Held for moderation (too many links, or a blocklisted term) until approved. */
    heldAt: timestamp("held_at", { mode: "date", withTimezone: true }),
    /** Why it was held, as the moderators' queue says it ("it has three or more links"); null when not held. */
    heldReason: text("held_reason"),
    removedAt: timestamp("removed_at", { mode: "date", withTimezone: true }),
    removedById: text("removed_by_id").references(() => users.id, { onDelete: "set null" }),
    removalReason: text("removal_reason"),
    /** The house rule a removed comment broke (lib/moderation/rules), shown on the public record. */
    removalRule: text("removal_rule"),
  },
  (t) => [
    index("comments_review_idx").on(t.reviewId, t.threadRootId, t.createdAt, t.id),
    index("comments_parent_idx").on(t.parentId),
    index("comments_author_idx").on(t.authorId, t.createdAt),
    index("comments_created_idx").on(t.createdAt),
    index("comments_held_idx")
      .on(t.heldAt)
      .where(sql`${t.heldAt} is not null and ${t.removedAt} is null`),
    check("comments_depth_check", sql`${t.depth} between 0 and 4`),
  ],
);

export const reportReasonEnum = pgEnum("report_reason", ["spam", "abuse", "spoilers", "off-topic", "other"]);

export const commentReports = pgTable(
  "comment_reports",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reporterId: text("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: reportReasonEnum("reason").notNull(),
    note: text("note"),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { mode: "date", withTimezone: true }),
    resolvedById: text("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution"),
  },
  (t) => [
    unique("comment_reports_one_per_member").on(t.commentId, t.reporterId),
    index("comment_reports_open_idx")
      .on(t.createdAt, t.commentId)
      .where(sql`${t.resolvedAt} is null`),
  ],
);

export type Comment = typeof comments.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type CommentReport = typeof commentReports.$inferSelect;
export type ReportReason = (typeof reportReasonEnum.enumValues)[number];
