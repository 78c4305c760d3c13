import type { Provider } from "next-auth/providers";
import Facebook from "next-auth/providers/facebook";
import Google from "next-auth/providers/google";
import Twitter from "next-auth/providers/twitter";
import type { Env } from "@/lib/env";

export interface ConfiguredProvider {
  id: string;
  name: string;
}

/**
 * The OAuth providers this deployment offers: each one whose id and secret are
 * set. Twitter uses OAuth 2.0. The generic OpenID Connect provider serves a
 * self-hosted Keycloak or Authentik, and the browser tests' local issuer.
 *
 * Each one names its `checks`, rather than trusting Auth.js's defaults (PKCE
 * alone for Google and Facebook): `state` ties the callback to the browser
 * that started the sign-in, so nobody can finish their own sign-in in a
 * victim's browser; PKCE binds the code to that sign-in; `nonce` ties
 * Google's and OIDC's ID token to it, so a token from another sign-in is
 * refused. Twitter's OAuth 2.0 has no ID token, so no nonce: PKCE and state.
 */
export function buildProviders(config: Env): { providers: Provider[]; configured: ConfiguredProvider[] } {
  const providers: Provider[] = [];
  const configured: ConfiguredProvider[] = [];
  if (config.AUTH_GOOGLE_ID && config.AUTH_GOOGLE_SECRET) {
    providers.push(
      Google({
        clientId: config.AUTH_GOOGLE_ID,
        clientSecret: config.AUTH_GOOGLE_SECRET,
        checks: ["pkce", "state", "nonce"],
      }),
    );
    configured.push({ id: "google", name: "Google" });
  }
  if (config.AUTH_TWITTER_ID && config.AUTH_TWITTER_SECRET) {
    providers.push(
      Twitter({
        clientId: config.AUTH_TWITTER_ID,
        clientSecret: config.AUTH_TWITTER_SECRET,
        checks: ["pkce", "state"],
      }),
    );
    configured.push({ id: "twitter", name: "Twitter/X" });
  }
  if (config.AUTH_FACEBOOK_ID && config.AUTH_FACEBOOK_SECRET) {
    providers.push(
      Facebook({
        clientId: config.AUTH_FACEBOOK_ID,
        clientSecret: config.AUTH_FACEBOOK_SECRET,
        checks: ["pkce", "state"],
      }),
    );
    configured.push({ id: "facebook", name: "Facebook" });
  }
  if (config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_ID && config.AUTH_OIDC_SECRET) {
    const name = config.AUTH_OIDC_NAME ?? "OpenID Connect";
    providers.push({
      id: "oidc",
      name,
      type: "oidc",
      issuer: config.AUTH_OIDC_ISSUER,
      clientId: config.AUTH_OIDC_ID,
      clientSecret: config.AUTH_OIDC_SECRET,
      checks: ["pkce", "state", "nonce"],
    });
    configured.push({ id: "oidc", name });
  }
  return { providers, configured };
}
