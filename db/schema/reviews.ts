import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { films } from "./films";

export const ratings = pgTable(
  "ratings",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    /** 0–8: the rating in half stars on the four-point scale (7 is 3½/4). */
    halfStars: integer("half_stars").notNull(),
    ratedAt: timestamp("rated_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.filmId] }),
    index("ratings_film_idx").on(t.filmId, t.halfStars),
    index("ratings_rated_idx").on(t.ratedAt),
    index("ratings_user_rated_idx").on(t.userId, t.ratedAt),
    index("ratings_user_half_stars_idx").on(t.userId, t.halfStars),
    check("ratings_half_stars_check", sql`${t.halfStars} between 0 and 8`),
  ],
);

export const reviewStatusEnum = pgEnum("review_status", ["draft", "published", "hidden"]);

export const reviews = pgTable(
  "reviews",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    /** `body` rendered to sanitized HTML by lib/markdown; null until rendered (an import, a restore). */
    bodyHtml: text("body_html"),
    /** The renderer version that made `bodyHtml`; an older one is rendered again. */
    bodyHtmlVersion: integer("body_html_version"),
    verdict: text("verdict").notNull(),
    containsSpoilers: boolean("contains_spoilers").notNull().default(false),
    status: reviewStatusEnum("status").notNull().default("draft"),
    /** Kept by a trigger on `review_likes`. */
    likeCount: integer("like_count").notNull().default(0),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { mode: "date", withTimezone: true }),
    editedAt: timestamp("edited_at", { mode: "date", withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { mode: "date", withTimezone: true }),
    hiddenById: text("hidden_by_id").references(() => users.id, { onDelete: "set null" }),
    hiddenReason: text("hidden_reason"),
    /** The house rule a hidden review broke (lib/moderation/rules), shown on the public record. */
    hiddenRule: text("hidden_rule"),
  },
  (t) => [
    unique("reviews_one_per_member_per_film").on(t.filmId, t.authorId),
    index("reviews_film_published_idx").on(t.filmId, t.status, t.publishedAt, t.id),
    index("reviews_film_likes_idx").on(t.filmId, t.status, t.likeCount, t.id),
    index("reviews_author_published_idx").on(t.authorId, t.status, t.publishedAt, t.id),
    index("reviews_latest_idx").on(t.status, t.publishedAt, t.id),
  ],
);

export const reviewLikes = pgTable(
  "review_likes",
  {
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    likedAt: timestamp("liked_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] }), index("review_likes_user_idx").on(t.userId)],
);

export type Rating = typeof ratings.$inferSelect;
export type Review = typeof reviews.$inferSelect;
export type NewReview = typeof reviews.$inferInsert;
export type ReviewStatus = (typeof reviewStatusEnum.enumValues)[number];
