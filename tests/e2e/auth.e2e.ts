import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/a11y";
import { actAs, linkAccount, newIdentity, sessionToken, signInAs } from "./support/auth";
import { launchBrowser, screenshot } from "./support/browser";
import { appUrl, e2e } from "./support/context";
import { query } from "./support/db";
import { HttpSession } from "./support/http";
import { memberByAccount } from "./support/members";

const sessionsOf = async (userId: string) =>
  (await query<{ n: number }>(`select count(*)::int as n from sessions where user_id = $1`, [userId]))[0]!.n;

describe("providers from the environment", () => {
  it("lists exactly the configured providers", async () => {
    const response = await fetch(appUrl("/api/auth/providers"));
    const providers = (await response.json()) as Record<string, { name: string }>;
    expect(Object.keys(providers).sort()).toEqual(["facebook", "google", "oidc", "twitter"]);
    expect(providers.oidc!.name).toBe(e2e().oidcName);
  });

  it.each([
    ["twitter", "x.com"],
    ["facebook", "www.facebook.com"],
  ] as const)(
    "sends a %s sign-in to the provider with our client id and both state and PKCE",
    async (provider, host) => {
      const http = new HttpSession();
      const response = await http.startSignIn(provider);
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(location.host).toBe(host);
      expect(location.searchParams.get("client_id")).toBe(e2e().clientIds[provider]);
      expect(location.searchParams.get("redirect_uri")).toBe(appUrl(`/api/auth/callback/${provider}`));
      expect(location.searchParams.get("state")).toMatch(/.{20,}/);
      expect(location.searchParams.get("code_challenge")).toMatch(/.{20,}/);
      expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    },
  );

  it("ends an offline Google sign-in on the sign-in page with a plain explanation, not a 500", async () => {
    const http = new HttpSession();
    const response = await http.startSignIn("google");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(appUrl("/signin?error=Configuration"));

    const { page } = await launchBrowser();
    await page.goto("/signin");
    await page.getByRole("main").getByRole("button", { name: "Sign in with Google" }).click();
    await page.waitForURL(/\/signin\?error=Configuration$/);
    await expect.poll(() => page.getByRole("main").getByRole("alert").textContent()).toContain("could not be reached");
  });
});

describe("the sign-in page", () => {
  it("offers each configured provider by name, has no demo sign-in in production, and passes axe", async () => {
    const { page } = await launchBrowser();
    const response = await page.goto("/signin");
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.title()).toBe("Sign in · Marquee");
    const main = page.getByRole("main");
    for (const name of ["Google", "Twitter/X", "Facebook", e2e().oidcName]) {
      await expect.poll(() => main.getByRole("button", { name: `Sign in with ${name}` }).count()).toBe(1);
    }
    await expect.poll(() => main.getByRole("button").count()).toBe(4);
    expect(await page.getByText("Demo accounts").count()).toBe(0);
    expect(await page.getByRole("banner").getByRole("link", { name: "Sign in" }).count()).toBe(1);
    await screenshot(page, "signin");
    await expectNoAxeViolations(page);
  });

  it("explains Auth.js errors in plain words", async () => {
    const { page } = await launchBrowser();
    await page.goto("/signin?error=OAuthAccountNotLinked");
    const notLinked = await page.getByRole("main").getByRole("alert").textContent();
    expect(notLinked).toContain("That account could not sign you in here.");
    expect(notLinked).not.toMatch(/belongs to|already linked|registered/);
    await page.goto("/signin?error=AccessDenied");
    expect(await page.getByRole("main").getByRole("alert").textContent()).toBe(notLinked);
    await page.goto("/signin?error=Whatever");
    expect(await page.getByRole("main").getByRole("alert").textContent()).toContain("Sign-in did not complete.");
  });
});

describe("signing in with OpenID Connect", () => {
  it("goes through the provider and back, shows the member's name, and sets an HttpOnly SameSite=Lax cookie", async () => {
    const { page, context } = await launchBrowser();
    const ada = newIdentity("Ada");
    await signInAs(page, ada, "/account");

    expect(new URL(page.url()).pathname).toBe("/account");
    expect(await page.getByRole("banner").locator("summary").textContent()).toContain(ada.name);
    const cookie = (await context.cookies(e2e().baseUrl)).find((c) => c.name === "authjs.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });

    const member = await memberByAccount(ada.sub);
    expect(member).toMatchObject({ name: ada.name, role: "member" });
    expect(await sessionsOf(member!.id)).toBe(1);

    // What page scripts can read of the session: no token, no email.
    const session = await (await page.request.get("/api/auth/session")).text();
    expect(session).toContain(member!.handle);
    expect(session).not.toContain(cookie!.value);
    expect(session).not.toContain(ada.email);
  });

  it("links a second account at the provider, after which either one signs in as the same member", async () => {
    const { page } = await launchBrowser();
    const first = newIdentity("Grace");
    const second = newIdentity("Grace-work");
    await signInAs(page, first, "/account");
    await linkAccount(page, second);

    expect(new URL(page.url()).pathname).toBe("/account");
    const linked = page.getByRole("list", { name: "Your linked accounts" }).getByRole("listitem");
    await expect.poll(() => linked.count()).toBe(2);
    const member = await memberByAccount(first.sub);
    expect((await memberByAccount(second.sub))?.id).toBe(member!.id);

    const other = await launchBrowser();
    await signInAs(other.page, second);
    expect(await other.page.getByRole("banner").locator("summary").textContent()).toContain(first.name);
  });

  it("refuses to link an account that already belongs to another member", async () => {
    const owner = newIdentity("Owner");
    const ownerBrowser = await launchBrowser();
    await signInAs(ownerBrowser.page, owner);
    const ownerMember = await memberByAccount(owner.sub);

    const { page } = await launchBrowser();
    const taker = newIdentity("Taker");
    await signInAs(page, taker, "/account");
    await linkAccount(page, owner);
    expect(page.url()).toBe(appUrl("/signin?error=AccessDenied"));
    expect(await page.getByRole("main").getByRole("alert").textContent()).toContain(
      "That account could not sign you in here.",
    );
    expect((await memberByAccount(owner.sub))?.id).toBe(ownerMember!.id);
  });

  it("signs in from the header's provider button and comes back to the page the visitor was on", async () => {
    const { page, context } = await launchBrowser();
    const linus = newIdentity("Linus");
    await actAs(context, linus);
    await page.goto("/films?q=her");
    const callback = page.waitForResponse((r) => r.url().startsWith(appUrl("/api/auth/callback/oidc")));
    await page
      .getByRole("banner")
      .getByRole("button", { name: `Sign in with ${e2e().oidcName}` })
      .click();
    expect((await callback).headers()["location"]).toBe(appUrl("/films?q=her"));
    await page.waitForURL(appUrl("/films?q=her"));
    expect(await page.getByRole("banner").locator("summary").textContent()).toContain(linus.name);
  });

  it("signs out: the session row is deleted and the old cookie no longer works", async () => {
    const { page, context } = await launchBrowser();
    const alan = newIdentity("Alan");
    await signInAs(page, alan);
    const token = await sessionToken(context);
    const member = await memberByAccount(alan.sub);
    expect(await sessionsOf(member!.id)).toBe(1);

    await page.getByRole("banner").locator("summary").click();
    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();

    expect(await query(`select 1 from sessions where session_token = $1`, [token])).toEqual([]);
    expect(await sessionsOf(member!.id)).toBe(0);
    const replay = await fetch(appUrl("/api/auth/session"), { headers: { cookie: `authjs.session-token=${token}` } });
    expect(await replay.json()).toBeNull();
  });

  it("refuses a new account whose email belongs to another member (no linking by email)", async () => {
    const owner = newIdentity("Barbara");
    const first = await launchBrowser();
    await signInAs(first.page, owner);
    const ownerMember = await memberByAccount(owner.sub);

    const { page } = await launchBrowser();
    const impostor = newIdentity("Mallory", { email: owner.email });
    await signInAs(page, impostor);
    // Neither the address bar nor the message tells Mallory that Barbara's address is registered:
    // both are what any refused sign-in gets.
    expect(page.url()).toBe(appUrl("/signin?error=AccessDenied"));
    const refusal = await page.getByRole("main").getByRole("alert").textContent();
    expect(refusal).toContain("That account could not sign you in here.");
    expect(refusal).not.toMatch(/belongs to|email|registered/);
    expect(await memberByAccount(impostor.sub)).toBeUndefined();
    expect(await sessionsOf(ownerMember!.id)).toBe(1);
  });

  it("refuses a callback whose state was tampered with", async () => {
    const { page, context } = await launchBrowser();
    const eve = newIdentity("Eve");
    await actAs(context, eve);
    await page.route(`${e2e().issuer}/authorize**`, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      const location = new URL(response.headers()["location"]!);
      location.searchParams.set("state", `${location.searchParams.get("state")}x`);
      await route.fulfill({ status: 302, headers: { location: location.href } });
    });
    await page.goto("/signin");
    await page
      .getByRole("main")
      .getByRole("button", { name: `Sign in with ${e2e().oidcName}` })
      .click();
    await page.waitForURL(/\/signin\?error=Configuration$/);
    expect(await page.getByRole("main").getByRole("alert").count()).toBe(1);
    expect(await sessionToken(context)).toBeUndefined();
    expect(await memberByAccount(eve.sub)).toBeUndefined();
  });

  it.each(["https://evil.example/steal", "//evil.example/steal", "/\\evil.example/steal"])(
    "lands on our own origin when callbackUrl is %s",
    async (callbackUrl) => {
      const { page } = await launchBrowser();
      await signInAs(page, newIdentity("Carol"), callbackUrl);
      expect(new URL(page.url()).origin).toBe(new URL(e2e().baseUrl).origin);
      expect(await page.getByRole("banner").locator("summary").textContent()).toContain("Carol");
    },
  );
});

describe("production safety", () => {
  it("has no development sign-in: /signin/dev answers 404", async () => {
    const post = await fetch(appUrl("/signin/dev"), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: e2e().baseUrl },
      body: "handle=theo&callbackUrl=/admin",
      redirect: "manual",
    });
    expect(post.status).toBe(404);
    expect(post.headers.get("set-cookie")).toBeNull();
    expect((await fetch(appUrl("/signin/dev"), { redirect: "manual" })).status).toBe(404);
  });

  it("uses a Secure, __Secure- prefixed session cookie when served over https", async () => {
    const http = new HttpSession({ "x-forwarded-proto": "https" });
    const start = await http.startSignIn("oidc");
    const authorize = new URL(start.headers.get("location")!);
    expect(authorize.origin).toBe(e2e().issuer);
    expect(authorize.searchParams.get("redirect_uri")).toMatch(/^https:\/\/localhost:\d+\/api\/auth\/callback\/oidc$/);

    const identity = newIdentity("Secure");
    const { encodeIdentity, IDENTITY_COOKIE } = await import("./support/oidc-provider");
    const atProvider = await fetch(authorize, {
      redirect: "manual",
      headers: { cookie: `${IDENTITY_COOKIE}=${encodeIdentity(identity)}` },
    });
    const callback = new URL(atProvider.headers.get("location")!);
    callback.protocol = "http:";
    const done = await http.request(callback.href);
    expect(done.status).toBe(302);

    const session = http.setCookies.find((c) => c.name.endsWith("authjs.session-token"));
    expect(session?.name).toBe("__Secure-authjs.session-token");
    expect(session?.attributes).toMatchObject({ httponly: true, secure: true, samesite: "Lax", path: "/" });
    expect(http.setCookies.every((c) => c.attributes.secure === true)).toBe(true);
  });
});
