import "server-only";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { fail, ok, type Result } from "@/lib/result";
import { env } from "@/lib/env";

interface Limiters {
  interval: RateLimiterDrizzle | null;
  daily: RateLimiterDrizzle;
  settings: string;
}

const byDatabase = new WeakMap<Database, Limiters>();

function limitersFor(db: Database): Limiters {
  const { MARQUEE_COMMENT_INTERVAL_SECONDS: interval, MARQUEE_COMMENT_DAILY_CAP: cap } = env();
  const settings = `${interval}/${cap}`;
  const existing = byDatabase.get(db);
  if (existing && existing.settings === settings) return existing;
  const common = { storeClient: db, schema: rateLimits, clearExpiredByTimeout: false };
  const limiters: Limiters = {
    interval:
      interval > 0
        ? new RateLimiterDrizzle({ ...common, keyPrefix: "comment-interval", points: 1, duration: interval })
        : null,
    daily: new RateLimiterDrizzle({ ...common, keyPrefix: "comment-daily", points: cap, duration: 24 * 3600 }),
    settings,
  };
  byDatabase.set(db, limiters);
  return limiters;
}

/** How many reviews, ratings or likes a member may save in a minute: enough for any person, not for a script. */
export const WRITES_PER_MINUTE = 30;
export type WriteKind = "review" | "rating" | "like";

const writeLimiters = new WeakMap<Database, Map<WriteKind, RateLimiterDrizzle>>();

function writeLimiterFor(db: Database, kind: WriteKind): RateLimiterDrizzle {
  let byKind = writeLimiters.get(db);
  if (!byKind) writeLimiters.set(db, (byKind = new Map()));
  let limiter = byKind.get(kind);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      clearExpiredByTimeout: false,
      keyPrefix: `write-${kind}`,
      points: WRITES_PER_MINUTE,
      duration: 60,
    });
    byKind.set(kind, limiter);
  }
  return limiter;
}

function describeWait(ms: number): { text: string } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return { text: `${seconds} ${seconds === 1 ? "second" : "seconds"}` };
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return { text: `${minutes} minutes` };
  return { text: `${Math.ceil(minutes / 60)} hours` };
}

/**
 * Takes one comment from a member's allowance: at most one per interval and a
 * daily cap, counted in the database so every app instance agrees.
 */
export async function consumeCommentAllowance(db: Database, memberId: string): Promise<Result> {
  const { interval, daily } = limitersFor(db);
  if (interval) {
    try {
      await interval.consume(memberId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait = describeWait(rejection.msBeforeNext);
      return fail("rate_limited", `You are posting quickly. You can post again in ${wait.text}.`);
    }
  }
  try {
    await daily.consume(memberId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    if (interval) await interval.reward(memberId);
    const wait = describeWait(rejection.msBeforeNext);
    return fail("rate_limited", `You have reached today's limit of comments. You can post again in ${wait.text}.`);
  }
  return ok(null);
}

/** Takes one save from a member's allowance for reviews, ratings or likes (flood control). */
export async function consumeWriteAllowance(db: Database, memberId: string, kind: WriteKind): Promise<Result> {
  try {
    await writeLimiterFor(db, kind).consume(memberId);
    return ok(null);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const wait = describeWait(rejection.msBeforeNext);
    return fail("rate_limited", `You are saving very quickly. You can try again in ${wait.text}.`);
  }
}

/** Heavy requests a member makes now and then: downloading their data, uploading an import. */
export type HourlyKind = "export" | "import";

const hourlyLimiters = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();

/** Takes one from a member's hourly allowance of `kind` (`perHour` of them), counted in the database. */
export async function consumeHourlyAllowance(
  db: Database,
  memberId: string,
  kind: HourlyKind,
  perHour: number,
): Promise<Result> {
  let byKind = hourlyLimiters.get(db);
  if (!byKind) hourlyLimiters.set(db, (byKind = new Map()));
  const name = `${kind}/${perHour}`;
  let limiter = byKind.get(name);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      clearExpiredByTimeout: false,
      keyPrefix: `hourly-${kind}`,
      points: perHour,
      duration: 3600,
    });
    byKind.set(name, limiter);
  }
  try {
    await limiter.consume(memberId);
    return ok(null);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const wait = describeWait(rejection.msBeforeNext);
    const what = kind === "export" ? "downloads of your data" : "imports";
    return fail("rate_limited", `You have used this hour's ${what} (${perHour}). You can try again in ${wait.text}.`);
  }
}
