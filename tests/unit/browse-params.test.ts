import { describe, expect, it } from "vitest";
import { browseHref, parseBrowseParams, toPrefixTsquery, withKnownGenre } from "@/lib/films/browse-params";

describe("parseBrowseParams", () => {
  it("falls back to clean defaults for malformed input", () => {
    expect(parseBrowseParams({ page: "-3", sort: "drop table" })).toEqual({
      q: "",
      genre: null,
      decade: null,
      sort: "popular",
      page: 1,
    });
    expect(parseBrowseParams({ page: "abc", decade: "1995" }).page).toBe(1);
    expect(parseBrowseParams({ decade: "1995" }).decade).toBeNull();
    expect(parseBrowseParams({ decade: "99999" }).decade).toBeNull();
    expect(parseBrowseParams({ page: "2.5" }).page).toBe(1);
    expect(parseBrowseParams({ q: "x".repeat(500) }).q).toBe("");
  });

  it("reads every filter, taking the first of repeated parameters", () => {
    expect(
      parseBrowseParams({ q: "  her ", genre: ["Drama", "Horror"], decade: "2010", sort: "rating", page: "3" }),
    ).toEqual({ q: "her", genre: "Drama", decade: 2010, sort: "rating", page: 3 });
  });

  it("sorts by relevance only when there is a search", () => {
    expect(parseBrowseParams({ q: "her" }).sort).toBe("relevance");
    expect(parseBrowseParams({ sort: "relevance" }).sort).toBe("popular");
  });
});

describe("browseHref", () => {
  it("keeps every filter in the URL and leaves defaults out", () => {
    const params = parseBrowseParams({ q: "blade runner", genre: "Drama", decade: "1980" });
    expect(browseHref(params, { page: 2 })).toBe("/films?q=blade+runner&genre=Drama&decade=1980&page=2");
    expect(browseHref(parseBrowseParams({}))).toBe("/films");
    expect(browseHref(parseBrowseParams({ sort: "year" }), { page: 1 })).toBe("/films?sort=year");
  });
});

describe("toPrefixTsquery", () => {
  it("turns words into prefix terms and drops everything else", () => {
    expect(toPrefixTsquery("Blade Run")).toBe("blade:* & run:*");
    expect(toPrefixTsquery("o'brien & !(x) | y:*")).toBe("o:* & brien:* & x:* & y:*");
    expect(toPrefixTsquery("Amélie")).toBe("amélie:*");
    expect(toPrefixTsquery("  ;-- ")).toBeNull();
  });
});

describe("an unknown genre", () => {
  it("filters nothing and is handed back for the page to mention", () => {
    const genres = ["Drama", "Western"];
    expect(withKnownGenre(parseBrowseParams({ genre: "Nope" }), genres)).toMatchObject({
      params: { genre: null },
      unknownGenre: "Nope",
    });
    expect(withKnownGenre(parseBrowseParams({ genre: "Western" }), genres)).toMatchObject({
      params: { genre: "Western" },
      unknownGenre: null,
    });
    expect(withKnownGenre(parseBrowseParams({}), genres).unknownGenre).toBeNull();
  });
});
