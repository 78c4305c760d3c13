import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { databaseUnreachable, getPrimaryDb } from "@/db/client";
import { env } from "@/lib/env";
import { consumeIpAllowance, tooManyRequests, type IpLimitKind } from "@/lib/rate-limit/ip";
import { REQUEST_ID_HEADER, withRequestContext } from "@/lib/log";
import { requestContextOf } from "@/lib/security/request-context";
import { applySecurityHeaders, policyForThisSite } from "@/lib/security/apply";
import { newNonce, rendersPerRequest, SIGNED_IN_ONLY_PAGES } from "@/lib/security/headers";
import { databaseAwayResponse, handledDatabaseFault } from "@/lib/unavailable";

/**
 * Pages that only a signed-in member can open render for each request, after
 * the prerendered frame of the page has been sent, so a redirect decided
 * there would answer 200. A browser without a session cookie is sent to sign
 * in here instead, with a real redirect (or a real 404 for the admin's pages).
 * Whether a member may open the page (a moderator's queue, an admin's screen)
 * is still decided by the page, which answers a member who may not with the
 * 404 page (status 200 then, marked noindex).
 * Only reads: a form posted to one of these pages gets its action's own answer.
 */
function signedInOnly(request: NextRequest, forward: Headers): NextResponse | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const { pathname } = request.nextUrl;
  if (!SIGNED_IN_ONLY_PAGES.some((pattern) => pattern.test(pathname))) return null;
  const cookies = request.cookies;
  if (cookies.has(sessionCookie(false).name) || cookies.has(sessionCookie(true).name)) return null;
  // The admin's pages do not exist for anyone else: a visitor gets the site's 404 page, with its status.
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    return NextResponse.rewrite(new URL("/~not-found", request.url), { request: { headers: forward } });
  }
  const back = encodeURIComponent(`${pathname}${request.nextUrl.search}`).replace(/%2F/g, "/");
  return NextResponse.redirect(new URL(`/signin?callbackUrl=${back}`, request.url));
}

/**
 * What a request counts against its address's allowance, if anything:
 * searching as a visitor, reading a feed. Pages served from the cache are
 * never counted; sign-in starts are counted by Auth.js's route and the
 * sign-in action.
 */
export function ipLimitKind(request: NextRequest): IpLimitKind | null {
  const { pathname, searchParams } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  if (/^\/(feeds\/[^/]+|films\/[^/]+\/feed|members\/[^/]+\/feed)\.xml$/.test(pathname)) return "feed";
  const signedIn = request.cookies.has(sessionCookie(false).name) || request.cookies.has(sessionCookie(true).name);
  if (pathname === "/films" && (searchParams.get("q") ?? "").trim() !== "" && !signedIn) return "search";
  return null;
}

/**
 * Every response leaves with the security headers of lib/security/headers.ts.
 * A page rendered for each request gets a fresh nonce: Next reads it from the
 * request's Content-Security-Policy header and puts it on every script it
 * writes, so the policy can name the nonce instead of allowing inline scripts.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  // `next dev` renders every page for each request and injects scripts of its own: it keeps the simpler policy.
  const nonce =
    env().NODE_ENV !== "development" && request.method === "GET" && rendersPerRequest(request.nextUrl.pathname)
      ? newNonce()
      : undefined;
  const policy = policyForThisSite(nonce);
  // One id per request, passed on so the page or action behind the proxy logs the same one.
  const context = requestContextOf(request);
  // Next reads the nonce from the request's own policy header.
  const forward = new Headers(request.headers);
  forward.set(REQUEST_ID_HEADER, context.requestId);
  if (nonce) forward.set("content-security-policy", policy);
  const passOn = () => NextResponse.next({ request: { headers: forward } });

  const limited = ipLimitKind(request);
  // While the database is away, a page rendered for each request (or a counted one) could only
  // fail: it gets the plain 503 page at once. Cached pages are still served from the cache.
  const reads = request.method === "GET" || request.method === "HEAD";
  if (databaseUnreachable() && reads && (limited || rendersPerRequest(request.nextUrl.pathname))) {
    const away = databaseAwayResponse();
    away.headers.set(REQUEST_ID_HEADER, context.requestId);
    return applySecurityHeaders(away, policy);
  }
  let refusal = null;
  try {
    refusal = limited
      ? await withRequestContext(context, async () => consumeIpAllowance(await getPrimaryDb(), limited, context.ip))
      : null;
  } catch (error) {
    if (!handledDatabaseFault(error, "proxy")) throw error;
    const away = databaseAwayResponse();
    away.headers.set(REQUEST_ID_HEADER, context.requestId);
    return applySecurityHeaders(away, policy);
  }
  const response = refusal ? tooManyRequests(refusal) : (signedInOnly(request, forward) ?? passOn());
  response.headers.set(REQUEST_ID_HEADER, context.requestId);
  return applySecurityHeaders(response, policy);
}

export const config = {
  // Every path but Auth.js's: pages, route handlers, static files and the 404 page. Next copies
  // a request's body for the proxy, so Auth.js's route caps its body and sets these headers itself.
  // The health checks skip it too: load balancers call them every few seconds, and they must
  // answer whatever the database and the limits are doing.
  matcher: "/((?!api/auth/|api/health/).*)",
};
