// @ts-check
/**
 * The one Redis connection of a process, shared by Next's cache handlers
 * (loaded by Node itself, outside the app's bundle, which is why this is
 * JavaScript and reads its two settings here rather than through lib/env.ts)
 * and by the posting limits. The tag bookkeeping both caches use lives here
 * too, so a tag expired through one cache is expired for the other and for
 * every instance that shares the Redis server.
 */
import Redis from "ioredis";

const SHARED = Symbol.for("marquee.redis");
/** How long a cache read waits for the first connection before it is served uncached. */
const FIRST_CONNECT_MS = 1000;

/**
 * REDIS_URL (unset: no Redis anywhere) and MARQUEE_REDIS_PREFIX (default
 * "marquee:"), which starts every key Marquee writes so several sites or test
 * runs can share one server.
 * @param {Record<string, string | undefined>} [source]
 * @returns {{ url: string | undefined, prefix: string }}
 */
export function redisSettings(source = process.env) {
  const url = source.REDIS_URL?.trim() || undefined;
  const prefix = source.MARQUEE_REDIS_PREFIX?.trim() || "marquee:";
  return { url, prefix };
}

/**
 * A client that fails fast instead of queueing while Redis is away (a cache
 * miss, or the PostgreSQL limiter, beats a request that waits), and keeps
 * reconnecting in the background.
 * @param {string} url
 * @returns {Redis}
 */
export function createRedis(url) {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let reported = false;
  client.on("error", (error) => {
    // One line per outage, not one per reconnection attempt.
    if (reported) return;
    reported = true;
    console.error(
      `Redis at ${redactUrl(url)} is unavailable (${error.message}); serving without the shared cache until it answers.`,
    );
  });
  client.on("ready", () => {
    reported = false;
  });
  return client;
}

/** @param {string} url */
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "REDIS_URL";
  }
}

/**
 * The process's client for REDIS_URL, made on first use, or null without
 * REDIS_URL. Kept on globalThis: the cache handlers and the app's bundle load
 * this file as two separate modules, and they should share one connection.
 * @returns {Redis | null}
 */
export function sharedRedis() {
  const { url } = redisSettings();
  if (!url) return null;
  const holder = /** @type {Record<symbol, Redis | undefined>} */ (/** @type {unknown} */ (globalThis));
  holder[SHARED] ??= createRedis(url);
  return holder[SHARED];
}

/**
 * Closes the shared client (on shutdown), letting commands in flight finish.
 * @returns {Promise<void>}
 */
export async function closeSharedRedis() {
  const holder = /** @type {Record<symbol, Redis | undefined>} */ (/** @type {unknown} */ (globalThis));
  const client = holder[SHARED];
  holder[SHARED] = undefined;
  if (!client) return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/**
 * Whether `client` is connected, waiting for the first connection at most
 * FIRST_CONNECT_MS: requests that arrive while the server starts wait once;
 * while Redis is down, none waits.
 * @param {Redis} client
 * @returns {Promise<boolean>}
 */
export async function isReady(client) {
  if (client.status === "ready") return true;
  if (client.status !== "connecting" && client.status !== "connect" && client.status !== "wait") return false;
  /** @type {{ at?: Promise<void> }} */
  const first = /** @type {any} */ (client);
  first.at ??= new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_CONNECT_MS);
    timer.unref();
    client.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await first.at;
  return client.status === "ready";
}

/**
 * Records that `tags` changed now, in the shape of Next's own tag manifest:
 * without `durations` they expire at once (updateTag, and revalidateTag
 * without a profile); with them (revalidateTag with a cacheLife profile)
 * entries are stale at once, served one more time while they are made again,
 * and expire after `durations.expire` seconds.
 * @param {Redis} client
 * @param {string} prefix
 * @param {string[]} tags
 * @param {{ expire?: number }} [durations]
 */
export async function markTags(client, prefix, tags, durations) {
  if (tags.length === 0) return;
  const now = Date.now();
  const multi = client.multi();
  for (const tag of tags) {
    if (durations) {
      multi.hset(`${prefix}tags:stale`, tag, String(now));
      if (durations.expire !== undefined)
        multi.hset(`${prefix}tags:expired`, tag, String(now + durations.expire * 1000));
    } else {
      multi.hset(`${prefix}tags:expired`, tag, String(now));
    }
  }
  await multi.exec();
}

/**
 * When each of `tags` last expired and went stale (0 when never), in one
 * round trip.
 * @param {Redis} client
 * @param {string} prefix
 * @param {string[]} tags
 * @returns {Promise<{ expired: number[], stale: number[] }>}
 */
export async function tagTimes(client, prefix, tags) {
  if (tags.length === 0) return { expired: [], stale: [] };
  const results = await client
    .multi()
    .hmget(`${prefix}tags:expired`, ...tags)
    .hmget(`${prefix}tags:stale`, ...tags)
    .exec();
  /** @param {unknown} reply */
  const times = (reply) => (Array.isArray(reply) ? reply.map((v) => (v === null ? 0 : Number(v))) : tags.map(() => 0));
  const [expired, stale] = results ?? [];
  if (expired?.[0] || stale?.[0]) throw expired?.[0] ?? stale?.[0];
  return { expired: times(expired?.[1]), stale: times(stale?.[1]) };
}

/**
 * Whether an entry made at `timestamp` is out of date by its tags: "expired"
 * (a tag expired after it was made, and that time has come), "stale" (a tag
 * went stale after it was made) or "fresh". Next's in-memory manifest decides
 * the same way.
 * @param {{ expired: number[], stale: number[] }} times
 * @param {number} timestamp
 * @returns {"expired" | "stale" | "fresh"}
 */
export function tagVerdict(times, timestamp) {
  const now = Date.now();
  if (times.expired.some((at) => at > timestamp && at <= now)) return "expired";
  if (times.stale.some((at) => at > timestamp)) return "stale";
  return "fresh";
}
