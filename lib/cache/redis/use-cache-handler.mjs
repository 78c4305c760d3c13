// @ts-check
/**
 * Next's `cacheHandlers` (the "use cache" entries, default and remote) kept in
 * Redis, so every instance reads the same entries and one instance's
 * updateTag expires them for all. Written for the interface of Next 16.4
 * (node_modules/next/dist/server/lib/cache-handlers/types.d.ts), after the
 * remote handler of Next's cache-handler-redis example; no published library
 * implements this interface yet (README, "Several instances").
 */
import { isReady, markTags, tagTimes, tagVerdict } from "./connection.mjs";

/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheHandler} CacheHandler */
/** @typedef {import("next/dist/server/lib/cache-handlers/types").CacheEntry} CacheEntry */
/**
 * @typedef {{ value: string, tags: string[], stale: number, timestamp: number, expire: number, revalidate: number }} StoredEntry
 */

/**
 * @param {{ client: import("ioredis").Redis, prefix: string, log?: (message: string) => void }} options
 * @returns {CacheHandler}
 */
export function createUseCacheHandler({ client, prefix, log = (message) => console.error(message) }) {
  const entryKey = (/** @type {string} */ cacheKey) => `${prefix}use-cache:${cacheKey}`;
  /** Sets under way in this process: a get of the same key waits for them (the interface asks for it). */
  const pending = new Map();

  return {
    async get(cacheKey) {
      const inFlight = pending.get(cacheKey);
      if (inFlight) await inFlight;
      if (!(await isReady(client))) return undefined;
      try {
        const stored = await client.get(entryKey(cacheKey));
        if (!stored) return undefined;
        /** @type {StoredEntry} */
        const entry = JSON.parse(stored);
        if (Date.now() > entry.timestamp + entry.expire * 1000) return undefined;
        const verdict = tagVerdict(await tagTimes(client, prefix, entry.tags), entry.timestamp);
        if (verdict === "expired") return undefined;
        const bytes = Buffer.from(entry.value, "base64");
        return {
          value: new ReadableStream({
            start(controller) {
              controller.enqueue(new Uint8Array(bytes));
              controller.close();
            },
          }),
          tags: entry.tags,
          stale: entry.stale,
          timestamp: entry.timestamp,
          expire: entry.expire,
          // A stale tag serves the entry this once while Next makes it again.
          revalidate: verdict === "stale" ? -1 : entry.revalidate,
        };
      } catch (error) {
        log(`Shared cache read failed, rendering instead: ${String(error)}`);
        return undefined;
      }
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {};
      pending.set(
        cacheKey,
        new Promise((resolve) => {
          done = () => resolve(undefined);
        }),
      );
      try {
        const entry = await pendingEntry;
        const chunks = [];
        const reader = entry.value.getReader();
        for (;;) {
          const { done: finished, value } = await reader.read();
          if (finished) break;
          chunks.push(value);
        }
        // An entry that expires at once is dynamic: Next never reads it back.
        if (entry.expire === 0 || !(await isReady(client))) return;
        /** @type {StoredEntry} */
        const stored = {
          value: Buffer.concat(chunks).toString("base64"),
          tags: entry.tags,
          stale: entry.stale,
          timestamp: entry.timestamp,
          expire: entry.expire,
          revalidate: entry.revalidate,
        };
        const json = JSON.stringify(stored);
        if (Number.isFinite(entry.expire)) {
          await client.set(entryKey(cacheKey), json, "EX", Math.max(1, Math.ceil(entry.expire)));
        } else {
          await client.set(entryKey(cacheKey), json);
        }
      } catch (error) {
        log(`Shared cache write failed (the entry is not kept): ${String(error)}`);
      } finally {
        pending.delete(cacheKey);
        done();
      }
    },

    // Every read asks Redis, so there is no local copy of the tags to bring up to date.
    async refreshTags() {},

    async getExpiration(tags) {
      if (tags.length === 0) return 0;
      // Unable to tell: call the tags changed now, so Next makes the entry again rather than serve one a write expired.
      if (!(await isReady(client))) return Date.now();
      try {
        const { expired } = await tagTimes(client, prefix, tags);
        return Math.max(0, ...expired);
      } catch (error) {
        log(`Shared cache tag lookup failed: ${String(error)}`);
        return Date.now();
      }
    },

    async updateTags(tags, durations) {
      try {
        await markTags(client, prefix, tags, durations);
      } catch (error) {
        // The write it follows is already saved; failing its answer would only invite a second copy.
        // Other instances keep their entries until those expire (cacheLife "shared": five minutes at most).
        log(`Shared cache could not record changed tags ${tags.join(", ")}: ${String(error)}`);
      }
    },
  };
}
