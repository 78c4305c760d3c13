import "server-only";
import { NextResponse } from "next/server";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { securityEvent } from "@/lib/log";
import { limiterOf } from "./store";

/**
 * Per-address limits on what anyone may do without signing in, counted in
 * PostgreSQL like the members' limits (lib/rate-limit/index.ts) so every app
 * instance shares them. Cached pages are never counted: they cost nothing.
 */
export type IpLimitKind = "sign-in" | "search" | "suggest" | "feed";

/** Requests an address may make in a minute, before MARQUEE_IP_LIMIT_SCALE. */
export const IP_LIMITS_PER_MINUTE: Readonly<Record<IpLimitKind, number>> = {
  // Each start is a redirect to a provider and a row of sign-in state: a person needs a few.
  "sign-in": 20,
  // A search is a full-text query; a person types a few a minute, a scraper hundreds.
  search: 60,
  // Suggestions come as someone types (debounced): a dozen for one search, each two small indexed reads.
  suggest: 240,
  // Feed readers poll every few minutes.
  feed: 60,
};

const WHAT: Record<IpLimitKind, string> = {
  "sign-in": "sign-in attempts",
  search: "searches",
  suggest: "search suggestions",
  feed: "feed requests",
};

function limiterFor(db: Database, kind: IpLimitKind, points: number): RateLimiterAbstract {
  return limiterOf(db, `ip-${kind}`, points, 60);
}

/** A refusal: how long to wait, and the sentence that says so. */
export interface IpRefusal {
  retryAfterSeconds: number;
  message: string;
}

/**
 * Takes one `kind` request from `ip`'s allowance; null when it may go ahead,
 * else the refusal. An unknown address shares one allowance with every other
 * unknown one.
 */
export async function consumeIpAllowance(
  db: Database,
  kind: IpLimitKind,
  ip: string | null,
): Promise<IpRefusal | null> {
  const scale = env().MARQUEE_IP_LIMIT_SCALE;
  if (scale === 0) return null;
  const points = Math.max(1, Math.round(IP_LIMITS_PER_MINUTE[kind] * scale));
  try {
    await limiterFor(db, kind, points).consume(ip ?? "unknown");
    return null;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    securityEvent("rate_limit.hit", { actor: null, outcome: "refused", limit: `ip-${kind}`, ip, retryAfterSeconds });
    return {
      retryAfterSeconds,
      message: `Too many ${WHAT[kind]} from your address. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? "second" : "seconds"}.`,
    };
  }
}

/** The HTTP answer to a refusal: 429, Retry-After, and the sentence as plain text. */
export function tooManyRequests(refusal: IpRefusal): NextResponse {
  return new NextResponse(`${refusal.message}\n`, {
    status: 429,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "retry-after": String(refusal.retryAfterSeconds),
      "cache-control": "no-store",
    },
  });
}
