import { describe, expect, it } from "vitest";
import { buildProviders } from "@/lib/auth/providers";
import { parseEnv } from "@/lib/env";

/** The checks Auth.js will run for a provider: what we passed, else the provider's own default. */
function checksOf(provider: unknown): unknown {
  const p = provider as { checks?: unknown; options?: { checks?: unknown } };
  return p.options?.checks ?? p.checks;
}

describe("the OAuth providers' checks", () => {
  const { providers } = buildProviders(
    parseEnv({
      AUTH_GOOGLE_ID: "g",
      AUTH_GOOGLE_SECRET: "gs",
      AUTH_TWITTER_ID: "t",
      AUTH_TWITTER_SECRET: "ts",
      AUTH_FACEBOOK_ID: "f",
      AUTH_FACEBOOK_SECRET: "fs",
      AUTH_OIDC_ISSUER: "https://id.example",
      AUTH_OIDC_ID: "o",
      AUTH_OIDC_SECRET: "os",
    }),
  );
  const byId = (id: string) => providers.find((p) => (p as { id: string }).id === id);

  it("asks Google for state, PKCE and a nonce", () => {
    expect(checksOf(byId("google"))).toEqual(["pkce", "state", "nonce"]);
  });

  it("asks Facebook and Twitter for state and PKCE (plain OAuth 2: no ID token to carry a nonce)", () => {
    expect(checksOf(byId("facebook"))).toEqual(["pkce", "state"]);
    expect(checksOf(byId("twitter"))).toEqual(["pkce", "state"]);
  });

  it("asks a generic OpenID Connect provider for all three", () => {
    expect(checksOf(byId("oidc"))).toEqual(["pkce", "state", "nonce"]);
  });
});
