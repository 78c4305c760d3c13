import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { films } from "./films";
import { reviews } from "./reviews";

/**
 * A member's Letterboxd upload: the parsed preview is kept here between the
 * upload and the confirmation, so the file is read once and nothing is saved
 * until the member confirms. Confirmed rows stay as the record of the import
 * (the summary); unconfirmed ones expire.
 */
export const letterboxdImports = pgTable(
  "letterboxd_imports",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The names of the files that were read (ratings.csv, …). */
    files: text("files")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The parsed and matched entries, shaped by lib/letterboxd (versioned inside). */
    preview: jsonb("preview").$type<unknown>().notNull(),
    /** What the confirmation saved and skipped. */
    summary: jsonb("summary").$type<unknown>(),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { mode: "date", withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { mode: "date", withTimezone: true }),
  },
  (t) => [index("letterboxd_imports_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Dated viewings, kept now for the diary feature to come. `watchedOn` is null
 * for a film marked as watched without a date (Letterboxd's watched.csv).
 */
export const diaryEntries = pgTable(
  "diary_entries",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    watchedOn: date("watched_on", { mode: "string" }),
    rewatch: boolean("rewatch").notNull().default(false),
    /** The rating given with this viewing, in half stars of four (0–8). */
    halfStars: integer("half_stars"),
    tags: text("tags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Where the entry came from ("letterboxd"), or null when logged on Marquee. */
    source: text("source"),
    /** The review logged with this viewing, if any (the member's one review of the film). */
    reviewId: integer("review_id").references(() => reviews.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One entry per film per day (and one undated "watched" mark): a second import adds nothing.
    unique("diary_entries_one_per_day").on(t.userId, t.filmId, t.watchedOn).nullsNotDistinct(),
    index("diary_entries_user_idx").on(t.userId, t.watchedOn),
    index("diary_entries_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("diary_entries_film_idx").on(t.filmId, t.userId),
    check("diary_entries_half_stars_check", sql`${t.halfStars} is null or ${t.halfStars} between 0 and 8`),
  ],
);

/** Films a member means to watch, kept now for the watchlist feature to come. */
export const watchlistItems = pgTable(
  "watchlist_items",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
    source: text("source"),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.filmId] }),
    index("watchlist_items_film_idx").on(t.filmId),
    index("watchlist_items_user_added_idx").on(t.userId, t.addedAt, t.filmId),
  ],
);

export type LetterboxdImport = typeof letterboxdImports.$inferSelect;
export type DiaryEntry = typeof diaryEntries.$inferSelect;
export type WatchlistItem = typeof watchlistItems.$inferSelect;
