import { env } from "@/lib/env";
import { siteUrl } from "@/lib/site";
import { contentSecurityPolicy, PROVIDER_AUTHORIZE_ORIGINS, securityHeaders } from "./headers";

/** The origins a sign-in form may be redirected to: this deployment's providers' authorization pages. */
function formTargets(): string[] {
  const config = env();
  const targets: string[] = [];
  if (config.AUTH_GOOGLE_ID) targets.push(...(PROVIDER_AUTHORIZE_ORIGINS.google ?? []));
  if (config.AUTH_TWITTER_ID) targets.push(...(PROVIDER_AUTHORIZE_ORIGINS.twitter ?? []));
  if (config.AUTH_FACEBOOK_ID) targets.push(...(PROVIDER_AUTHORIZE_ORIGINS.facebook ?? []));
  if (config.AUTH_OIDC_ISSUER) targets.push(new URL(config.AUTH_OIDC_ISSUER).origin);
  return targets;
}

/** This deployment's content security policy, with `nonce` on a page rendered for the request. */
export function policyForThisSite(nonce?: string): string {
  return contentSecurityPolicy({
    development: env().NODE_ENV === "development",
    https: siteUrl().startsWith("https://"),
    nonce,
    formTargets: formTargets(),
  });
}

/**
 * `response` with every security header set (the policy given, or this
 * site's policy without a nonce); a response whose headers are immutable (a
 * Response.redirect) is copied first.
 */
export function applySecurityHeaders(response: Response, policy = policyForThisSite()): Response {
  const headers = [
    { key: "Content-Security-Policy", value: policy },
    ...securityHeaders({ https: siteUrl().startsWith("https://") }),
  ];
  try {
    for (const { key, value } of headers) response.headers.set(key, value);
    return response;
  } catch {
    const copy = new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: new Headers(response.headers),
    });
    for (const { key, value } of headers) copy.headers.set(key, value);
    return copy;
  }
}
