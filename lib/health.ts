import "server-only";
import { databaseUnreachable, pingDatabase } from "@/db/client";
import { sharedRedis } from "@/lib/cache/redis/connection.mjs";
import { env } from "@/lib/env";
import { isDraining } from "@/lib/shutdown";

/** What the readiness check found, one entry per dependency. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, "ok" | "draining" | "unreachable">;
}

/**
 * Redis's PING on the connection the caches and limits share
 * (lib/cache/redis/connection.mjs), within `timeoutMs`. That client fails fast
 * while Redis is away (no offline queue), so a refused connection is an
 * answer at once, not a wait.
 */
async function pingRedis(timeoutMs: number): Promise<void> {
  const client = sharedRedis();
  if (!client) throw new Error("No Redis connection");
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([client.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this instance should get requests: not while it drains after
 * SIGTERM, and only when the database answers (and Redis, when REDIS_URL is
 * set), each within a second.
 */
export async function readiness(): Promise<Readiness> {
  const checks: Readiness["checks"] = {};
  if (isDraining()) checks.server = "draining";
  const database = databaseUnreachable() ? Promise.reject(new Error("known unreachable")) : pingDatabase(1_000);
  const redisUrl = env().REDIS_URL;
  const [db, redis] = await Promise.allSettled([database, redisUrl ? pingRedis(1_000) : Promise.resolve()]);
  checks.database = db.status === "fulfilled" ? "ok" : "unreachable";
  if (redisUrl) checks.redis = redis.status === "fulfilled" ? "ok" : "unreachable";
  return { ready: Object.values(checks).every((check) => check === "ok"), checks };
}
