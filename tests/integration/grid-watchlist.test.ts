import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/viewer/route";
import type { CurrentUser } from "@/lib/auth";
import { browseFilms } from "@/lib/films/queries";
import { PAGE_SIZE, parseBrowseParams } from "@/lib/films/browse-params";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { parseViewerFilms, VIEWER_FILMS_MAX, viewerUrl } from "@/lib/viewer/schema";
import { watchlistedAmong } from "@/lib/watchlist/queries";
import { setWatchlist } from "@/lib/watchlist/write";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";

const auth = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth", async () => ({
  getCurrentUser: async () => auth.user,
  hasRole: (await import("@/lib/auth/roles")).hasRole,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));

const t = useTestDatabase();

let member: CurrentUser;
let other: CurrentUser;
let films: { id: number; slug: string }[];

beforeAll(async () => {
  member = await addMember(t.db);
  other = await addMember(t.db);
  films = [];
  for (const title of ["Grid one", "Grid two", "Grid three", "Grid four"]) films.push(await addFilm(t.db, title));
  const [one, two, three] = films;
  await setWatchlist(member, { film: one!.slug, want: "1" });
  await setWatchlist(member, { film: three!.slug, want: "1" });
  await setWatchlist(other, { film: two!.slug, want: "1" });
});

const ids = () => films.map((film) => film.id);

function ask(query: string) {
  return GET(new NextRequest(`http://localhost/api/viewer?path=%2Ffilms${query}`));
}

describe("the films parameter of the viewer payload", () => {
  it("takes digits only, at most a page of distinct ids", () => {
    expect(VIEWER_FILMS_MAX).toBe(PAGE_SIZE);
    expect(parseViewerFilms(null)).toBeUndefined();
    expect(parseViewerFilms("")).toBeUndefined();
    expect(parseViewerFilms("1,2,3")).toEqual([1, 2, 3]);
    expect(parseViewerFilms("7,7,7")).toEqual([7]);
    const page = Array.from({ length: VIEWER_FILMS_MAX }, (_, i) => i + 1);
    expect(parseViewerFilms(page.join(","))).toEqual(page);
    for (const bad of [
      [...page, VIEWER_FILMS_MAX + 1].join(","),
      "1,,2",
      "1,2,",
      "-1",
      "0",
      "1.5",
      "1e3",
      "1; drop table films",
      "x",
      " 1",
      "99999999999",
      "2147483648",
    ]) {
      expect(parseViewerFilms(bad), bad).toBeNull();
    }
  });

  it("is what the client sends, cut to a page", () => {
    expect(viewerUrl("/films")).toBe("/api/viewer?path=%2Ffilms");
    expect(viewerUrl("/films", [3, 1])).toBe("/api/viewer?path=%2Ffilms&films=3,1");
    const many = Array.from({ length: VIEWER_FILMS_MAX + 5 }, (_, i) => i + 1);
    const sent = new URL(viewerUrl("/films", many), "http://localhost").searchParams.get("films");
    expect(parseViewerFilms(sent)).toHaveLength(VIEWER_FILMS_MAX);
  });

  it("the browse grid's cards carry the ids it sends", async () => {
    const page = await browseFilms(parseBrowseParams({ q: "grid" }));
    expect(page.items.map((film) => film.id).sort()).toEqual(ids().sort());
  });
});

describe("the watchlist ids in the viewer payload", () => {
  it("names only the member's own listed films among those asked about", async () => {
    expect((await buildViewerPayload(member, "/films", ids())).watchlisted).toEqual([films[0]!.id, films[2]!.id]);
    expect((await buildViewerPayload(other, "/films", ids())).watchlisted).toEqual([films[1]!.id]);
    // A film on the watchlist that the page does not show is not named.
    expect((await buildViewerPayload(member, "/films", [films[1]!.id, films[3]!.id])).watchlisted).toEqual([]);
    expect(await watchlistedAmong(member.id, [])).toEqual([]);
  });

  it("tells a visitor nothing, and without ids adds nothing", async () => {
    expect(await buildViewerPayload(null, "/films", ids())).toEqual({ member: null });
    expect((await buildViewerPayload(member, "/films")).watchlisted).toBeUndefined();
  });

  it("costs one query more than the payload without ids, however many films the page shows", async () => {
    t.queries.reset();
    await buildViewerPayload(member, "/films");
    const without = t.queries.count;
    t.queries.reset();
    await buildViewerPayload(member, "/films", [films[0]!.id]);
    expect(t.queries.count).toBe(without + 1);
    const page = Array.from({ length: VIEWER_FILMS_MAX }, (_, i) => ids()[i % 4]! + Math.floor(i / 4) * 1000);
    t.queries.reset();
    await buildViewerPayload(member, "/films", page);
    expect(t.queries.count).toBe(without + 1);
  });

  it("uses the watchlist's primary key", async () => {
    const plan = await t.db.execute(
      `explain select film_id from watchlist_items where user_id = '${member.id}' and film_id in (1, 2, 3)`,
    );
    expect(JSON.stringify(plan)).toMatch(/Index Only Scan using watchlist_items_user_id_film_id_pk/);
  });
});

describe("GET /api/viewer with films", () => {
  it("answers a member privately with their listed films, and a visitor with nothing", async () => {
    auth.user = member;
    const response = await ask(`&films=${ids().join(",")}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await response.json()) as { watchlisted?: number[] };
    expect(body.watchlisted).toEqual([films[0]!.id, films[2]!.id]);
    auth.user = null;
    const visitor = await ask(`&films=${ids().join(",")}`);
    expect(await visitor.json()).toEqual({ member: null });
  });

  it("refuses malformed or too many ids without reading anything", async () => {
    auth.user = member;
    const tooMany = Array.from({ length: VIEWER_FILMS_MAX + 1 }, (_, i) => i + 1).join(",");
    for (const bad of [tooMany, "1,abc", "1%3B2", "-4"]) {
      t.queries.reset();
      const response = await ask(`&films=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(t.queries.count).toBe(0);
    }
    auth.user = null;
  });
});
