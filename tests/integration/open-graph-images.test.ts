import { beforeAll, describe, expect, it, vi } from "vitest";
import { films, ratings, reviews } from "@/db/schema";
import { createMember } from "../support/actors";
import { useTestDatabase } from "../support/database";

const { default: filmImage, size: filmSize, contentType } = await import("@/app/films/[slug]/opengraph-image");
const { default: reviewImage, size: reviewSize } = await import("@/app/reviews/[id]/opengraph-image");

const t = useTestDatabase();

let reviewId = 0;
let draftId = 0;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(new TextDecoder().decode(bytes.slice(12, 16))).toBe("IHDR");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Fetches that would leave the machine (the renderer loads its WebAssembly from data: URLs, which is fine). */
const networkCalls = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.map((call) => String(call[0])).filter((url) => !url.startsWith("data:"));

beforeAll(async () => {
  const author = await createMember(t.db);
  const [film] = await t.db.insert(films).values({ slug: "her", title: "Her", year: 2013 }).returning({ id: films.id });
  await t.db.insert(ratings).values({ userId: author.id, filmId: film!.id, halfStars: 7 });
  const [review] = await t.db
    .insert(reviews)
    .values({
      filmId: film!.id,
      authorId: author.id,
      body: "b",
      verdict: "Tender, strange and wise 🎬 — a love story for now",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  reviewId = review!.id;
  const other = await createMember(t.db);
  const [draft] = await t.db
    .insert(reviews)
    .values({ filmId: film!.id, authorId: other.id, body: "b", verdict: "v" })
    .returning({ id: reviews.id });
  draftId = draft!.id;
});

describe("Open Graph images", () => {
  it("draws a film's card as a 1200×630 PNG without fetching anything", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const response = await filmImage({ params: Promise.resolve({ slug: "her" }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect(filmSize).toEqual({ width: 1200, height: 630 });
    expect(contentType).toBe("image/png");
    expect(networkCalls(fetchSpy)).toEqual([]);
    fetchSpy.mockRestore();
  });

  it("draws a published review's card as a 1200×630 PNG, an emoji in the verdict fetching nothing", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const response = await reviewImage({ params: Promise.resolve({ id: String(reviewId) }) });
    expect(response.status).toBe(200);
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual(reviewSize);
    expect(networkCalls(fetchSpy)).toEqual([]);
    fetchSpy.mockRestore();
  });

  it("has no card for a missing film or an unpublished review", async () => {
    expect((await filmImage({ params: Promise.resolve({ slug: "no-such-film" }) })).status).toBe(404);
    expect((await reviewImage({ params: Promise.resolve({ id: String(draftId) }) })).status).toBe(404);
    expect((await reviewImage({ params: Promise.resolve({ id: "abc" }) })).status).toBe(404);
  });
});
