// @ts-check
/**
 * Next's `cacheHandler` (the route cache: prerendered pages, their RSC
 * payloads and segments, route handlers' bodies) kept in Redis, so a page one
 * instance rendered is served by all of them and a write through any instance
 * expires it everywhere. Tags are the same Redis hashes the "use cache"
 * handler keeps (connection.mjs).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isReady, markTags, tagTimes, tagVerdict } from "./connection.mjs";

/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} CacheHandlerContext */
/** @typedef {import("next/dist/server/lib/incremental-cache").CacheHandlerValue} CacheHandlerValue */
/** @typedef {{ lastModified: number, value: unknown, cacheControl?: { revalidate?: number | false, expire?: number }, tags: string[] }} StoredRoute */

/** The header Next stores a page's own tags in (NEXT_CACHE_TAGS_HEADER). */
const TAGS_HEADER = "x-next-cache-tags";
/** Entries whose lifetime Next leaves open are kept this long at most, so an unused page leaves Redis by itself. */
const LONGEST_KEEP_SECONDS = 7 * 24 * 3600;

/**
 * JSON that keeps Buffers (as base64) and Maps (the per-segment payloads).
 * @param {unknown} value
 */
export function encodeValue(value) {
  return JSON.stringify(value, function (key, plain) {
    const raw = /** @type {Record<string, unknown>} */ (this)[key];
    if (raw instanceof Uint8Array)
      return { $bytes: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("base64") };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    return plain;
  });
}

/** @param {string} text */
export function decodeValue(text) {
  return JSON.parse(text, (_key, plain) => {
    if (plain && typeof plain === "object" && !Array.isArray(plain)) {
      if (typeof plain.$bytes === "string" && Object.keys(plain).length === 1)
        return Buffer.from(plain.$bytes, "base64");
      if (Array.isArray(plain.$map) && Object.keys(plain).length === 1) return new Map(plain.$map);
    }
    return plain;
  });
}

/** @param {unknown} value */
function tagsOf(value) {
  const headers =
    value && typeof value === "object" && "headers" in value
      ? /** @type {{ headers?: Record<string, unknown> }} */ (value).headers
      : undefined;
  const header = headers?.[TAGS_HEADER];
  return typeof header === "string" ? header.split(",").filter(Boolean) : [];
}

/**
 * @param {{ client: import("ioredis").Redis, prefix: string, buildId: string, log?: (message: string) => void }} options
 */
export function createRouteCacheHandler({ client, prefix, buildId, log = (message) => console.error(message) }) {
  // Keys carry the build: a new deployment never serves HTML that names the old build's scripts.
  const entryKey = (/** @type {string} */ key) => `${prefix}route:${buildId}:${key}`;
  return {
    /**
     * @param {string} key
     * @param {{ tags?: string[], softTags?: string[] }} [ctx]
     * @returns {Promise<CacheHandlerValue | null>}
     */
    async get(key, ctx) {
      if (!(await isReady(client))) return null;
      try {
        const stored = await client.get(entryKey(key));
        if (!stored) return null;
        /** @type {StoredRoute} */
        const entry = decodeValue(stored);
        const tags = [...new Set([...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])];
        // Stale or expired alike: render again rather than serve a page a write has changed.
        if (tagVerdict(await tagTimes(client, prefix, tags), entry.lastModified) !== "fresh") return null;
        return {
          lastModified: entry.lastModified,
          value: /** @type {CacheHandlerValue["value"]} */ (entry.value),
          ...(entry.cacheControl
            ? { cacheControl: /** @type {CacheHandlerValue["cacheControl"]} */ (entry.cacheControl) }
            : {}),
        };
      } catch (error) {
        log(`Shared route cache read failed, rendering instead: ${String(error)}`);
        return null;
      }
    },

    /**
     * @param {string} key
     * @param {unknown} data
     * @param {{ tags?: string[], cacheControl?: { revalidate?: number | false, expire?: number } }} [ctx]
     */
    async set(key, data, ctx) {
      if (!(await isReady(client))) return;
      try {
        if (data === null) {
          await client.unlink(entryKey(key));
          return;
        }
        const cacheControl = ctx?.cacheControl;
        /** @type {StoredRoute} */
        const entry = {
          lastModified: Date.now(),
          value: data,
          tags: [...tagsOf(data), ...(ctx?.tags ?? [])],
          cacheControl,
        };
        const expire =
          typeof cacheControl?.expire === "number" && Number.isFinite(cacheControl.expire)
            ? cacheControl.expire
            : LONGEST_KEEP_SECONDS;
        await client.set(
          entryKey(key),
          encodeValue(entry),
          "EX",
          Math.max(1, Math.min(Math.ceil(expire), LONGEST_KEEP_SECONDS)),
        );
      } catch (error) {
        log(`Shared route cache write failed (the page is not kept): ${String(error)}`);
      }
    },

    /**
     * @param {string | string[]} tags
     * @param {{ expire?: number }} [durations]
     */
    async revalidateTag(tags, durations) {
      try {
        await markTags(client, prefix, typeof tags === "string" ? [tags] : tags, durations);
      } catch (error) {
        log(`Shared route cache could not record changed tags: ${String(error)}`);
      }
    },

    resetRequestCache() {},
  };
}

/**
 * The build's id, read beside the server's output (.next/BUILD_ID), which
 * every instance started from the same build shares.
 * @param {CacheHandlerContext} ctx
 */
export function buildIdOf(ctx) {
  if (!ctx.serverDistDir) return "dev";
  try {
    return readFileSync(path.join(ctx.serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "unknown";
  }
}
