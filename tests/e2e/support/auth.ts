import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { e2e } from "./context";
import { encodeIdentity, IDENTITY_COOKIE, type OidcIdentity } from "./oidc-provider";

export type { OidcIdentity };

/**
 * A new person at the local OIDC provider, unique to this call, so tests never
 * meet each other's members: `newIdentity("Ada")` → sub "ada-1f3c…",
 * email "ada-1f3c…@e2e.marquee.test", name "Ada 1f3c…".
 */
export function newIdentity(firstName = "Tester", overrides: Partial<OidcIdentity> = {}): OidcIdentity {
  const tag = randomBytes(4).toString("hex");
  const slug = `${firstName.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tag}`;
  return { sub: slug, email: `${slug}@e2e.marquee.test`, name: `${firstName} ${tag}`, ...overrides };
}

/** Chooses who the local OIDC provider signs in next, for this browser only. */
export async function actAs(context: BrowserContext, identity: OidcIdentity): Promise<void> {
  await context.addCookies([{ name: IDENTITY_COOKIE, value: encodeIdentity(identity), url: e2e().issuer }]);
}

/**
 * Clicks `button` and follows the OIDC round trip (our server, the provider's
 * authorize redirect, our callback) to the page the callback sends the browser
 * to, which it returns (an /signin?error=… page when the callback refused).
 */
async function throughProvider(page: Page, click: () => Promise<void>): Promise<string> {
  const callback = page.waitForResponse((response) =>
    response.url().startsWith(`${e2e().baseUrl}/api/auth/callback/oidc`),
  );
  await click();
  const location = (await callback).headers()["location"];
  if (!location) throw new Error(`The OIDC callback answered ${(await callback).status()} without a redirect`);
  const destination = new URL(location, e2e().baseUrl).href;
  await page.waitForURL(destination);
  return destination;
}

/**
 * Signs in through the real flow: /signin, the OIDC provider's button, the
 * provider's authorize redirect, the callback with its state, PKCE and nonce
 * checks, and back to `callbackUrl` (default "/") on the app.
 */
export async function signInAs(page: Page, identity: OidcIdentity, callbackUrl = "/"): Promise<void> {
  await actAs(page.context(), identity);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await throughProvider(page, () =>
    page
      .getByRole("main")
      .getByRole("button", { name: `Sign in with ${e2e().oidcName}` })
      .click(),
  );
}

/** From the account page, links `identity` (another account at the OIDC provider) to the signed-in member. */
export async function linkAccount(page: Page, identity: OidcIdentity): Promise<void> {
  await actAs(page.context(), identity);
  await page.goto("/account");
  await throughProvider(page, () =>
    page
      .getByRole("main")
      .getByRole("button", { name: new RegExp(`^Link (your|another) ${e2e().oidcName} account$`) })
      .click(),
  );
}

/** The value of the session cookie in this browser, if any. */
export async function sessionToken(context: BrowserContext): Promise<string | undefined> {
  const cookies = await context.cookies(e2e().baseUrl);
  return cookies.find((c) => c.name === "authjs.session-token")?.value;
}
