import type Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouteCacheHandler, decodeValue, encodeValue } from "@/lib/cache/redis/route-cache-handler.mjs";
import { createUseCacheHandler } from "@/lib/cache/redis/use-cache-handler.mjs";
import { deletePrefix, newClient, redisAnswers, testPrefix } from "../support/redis";

const available = await redisAnswers();

/** A "use cache" entry as Next hands it to `set`: its value still a stream. */
function entry(text: string, tags: string[], overrides: { timestamp?: number; expire?: number } = {}) {
  const bytes = new TextEncoder().encode(text);
  return Promise.resolve({
    value: new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    }),
    tags,
    stale: 30,
    timestamp: overrides.timestamp ?? Date.now(),
    expire: overrides.expire ?? 300,
    revalidate: 30,
  });
}

async function text(stream: ReadableStream<Uint8Array> | undefined): Promise<string> {
  return stream ? new Response(stream).text() : "";
}

describe.skipIf(!available)("Next's caches in Redis (two instances sharing only the server)", () => {
  const prefix = testPrefix();
  const clients: Redis[] = [];
  const quiet = () => {};
  let one: ReturnType<typeof createUseCacheHandler>;
  let other: ReturnType<typeof createUseCacheHandler>;

  beforeAll(() => {
    clients.push(newClient(), newClient());
    one = createUseCacheHandler({ client: clients[0]!, prefix, log: quiet });
    other = createUseCacheHandler({ client: clients[1]!, prefix, log: quiet });
  });

  afterAll(async () => {
    await deletePrefix(clients[0]!, prefix);
    await Promise.all(clients.map((client) => client.quit()));
  });

  it("gives back what was stored, on the other instance too, with a fresh stream each time", async () => {
    await one.set("review-12", entry("the review page's data", ["review:12"]));
    const first = await other.get("review-12", []);
    expect(await text(first?.value)).toBe("the review page's data");
    expect(first?.tags).toEqual(["review:12"]);
    const second = await other.get("review-12", []);
    expect(await text(second?.value)).toBe("the review page's data");
    expect(await one.get("review-13", [])).toBeUndefined();
  });

  it("expires an entry on every instance when one instance updates its tag", async () => {
    await one.set("film-7", entry("film seven", ["film:7"], { timestamp: Date.now() - 5 }));
    await one.set("film-8", entry("film eight", ["film:8"], { timestamp: Date.now() - 5 }));
    expect(await text((await other.get("film-7", []))?.value)).toBe("film seven");

    await one.updateTags(["film:7"]);

    expect(await other.get("film-7", [])).toBeUndefined();
    expect(await one.get("film-7", [])).toBeUndefined();
    expect(await text((await other.get("film-8", []))?.value)).toBe("film eight");
    // Soft tags (revalidatePath's) are asked through getExpiration: the other instance sees the time.
    expect(await other.getExpiration(["film:7"])).toBeGreaterThan(Date.now() - 5_000);
    expect(await other.getExpiration(["film:8"])).toBe(0);
  });

  it("serves an entry made after the tag changed", async () => {
    await one.updateTags(["member:ana"]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await one.set("member-ana", entry("ana's page, made again", ["member:ana"]));
    expect(await text((await other.get("member-ana", []))?.value)).toBe("ana's page, made again");
  });

  it("marks an entry stale, not gone, when a tag is revalidated with a profile", async () => {
    await one.set("catalogue", entry("browse", ["catalogue"], { timestamp: Date.now() - 5 }));
    await one.updateTags(["catalogue"], { expire: 300 });
    const stale = await other.get("catalogue", []);
    expect(await text(stale?.value)).toBe("browse");
    expect(stale?.revalidate).toBe(-1);
  });

  it("keeps nothing for an entry that expires at once, and drops one past its expiry", async () => {
    await one.set("dynamic", entry("per request", [], { expire: 0 }));
    expect(await other.get("dynamic", [])).toBeUndefined();
    await one.set("old", entry("old", [], { timestamp: Date.now() - 400_000, expire: 300 }));
    expect(await other.get("old", [])).toBeUndefined();
  });

  it("keeps a route cache page (HTML, RSC payload and segments) and expires it by the tags in its header", async () => {
    const pages = [0, 1].map((i) =>
      createRouteCacheHandler({ client: clients[i]!, prefix, buildId: "build-a", log: quiet }),
    );
    const page = {
      kind: "APP_PAGE",
      html: "<h1>Her</h1>",
      rscData: Buffer.from([0, 1, 2, 255]),
      headers: { "x-next-cache-tags": "film:1,_N_T_/films/her" },
      postponed: undefined,
      status: 200,
      segmentData: new Map([["/_tree", Buffer.from("tree")]]),
    };
    await pages[0]!.set("/films/her", page, { cacheControl: { revalidate: 30, expire: 300 } });
    await new Promise((resolve) => setTimeout(resolve, 5));

    const served = await pages[1]!.get("/films/her", {});
    expect(served?.value).toEqual(page);
    expect(served?.cacheControl).toEqual({ revalidate: 30, expire: 300 });

    await pages[0]!.revalidateTag(["film:1"]);
    expect(await pages[1]!.get("/films/her", {})).toBeNull();
  });

  it("keeps each build's pages apart", async () => {
    const a = createRouteCacheHandler({ client: clients[0]!, prefix, buildId: "build-a", log: quiet });
    const b = createRouteCacheHandler({ client: clients[1]!, prefix, buildId: "build-b", log: quiet });
    await a.set("/robots.txt", { kind: "APP_ROUTE", body: Buffer.from("User-agent: *"), status: 200, headers: {} });
    expect(await a.get("/robots.txt", {})).not.toBeNull();
    expect(await b.get("/robots.txt", {})).toBeNull();
  });
});

describe("the route cache's encoding", () => {
  it("round-trips Buffers and Maps and leaves plain objects alone", () => {
    const value = { a: Buffer.from("x"), m: new Map([["k", Buffer.from("v")]]), o: { $bytes: 1 }, s: "t" };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });
});
