import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { env } from "@/lib/env";
import { securityEvent } from "@/lib/log";
import { limiterOf } from "./store";

/** The one line a member's refused request leaves in the log. */
function logHit(memberId: string, limit: string, msBeforeNext: number): void {
  securityEvent("rate_limit.hit", {
    actor: memberId,
    outcome: "refused",
    limit,
    retryAfterSeconds: Math.ceil(msBeforeNext / 1000),
  });
}

/** The comment limits at the current settings (tests change them between posts). */
function limitersFor(db: Database): { interval: RateLimiterAbstract | null; daily: RateLimiterAbstract } {
  const { MARQUEE_COMMENT_INTERVAL_SECONDS: interval, MARQUEE_COMMENT_DAILY_CAP: cap } = env();
  return {
    interval: interval > 0 ? limiterOf(db, "comment-interval", 1, interval) : null,
    daily: limiterOf(db, "comment-daily", cap, 24 * 3600),
  };
}

/** How many reviews, ratings or likes a member may save in a minute: enough for any person, not for a script. */
export const WRITES_PER_MINUTE = 30;
export type WriteKind = "review" | "rating" | "like" | "follow" | "watchlist" | "diary";

function writeLimiterFor(db: Database, kind: WriteKind): RateLimiterAbstract {
  return limiterOf(db, `write-${kind}`, WRITES_PER_MINUTE, 60);
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
      logHit(memberId, "comment-interval", rejection.msBeforeNext);
      const wait = describeWait(rejection.msBeforeNext);
      return fail("rate_limited", `You are posting quickly. You can post again in ${wait.text}.`);
    }
  }
  try {
    await daily.consume(memberId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    if (interval) await interval.reward(memberId);
    logHit(memberId, "comment-daily", rejection.msBeforeNext);
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
    logHit(memberId, `write-${kind}`, rejection.msBeforeNext);
    const wait = describeWait(rejection.msBeforeNext);
    return fail("rate_limited", `You are saving very quickly. You can try again in ${wait.text}.`);
  }
}

/**
 * Changes a person makes a few at a time: fixing a comment, reporting what
 * they read, renaming themselves. Each allowance is enough for any person and
 * stops a script (forty edits in a minute, a handle changed every second).
 */
export const MEMBER_LIMITS = {
  "comment-edit": { points: 10, seconds: 60, doing: "editing comments" },
  report: { points: 20, seconds: 3600, doing: "reporting comments" },
  profile: { points: 10, seconds: 3600, doing: "changing your profile" },
} as const;
export type MemberLimitKind = keyof typeof MEMBER_LIMITS;

/** Takes one `kind` change from a member's allowance (MEMBER_LIMITS), counted in the database. */
export async function consumeMemberAllowance(db: Database, memberId: string, kind: MemberLimitKind): Promise<Result> {
  const { points, seconds, doing } = MEMBER_LIMITS[kind];
  try {
    await limiterOf(db, `member-${kind}`, points, seconds).consume(memberId);
    return ok(null);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    logHit(memberId, `member-${kind}`, rejection.msBeforeNext);
    const wait = describeWait(rejection.msBeforeNext);
    return fail("rate_limited", `You have been ${doing} very often. You can try again in ${wait.text}.`);
  }
}

/** Heavy requests a member makes now and then: downloading their data, uploading an import. */
export type HourlyKind = "export" | "import";

/** Takes one from a member's hourly allowance of `kind` (`perHour` of them), counted in the database. */
export async function consumeHourlyAllowance(
  db: Database,
  memberId: string,
  kind: HourlyKind,
  perHour: number,
): Promise<Result> {
  const limiter = limiterOf(db, `hourly-${kind}`, perHour, 3600);
  try {
    await limiter.consume(memberId);
    return ok(null);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    logHit(memberId, `hourly-${kind}`, rejection.msBeforeNext);
    const wait = describeWait(rejection.msBeforeNext);
    const what = kind === "export" ? "downloads of your data" : "imports";
    return fail("rate_limited", `You have used this hour's ${what} (${perHour}). You can try again in ${wait.text}.`);
  }
}
