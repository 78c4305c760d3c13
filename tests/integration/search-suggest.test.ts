import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed";
import { importCatalogue, loadVegaMovies } from "@/db/seed/catalogue";
import { GET } from "@/app/api/search/suggest/route";
import { IP_LIMITS_PER_MINUTE } from "@/lib/rate-limit/ip";
import { SUGGEST_FILMS, SUGGEST_MAX_QUERY, SUGGEST_PEOPLE, type Suggestions } from "@/lib/search/schema";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

beforeAll(async () => {
  await seedDemo(t.db);
  await importCatalogue(t.db, loadVegaMovies());
});

let address = 0;
/** Each call comes from its own address unless one is given, so the limit test alone spends an allowance. */
function ask(q: string, from = `198.51.100.${++address}`) {
  return GET(
    new Request(`http://localhost:3000/api/search/suggest?q=${encodeURIComponent(q)}`, {
      headers: { "x-forwarded-for": from },
    }),
  );
}

async function suggestions(q: string): Promise<Suggestions> {
  const response = await ask(q);
  expect(response.status).toBe(200);
  return (await response.json()) as Suggestions;
}

describe("GET /api/search/suggest", () => {
  it("suggests films by the start of their title's words, and the people whose names match", async () => {
    const response = await ask("tita");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    // The same answer for every reader: cacheable by a CDN and the browser.
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await response.json()) as Suggestions;
    expect(body.films.map((film) => film.title)).toContain("Titanic");
    expect(body.films.find((film) => film.title === "Titanic")).toEqual({
      slug: "titanic",
      title: "Titanic",
      year: 1997,
    });

    const spike = await suggestions("spike jon");
    expect(spike.people).toContainEqual(expect.objectContaining({ slug: "spike-jonze", name: "Spike Jonze" }));
  });

  it("puts an exact title first and answers a handful at most", async () => {
    const her = await suggestions("Her");
    expect(her.films[0]).toMatchObject({ title: "Her", year: 2013 });
    const the = await suggestions("the");
    expect(the.films).toHaveLength(SUGGEST_FILMS);
    expect(the.people.length).toBeLessThanOrEqual(SUGGEST_PEOPLE);
  });

  it("answers nothing, without an error, for one letter, punctuation or a word nobody has", async () => {
    for (const q of ["", "t", "';--", "zzqxjw"]) {
      expect(await suggestions(q)).toEqual({ films: [], people: [] });
    }
  });

  it("reads only the first characters of a very long query", async () => {
    const long = `${"titanic ".repeat(10)}${"x".repeat(5000)}`;
    const body = await suggestions(long);
    // Cut to SUGGEST_MAX_QUERY, the query is still "titanic titanic …" and finds the film.
    expect(long.slice(0, SUGGEST_MAX_QUERY)).not.toContain("x");
    expect(body.films.map((film) => film.title)).toContain("Titanic");
  });

  it("refuses an address past its allowance with 429 and a sentence, never cached", async () => {
    const from = "203.0.113.77";
    for (let i = 0; i < IP_LIMITS_PER_MINUTE.suggest; i++) expect((await ask("he", from)).status).toBe(200);
    const refused = await ask("he", from);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(await refused.text()).toMatch(
      /^Too many search suggestions from your address\. Try again in \d+ seconds?\./,
    );
    // Another address is not held back.
    expect((await ask("he")).status).toBe(200);
  });
});
