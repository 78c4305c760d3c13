// @ts-check
/** What next.config.js names as `cacheHandler` when REDIS_URL is set: Next makes one per request. */
import { redisSettings, sharedRedis } from "./connection.mjs";
import { buildIdOf, createRouteCacheHandler } from "./route-cache-handler.mjs";

/** @type {Map<string, ReturnType<typeof createRouteCacheHandler>>} */
const byBuild = new Map();

export default class RedisRouteCache {
  /** @param {import("next/dist/server/lib/incremental-cache").CacheHandlerContext} ctx */
  constructor(ctx) {
    /** @type {Pick<ReturnType<typeof createRouteCacheHandler>, "get" | "set" | "revalidateTag">} */
    this.handler = { get: async () => null, set: async () => {}, revalidateTag: async () => {} };
    // `next build` keeps nothing here: the server fills the shared cache at run time, and a build never needs Redis.
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const client = sharedRedis();
    if (!client) {
      throw new Error(
        "This build keeps Next's cache in Redis (REDIS_URL was set when it was built) but REDIS_URL is unset now. Set REDIS_URL, or build again without it.",
      );
    }
    const buildId = buildIdOf(ctx);
    let handler = byBuild.get(buildId);
    if (!handler)
      byBuild.set(buildId, (handler = createRouteCacheHandler({ client, prefix: redisSettings().prefix, buildId })));
    this.handler = handler;
  }

  /** @param {Parameters<ReturnType<typeof createRouteCacheHandler>["get"]>} args */
  get(...args) {
    return this.handler.get(...args);
  }

  /** @param {Parameters<ReturnType<typeof createRouteCacheHandler>["set"]>} args */
  set(...args) {
    return this.handler.set(...args);
  }

  /** @param {Parameters<ReturnType<typeof createRouteCacheHandler>["revalidateTag"]>} args */
  revalidateTag(...args) {
    return this.handler.revalidateTag(...args);
  }

  resetRequestCache() {}
}
