import { NextRequest } from "next/server";
import { getPrimaryDb } from "@/db/client";
import { handlers } from "@/lib/auth/config";
import { hideAccountNotLinked } from "@/lib/auth/sign-in-errors";
import { env } from "@/lib/env";
import { consumeIpAllowance, tooManyRequests } from "@/lib/rate-limit/ip";
import { applySecurityHeaders } from "@/lib/security/apply";
import { AUTH_BODY_LIMIT_BYTES, withBoundedBody } from "@/lib/security/body";
import { clientIp } from "@/lib/security/client-ip";
import { REQUEST_ID_HEADER, withRequestContext } from "@/lib/log";
import { requestContextOf } from "@/lib/security/request-context";

// proxy.ts leaves Auth.js's paths alone (it would copy every body first), so the headers and the
// request id are set here.

// The "not linked" redirect is rewritten so it does not tell a stranger an address is registered.
const authGET = hideAccountNotLinked(handlers.GET);
const authPOST = hideAccountNotLinked(handlers.POST);

/** Runs `handle` with the request's id and address on every line it logs, and answers with the id. */
async function inContext(request: NextRequest, handle: () => Promise<Response>): Promise<Response> {
  const context = requestContextOf(request);
  const response = applySecurityHeaders(await withRequestContext(context, handle));
  response.headers.set(REQUEST_ID_HEADER, context.requestId);
  return response;
}

export async function GET(request: NextRequest): Promise<Response> {
  return inContext(request, () => authGET(request));
}

/**
 * Auth.js's POST endpoints (sign-in starts, sign-out, callbacks): the body is
 * capped before anything reads it, and each address may start only so many
 * sign-ins a minute.
 */
export async function POST(request: NextRequest): Promise<Response> {
  return inContext(request, async () => {
    const bounded = await withBoundedBody(
      request,
      AUTH_BODY_LIMIT_BYTES,
      (body) => new NextRequest(request.url, { method: request.method, headers: request.headers, body }),
    );
    if (bounded instanceof Response) return bounded;
    if (bounded.nextUrl.pathname.startsWith("/api/auth/signin/")) {
      const address = clientIp(bounded, env().MARQUEE_TRUSTED_PROXIES);
      const refusal = await consumeIpAllowance(await getPrimaryDb(), "sign-in", address);
      if (refusal) return tooManyRequests(refusal);
    }
    return authPOST(bounded);
  });
}
