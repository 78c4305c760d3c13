import { NextResponse, type NextRequest } from "next/server";
import { sessionCookie } from "@/lib/auth/session-cookie";

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
export function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const cookies = request.cookies;
  if (cookies.has(sessionCookie(false).name) || cookies.has(sessionCookie(true).name)) return NextResponse.next();
  // The admin's pages do not exist for anyone else: a visitor gets the site's 404 page, with its status.
  if (request.nextUrl.pathname === "/admin" || request.nextUrl.pathname.startsWith("/admin/")) {
    return NextResponse.rewrite(new URL("/~not-found", request.url));
  }
  const back = encodeURIComponent(`${request.nextUrl.pathname}${request.nextUrl.search}`).replace(/%2F/g, "/");
  return NextResponse.redirect(new URL(`/signin?callbackUrl=${back}`, request.url));
}

export const config = {
  matcher: [
    "/account",
    "/account/delete",
    "/account/import/:path*",
    "/admin/:path*",
    "/moderation/:path*",
    "/films/:slug/review",
    "/reviews/:id/reply/:comment",
    "/reviews/:id/unpublished",
  ],
};
