import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { tsvector } from "./types";

export const films = pgTable(
  "films",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    year: integer("year"),
    releaseDate: date("release_date", { mode: "string" }),
    logline: text("logline"),
    synopsis: text("synopsis"),
    runtimeMinutes: integer("runtime_minutes"),
    genres: text("genres")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    certificate: text("certificate"),
    /** Where an imported film came from, so a second import adds nothing. */
    importKey: text("import_key").unique(),
    /** Kept by a trigger on `ratings`: number of ratings and their sum in half stars. */
    ratingCount: integer("rating_count").notNull().default(0),
    halfStarsTotal: integer("half_stars_total").notNull().default(0),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('simple', coalesce(title, ''))`),
    createdAt: timestamp("created_at", { mode: "date", withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("films_search_idx").using("gin", t.search),
    index("films_genres_idx").using("gin", t.genres),
    index("films_year_idx").on(t.year, t.id),
    index("films_title_idx").on(t.title, t.id),
    index("films_created_idx").on(t.createdAt, t.id),
    index("films_rating_count_idx").on(t.ratingCount, t.id),
    index("films_popular_idx").on(
      t.ratingCount.desc(),
      sql`(${t.halfStarsTotal}::numeric / nullif(${t.ratingCount}, 0)) desc nulls last`,
      sql`${t.year} desc nulls last`,
      t.title,
      t.id,
    ),
    index("films_mean_rating_idx").on(sql`(${t.halfStarsTotal}::numeric / nullif(${t.ratingCount}, 0))`, t.id),
    check("films_year_check", sql`${t.year} is null or ${t.year} between 1870 and 2100`),
    check("films_runtime_check", sql`${t.runtimeMinutes} is null or ${t.runtimeMinutes} > 0`),
  ],
);

export const people = pgTable(
  "people",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('simple', coalesce(name, ''))`),
  },
  (t) => [index("people_search_idx").using("gin", t.search), index("people_name_idx").on(t.name)],
);

export const creditRoleEnum = pgEnum("credit_role", ["director", "writer", "cast"]);

export const filmCredits = pgTable(
  "film_credits",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    filmId: integer("film_id")
      .notNull()
      .references(() => films.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: creditRoleEnum("role").notNull(),
    billingOrder: integer("billing_order").notNull().default(0),
    character: text("character"),
  },
  (t) => [
    unique("film_credits_unique").on(t.filmId, t.personId, t.role),
    index("film_credits_film_idx").on(t.filmId, t.role, t.billingOrder),
    index("film_credits_person_idx").on(t.personId, t.role),
  ],
);

export type Film = typeof films.$inferSelect;
export type NewFilm = typeof films.$inferInsert;
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
export type FilmCredit = typeof filmCredits.$inferSelect;
export type NewFilmCredit = typeof filmCredits.$inferInsert;
export type CreditRole = (typeof creditRoleEnum.enumValues)[number];
