import "server-only";
import { RateLimiterDrizzle, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { sharedRedis } from "@/lib/cache/redis/connection.mjs";
import { env } from "@/lib/env";

const limiters = new WeakMap<Database, Map<string, RateLimiterAbstract>>();
/** The Redis limiters, per client as well: a client that was closed (a test, a shutdown) is never reused. */
const redisLimiters = new WeakMap<object, Map<string, RateLimiterAbstract>>();

function cacheOf<K extends object>(map: WeakMap<K, Map<string, RateLimiterAbstract>>, key: K) {
  let byName = map.get(key);
  if (!byName) map.set(key, (byName = new Map()));
  return byName;
}

/** Where the Redis limiters keep their counters, under MARQUEE_REDIS_PREFIX. */
function redisKeyPrefix(keyPrefix: string): string {
  return `${env().MARQUEE_REDIS_PREFIX}limits:${keyPrefix}`;
}

/**
 * The limiter counting `points` per `duration` seconds under `keyPrefix`,
 * made once per database handle and setting: every limit, per member or per
 * address, goes through here. With REDIS_URL the counters live in Redis (one
 * round trip per check, shared by every instance), and the PostgreSQL
 * counters (the rate_limits table) take over while Redis does not answer;
 * without it they are the PostgreSQL counters alone.
 */
export function limiterOf(db: Database, keyPrefix: string, points: number, duration: number): RateLimiterAbstract {
  const name = `${keyPrefix}/${points}/${duration}`;
  const inPostgresCache = cacheOf(limiters, db);
  let inPostgres = inPostgresCache.get(name);
  if (!inPostgres) {
    inPostgres = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration,
    });
    inPostgresCache.set(name, inPostgres);
  }
  const redis = env().REDIS_URL ? sharedRedis() : null;
  if (!redis) return inPostgres;
  const inRedisCache = cacheOf(redisLimiters, redis);
  const redisName = `${env().MARQUEE_REDIS_PREFIX}/${name}`;
  let inRedis = inRedisCache.get(redisName);
  if (!inRedis) {
    inRedis = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: redisKeyPrefix(keyPrefix),
      points,
      duration,
      // While Redis is away, count in PostgreSQL rather than wait or refuse everyone.
      rejectIfRedisNotReady: true,
      insuranceLimiter: inPostgres,
    });
    inRedisCache.set(redisName, inRedis);
  }
  return inRedis;
}

/**
 * Deletes a member's counters from Redis (account deletion; the PostgreSQL
 * ones go in its transaction). Nothing to do without REDIS_URL.
 */
export async function forgetRedisLimits(memberId: string): Promise<void> {
  const redis = env().REDIS_URL ? sharedRedis() : null;
  if (!redis) return;
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${redisKeyPrefix("*")}:${memberId}`, "COUNT", 1000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== "0");
}
