import "server-only";
import { RateLimiterDrizzle } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";

const limiters = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();

/**
 * The limiter counting `points` per `duration` seconds under `keyPrefix` in
 * PostgreSQL (the rate_limits table), made once per database handle and
 * setting: every limit, per member or per address, goes through here.
 */
export function limiterOf(db: Database, keyPrefix: string, points: number, duration: number): RateLimiterDrizzle {
  let byName = limiters.get(db);
  if (!byName) limiters.set(db, (byName = new Map()));
  const name = `${keyPrefix}/${points}/${duration}`;
  let limiter = byName.get(name);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration,
    });
    byName.set(name, limiter);
  }
  return limiter;
}
