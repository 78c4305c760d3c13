import { OAuth2Server } from "oauth2-mock-server";

/** Who the local OpenID Connect provider says is signing in. */
export interface OidcIdentity {
  sub: string;
  email: string;
  name: string;
}

/** The cookie, on the provider's own origin, that picks the identity for the next sign-in. */
export const IDENTITY_COOKIE = "marquee_e2e_identity";

export const DEFAULT_IDENTITY: OidcIdentity = {
  sub: "e2e-default",
  email: "default@e2e.marquee.test",
  name: "Default Tester",
};

export function encodeIdentity(identity: OidcIdentity): string {
  return Buffer.from(JSON.stringify(identity)).toString("base64url");
}

function identityFromCookie(header: string | undefined): OidcIdentity {
  for (const part of (header ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name !== IDENTITY_COOKIE) continue;
    try {
      const parsed = JSON.parse(Buffer.from(rest.join("="), "base64url").toString("utf8")) as Partial<OidcIdentity>;
      if (typeof parsed.sub === "string" && typeof parsed.email === "string" && typeof parsed.name === "string") {
        return { sub: parsed.sub, email: parsed.email, name: parsed.name };
      }
    } catch {
      // A malformed cookie falls through to the default identity.
    }
  }
  return DEFAULT_IDENTITY;
}

/**
 * A real OpenID Connect provider on 127.0.0.1 (oauth2-mock-server): discovery,
 * authorize with state, nonce and PKCE, token and JWKS. Each browser chooses
 * who signs in with a cookie on the provider's origin (see IDENTITY_COOKIE);
 * the authorize step remembers it against the code it issues, and the token
 * step puts that `sub`, `email` and `name` into the ID token. A different
 * origin (127.0.0.1, the app is on localhost) keeps that cookie away from the app.
 */
export async function startOidcProvider(port: number): Promise<{ issuer: string; stop(): Promise<void> }> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  server.issuer.url = `http://127.0.0.1:${port}`;
  const identityByCode = new Map<string, OidcIdentity>();

  server.service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, req: { headers: { cookie?: string } }) => {
    const code = redirect.url.searchParams.get("code");
    if (code) identityByCode.set(code, identityFromCookie(req.headers.cookie));
  });
  server.service.on(
    "beforeTokenSigning",
    (token: { payload: Record<string, unknown> }, req: { body: { code?: string } }) => {
      const identity = (req.body.code && identityByCode.get(req.body.code)) || DEFAULT_IDENTITY;
      Object.assign(token.payload, {
        sub: identity.sub,
        email: identity.email,
        email_verified: true,
        name: identity.name,
      });
    },
  );
  server.service.on("beforeResponse", (_response: unknown, req: { body: { code?: string } }) => {
    if (req.body.code) identityByCode.delete(req.body.code);
  });

  await server.start(port, "127.0.0.1");
  return { issuer: server.issuer.url, stop: () => server.stop() };
}
