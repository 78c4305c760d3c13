// @ts-check
/** What next.config.js names as `cacheHandlers.default` and `.remote` when REDIS_URL is set. */
import { redisSettings, sharedRedis } from "./connection.mjs";
import { createUseCacheHandler } from "./use-cache-handler.mjs";

/** @returns {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */
function handler() {
  // `next build` keeps nothing: the server fills the shared cache at run time, and a build never needs Redis.
  if (process.env.NEXT_PHASE === "phase-production-build") return nothingKept;
  const client = sharedRedis();
  if (!client) {
    throw new Error(
      "This build keeps Next's cache in Redis (REDIS_URL was set when it was built) but REDIS_URL is unset now. Set REDIS_URL, or build again without it.",
    );
  }
  return createUseCacheHandler({ client, prefix: redisSettings().prefix });
}

/** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */
const nothingKept = {
  get: async () => undefined,
  set: async (_key, pendingEntry) => {
    await (await pendingEntry).value.cancel();
  },
  refreshTags: async () => {},
  getExpiration: async () => 0,
  updateTags: async () => {},
};

export default handler();
