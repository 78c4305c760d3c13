import { beforeAll, describe, expect, it } from "vitest";
import { ratings, films, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { importCatalogue, loadVegaMovies } from "@/db/seed/catalogue";
import { PAGE_SIZE, parseBrowseParams } from "@/lib/films/browse-params";
import { browseFilms, getFilmBySlug, getPersonBySlug, listGenres, searchPeople } from "@/lib/films/queries";
import { eq, inArray } from "drizzle-orm";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

beforeAll(async () => {
  await seedDemo(t.db);
  await importCatalogue(t.db, loadVegaMovies());
});

const browse = (query: Record<string, string>) => browseFilms(parseBrowseParams(query));

describe("search", () => {
  it("finds Titanic (1997) first when searching for it", async () => {
    const result = await browse({ q: "titanic" });
    expect(result.items[0]).toMatchObject({ title: "Titanic", year: 1997, slug: "titanic" });
    expect(result.items.map((f) => f.title)).toContain("Raise the Titanic");
  });

  it("matches the start of words, in any order", async () => {
    const result = await browse({ q: "runn blad" });
    expect(result.items.map((f) => f.title)).toContain("Blade Runner");
  });

  it("finds films by a person's name", async () => {
    const jonze = await browse({ q: "spike jonze" });
    expect(jonze.items.map((f) => f.title)).toContain("Her");
    const cameron = await browse({ q: "james cameron" });
    expect(cameron.items.map((f) => f.title)).toEqual(expect.arrayContaining(["Titanic", "Avatar"]));
  });

  it("finds people by name too, the most credited first, with their number of films", async () => {
    const spike = await searchPeople("spike");
    expect(spike.map((p) => p.name)).toContain("Spike Jonze");
    expect(spike.find((p) => p.name === "Spike Jonze")!.films).toBeGreaterThanOrEqual(1);
    const counts = spike.map((p) => p.films);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(await searchPeople("';--")).toEqual([]);
  });

  it("answers no films for a search of punctuation only, or a word nobody has", async () => {
    expect((await browse({ q: "';--" })).total).toBe(0);
    expect((await browse({ q: "zzqxjw" })).items).toEqual([]);
  });
});

describe("filters and sorts", () => {
  it("opens on the most rated films, then the best rated, then the newest, not on titles starting with digits", async () => {
    const result = await browse({});
    const [first, ...rest] = result.items;
    expect(first).toMatchObject({ title: "Her" });
    expect(first!.ratingCount).toBeGreaterThan(0);
    const unrated = rest.filter((f) => f.ratingCount === 0);
    const years = unrated.map((f) => f.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(result.items.map((f) => f.title)).not.toContain("10,000 B.C.");
    expect(first!.director).toBe("Spike Jonze");
  });

  it("filters by genre and decade together", async () => {
    const result = await browse({ genre: "Horror", decade: "1990", sort: "year" });
    expect(result.total).toBeGreaterThan(0);
    for (const film of result.items) {
      expect(film.genres).toContain("Horror");
      expect(film.year).toBeGreaterThanOrEqual(1990);
      expect(film.year).toBeLessThanOrEqual(1999);
    }
    const years = result.items.map((f) => f.year!);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("lists the catalogue's genres once each", async () => {
    const genres = await listGenres();
    expect(genres).toEqual(expect.arrayContaining(["Drama", "Horror", "Science Fiction"]));
    expect(new Set(genres).size).toBe(genres.length);
  });

  it("sorts by mean rating and by number of ratings", async () => {
    const [maya] = await t.db.select({ id: users.id }).from(users).where(eq(users.handle, "maya"));
    const picks = await t.db
      .select({ id: films.id, slug: films.slug })
      .from(films)
      .where(inArray(films.slug, ["titanic", "avatar"]));
    const id = (slug: string) => picks.find((p) => p.slug === slug)!.id;
    await t.db.insert(ratings).values([
      { userId: maya!.id, filmId: id("titanic"), halfStars: 3 },
      { userId: maya!.id, filmId: id("avatar"), halfStars: 6 },
    ]);
    const byRating = await browse({ sort: "rating" });
    // Her: 8 and 7 (mean 3.8); Avatar 3/4; Titanic 1½/4.
    expect(byRating.items.slice(0, 3).map((f) => f.slug)).toEqual(["her", "avatar", "titanic"]);
    const byCount = await browse({ sort: "ratings" });
    expect(byCount.items[0]!.slug).toBe("her");
  });
});

describe("pagination", () => {
  it("pages through every result exactly once", async () => {
    const first = await browse({ genre: "Western" });
    expect(first.total).toBeGreaterThan(PAGE_SIZE);
    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++) {
      const result = await browse({ genre: "Western", page: String(page) });
      expect(result.items.length).toBe(
        page < first.pageCount ? PAGE_SIZE : first.total - PAGE_SIZE * (first.pageCount - 1),
      );
      for (const film of result.items) seen.add(film.slug);
    }
    expect(seen.size).toBe(first.total);
  });

  it("reports the total on a page past the end, with no films", async () => {
    const past = await browse({ genre: "Western", page: "999" });
    expect(past.items).toEqual([]);
    expect(past).toMatchObject({ page: 999, pastEnd: true });
    // A page number too large to be real is past the end too, never page 1 in disguise.
    expect(await browse({ genre: "Western", page: "99999999999999999999" })).toMatchObject({
      items: [],
      pastEnd: true,
    });
    const first = await browse({ genre: "Western" });
    expect(past.total).toBe(first.total);
    expect(past.pageCount).toBe(first.pageCount);
  });
});

describe("film and person pages' data", () => {
  it("gives Her's credits: Spike Jonze directing and writing, the cast in billing order", async () => {
    const her = await getFilmBySlug("her");
    expect(her).toMatchObject({ title: "Her", year: 2013, runtimeMinutes: 126, certificate: "R" });
    expect(her!.directors.map((p) => p.name)).toEqual(["Spike Jonze"]);
    expect(her!.writers.map((p) => p.name)).toEqual(["Spike Jonze"]);
    expect(her!.cast.map((p) => p.name)).toEqual([
      "Joaquin Phoenix",
      "Amy Adams",
      "Scarlett Johansson",
      "Chris Pratt",
      "Rooney Mara",
      "Kristen Wiig",
      "Olivia Wilde",
    ]);
    expect(await getFilmBySlug("no-such-film")).toBeNull();
  });

  it("groups a person's films by role", async () => {
    const jonze = await getPersonBySlug("spike-jonze");
    expect(jonze!.roles.map((r) => r.role)).toEqual(["director", "writer"]);
    expect(jonze!.roles[0]!.films.map((f) => f.title)).toContain("Her");
    // A card's director is the film's, not the person whose filmography lists it.
    const writing = jonze!.roles.find((r) => r.role === "writer")!;
    expect(writing.films.find((f) => f.title === "Her")?.director).toBe("Spike Jonze");
  });
});
