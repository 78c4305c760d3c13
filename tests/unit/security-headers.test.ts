import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import {
  contentSecurityPolicy,
  HSTS,
  REACT_REVEAL_TIMER_HASH,
  REACT_REVEAL_TIMER_SCRIPT,
  rendersPerRequest,
  securityHeaders,
} from "@/lib/security/headers";
import { proxy } from "@/proxy";

/** The policy as directive → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe("the content security policy", () => {
  it("has the fixed directives on every kind of page", () => {
    for (const nonce of [undefined, "abc123"]) {
      const policy = directives(contentSecurityPolicy({ development: false, https: false, nonce }));
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("form-action")).toEqual(["'self'"]);
      expect(policy.get("script-src-attr")).toEqual(["'none'"]);
      expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
      expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    }
  });

  it("allows inline scripts by nonce on a page rendered for the request, and never any inline script", () => {
    const scripts = directives(contentSecurityPolicy({ development: false, https: false, nonce: "abc123" })).get(
      "script-src",
    );
    expect(scripts).toEqual(["'self'", "'nonce-abc123'", `'${REACT_REVEAL_TIMER_HASH}'`]);
  });

  it("allows this origin's inline scripts on a cached page, which cannot carry a nonce", () => {
    const scripts = directives(contentSecurityPolicy({ development: false, https: false })).get("script-src");
    expect(scripts).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("relaxes eval only in development", () => {
    expect(directives(contentSecurityPolicy({ development: true, https: false })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("upgrades http addresses only on a site served over https", () => {
    expect(contentSecurityPolicy({ development: false, https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(contentSecurityPolicy({ development: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("lets sign-in forms go on to the configured providers' pages", () => {
    const policy = contentSecurityPolicy({
      development: false,
      https: false,
      formTargets: ["https://accounts.google.com"],
    });
    expect(directives(policy).get("form-action")).toEqual(["'self'", "https://accounts.google.com"]);
  });

  it("names the hash of the one inline script React's prerendered shells carry without a nonce", () => {
    const digest = createHash("sha256").update(REACT_REVEAL_TIMER_SCRIPT).digest("base64");
    expect(REACT_REVEAL_TIMER_HASH).toBe(`sha256-${digest}`);
    // A React upgrade that changes the script fails here, not in a reader's browser.
    const fizz = createRequire(import.meta.url).resolve(
      "next/dist/compiled/react-dom/cjs/react-dom-server.node.production.js",
    );
    expect(readFileSync(fizz, "utf8")).toContain(REACT_REVEAL_TIMER_SCRIPT);
  });
});

describe("the other security headers", () => {
  const byName = (https: boolean) => new Map(securityHeaders({ https }).map(({ key, value }) => [key, value]));

  it("are the same on every response", () => {
    const headers = byName(false);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"]) {
      expect(headers.get("Permissions-Policy")).toContain(`${feature}=()`);
    }
  });

  it("send HSTS only over https", () => {
    expect(byName(false).has("Strict-Transport-Security")).toBe(false);
    expect(byName(true).get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("which pages get a nonce", () => {
  it("is the pages rendered for each request, not the cached ones", () => {
    for (const path of [
      "/",
      "/films",
      "/reviews",
      "/signin",
      "/account",
      "/account/import/3",
      "/admin/blocklist",
      "/moderation",
      "/moderation/log",
      "/moderation/recording",
      "/moderation/record",
    ]) {
      expect(rendersPerRequest(path), path).toBe(true);
    }
    for (const path of [
      "/films/her",
      "/reviews/1",
      "/members/maya",
      "/people/spike-jonze",
      "/account/deleted",
      "/moderation/record/comments/12",
      "/moderation/rules",
    ]) {
      expect(rendersPerRequest(path), path).toBe(false);
    }
    expect(rendersPerRequest("/films/her/review")).toBe(true);
  });
});

describe("proxy.ts", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    reloadEnv();
  });

  const run = (path: string, init?: { method?: string; cookie?: string }) =>
    proxy(
      new NextRequest(`http://localhost:3000${path}`, {
        method: init?.method ?? "GET",
        headers: init?.cookie ? { cookie: init.cookie } : {},
      }),
    );

  it("puts the headers on a cached page, a redirect and the admin's 404", async () => {
    for (const response of [await run("/films/her"), await run("/account"), await run("/admin")]) {
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect((await run("/account")).headers.get("location")).toBe("http://localhost:3000/signin?callbackUrl=/account");
    expect((await run("/admin")).headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/~not-found");
  });

  it("hands Next the nonce it names, a fresh one each request", async () => {
    const first = await run("/signin");
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    expect((await run("/signin")).headers.get("content-security-policy")).not.toContain(nonce);
    expect((await run("/films/her")).headers.get("content-security-policy")).not.toContain("nonce-");
  });

  it("sends HSTS when the public site URL is https", async () => {
    expect((await run("/films/her")).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("MARQUEE_SITE_URL", "https://marquee.example");
    reloadEnv();
    expect((await run("/films/her")).headers.get("strict-transport-security")).toBe(HSTS);
  });
});
