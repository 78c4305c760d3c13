import { readFileSync } from "node:fs";
import path from "node:path";
import { and, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { filmCredits, films, people } from "@/db/schema";
import { importCatalogue, loadVegaMovies, type VegaMovie } from "@/db/seed/catalogue";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

const movie = (overrides: Partial<VegaMovie>): VegaMovie => ({
  Title: "Untitled",
  "Release Date": "Jan 01 2000",
  "Major Genre": null,
  Director: null,
  "Running Time min": null,
  "MPAA Rating": null,
  ...overrides,
});

describe("catalogue import", () => {
  it("loads every titled film of movies.json once, and a second run adds nothing", async () => {
    const movies = loadVegaMovies();
    expect(movies).toHaveLength(3201);
    const first = await importCatalogue(t.db, movies);
    expect(first.films).toBe(3200);
    expect(first.withoutTitle).toBe(1);
    const [afterFirst] = await t.db.select({ n: count() }).from(films);
    expect(afterFirst!.n).toBe(3200);

    const second = await importCatalogue(t.db, movies);
    expect(second).toMatchObject({ films: 0, people: 0, credits: 0, alreadyPresent: 3200 });
    const [afterSecond] = await t.db.select({ n: count() }).from(films);
    expect(afterSecond!.n).toBe(3200);

    const [titanic] = await t.db
      .select({
        slug: films.slug,
        year: films.year,
        runtime: films.runtimeMinutes,
        certificate: films.certificate,
        genres: films.genres,
      })
      .from(films)
      .where(eq(films.title, "Titanic"));
    expect(titanic).toEqual({
      slug: "titanic",
      year: 1997,
      runtime: 194,
      certificate: "PG-13",
      genres: ["Thriller/Suspense"],
    });
    const cameron = await t.db
      .select({ title: films.title })
      .from(filmCredits)
      .innerJoin(people, eq(people.id, filmCredits.personId))
      .innerJoin(films, eq(films.id, filmCredits.filmId))
      .where(and(eq(people.name, "James Cameron"), eq(filmCredits.role, "director")));
    expect(cameron.map((r) => r.title)).toContain("Titanic");
  });

  it("gives titles that repeat a slug with the year", async () => {
    const rows = await t.db
      .select({ slug: films.slug, year: films.year })
      .from(films)
      .where(eq(films.title, "Alice in Wonderland"));
    expect(rows.map((r) => r.slug).sort()).toEqual(rows.map((r) => `alice-in-wonderland-${r.year}`).sort());
    expect(rows).toHaveLength(2);
  });

  it("credits both directors of a film that names two, and reuses a known person", async () => {
    const summary = await importCatalogue(t.db, [
      movie({ Title: "Fargo Test Print", "Release Date": "Mar 08 1996", Director: "Joel Coen & Ethan Coen" }),
      movie({ Title: "Another Cameron Film", "Release Date": "Jul 03 1991", Director: "James Cameron" }),
    ]);
    expect(summary.films).toBe(2);
    // Joel Coen directs films of the data set already; only Ethan Coen is new.
    expect(summary.people).toBe(1);
    const directors = await t.db
      .select({ name: people.name, order: filmCredits.billingOrder })
      .from(filmCredits)
      .innerJoin(people, eq(people.id, filmCredits.personId))
      .innerJoin(films, eq(films.id, filmCredits.filmId))
      .where(eq(films.title, "Fargo Test Print"))
      .orderBy(filmCredits.billingOrder);
    expect(directors).toEqual([
      { name: "Joel Coen", order: 0 },
      { name: "Ethan Coen", order: 1 },
    ]);
    for (const name of ["James Cameron", "Joel Coen", "Ethan Coen"]) {
      const [row] = await t.db.select({ n: count() }).from(people).where(eq(people.name, name));
      expect(row!.n, name).toBe(1);
    }
  });
});

describe("the catalogue's centuries", () => {
  it("puts the data set's films of the 1910s-1940s back in their century", async () => {
    await importCatalogue(t.db, loadVegaMovies());
    const [gone] = await t.db
      .select({ year: films.year, releaseDate: films.releaseDate })
      .from(films)
      .where(eq(films.title, "Gone with the Wind"));
    expect(gone).toEqual({ year: 1939, releaseDate: "1939-12-15" });
    const newest = await t.db
      .select({ year: films.year })
      .from(films)
      .where(isNotNull(films.year))
      .orderBy(desc(films.year))
      .limit(3);
    expect(newest.map((f) => f.year)).toEqual([2011, 2011, 2010]);
  });

  it("corrects the centuries in a database imported before the importer did", async () => {
    const [wrong, own] = await t.db
      .insert(films)
      .values([
        {
          slug: "wizard-of-oz-old",
          title: "The Wizard of Oz",
          year: 2039,
          releaseDate: "2039-08-25",
          importKey: "vega-movies:The Wizard of Oz (an older import)|Aug 25 2039",
        },
        { slug: "a-film-of-2039", title: "A Film of 2039", year: 2039 },
      ])
      .returning({ id: films.id });
    const fix = readFileSync(path.join(process.cwd(), "db", "migrations", "0005_catalogue_century_fix.sql"), "utf8");
    await t.db.execute(sql.raw(fix));
    const rows = await t.db
      .select({ id: films.id, year: films.year, releaseDate: films.releaseDate })
      .from(films)
      .where(inArray(films.id, [wrong!.id, own!.id]))
      .orderBy(films.id);
    expect(rows).toEqual([
      { id: wrong!.id, year: 1939, releaseDate: "1939-08-25" },
      { id: own!.id, year: 2039, releaseDate: null },
    ]);
  });
});
