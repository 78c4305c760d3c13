import { env } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom, type RequestContext } from "@/lib/log";
import { clientIp, fromTrustedProxy } from "./client-ip";

/**
 * The request id and client address a request's log lines carry. proxy.ts
 * gives each request its id (a trusted proxy's X-Request-Id when it sent a
 * well-formed one, else a fresh one) and passes it on in the same header, so
 * the pages and actions behind it read the id the proxy chose.
 */
export function requestContextOf(request: { headers: Headers }): RequestContext {
  const trusted = env().MARQUEE_TRUSTED_PROXIES;
  return {
    requestId: requestIdFrom(request.headers.get(REQUEST_ID_HEADER), fromTrustedProxy(request, trusted)),
    ip: clientIp(request, trusted),
  };
}

/**
 * The context of a request that has been through proxy.ts (a server action, a
 * page): its id is the proxy's, so it is believed as it is.
 */
export function requestContextBehindProxy(headers: Headers): RequestContext {
  return {
    requestId: requestIdFrom(headers.get(REQUEST_ID_HEADER), true),
    ip: clientIp({ headers }, env().MARQUEE_TRUSTED_PROXIES),
  };
}
