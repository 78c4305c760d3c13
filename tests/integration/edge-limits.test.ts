import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { IP_LIMITS_PER_MINUTE } from "@/lib/rate-limit/ip";
import { AUTH_BODY_LIMIT_BYTES } from "@/lib/security/body";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { startSignIn } from "@/lib/auth/sign-in";
import { proxy } from "@/proxy";
import { useTestDatabase } from "../support/database";

// Auth.js itself is stood in for: these tests are about what reaches it, and what does not.
vi.mock("@/lib/auth/config", () => ({
  handlers: {
    GET: async () => new Response("auth.js"),
    POST: async (request: Request) => new Response(`auth.js read: ${await request.text()}`),
  },
  signIn: async (provider: string) => `https://provider.example/authorize?for=${provider}`,
}));

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

// The sign-in action reads the request's headers; here they say which address is asking.
const requestHeaders = { current: new Headers() };
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

useTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

/** A request as Next hands it on: X-Forwarded-For ends with the connection's address. */
function get(path: string, forwardedFor: string, cookie?: string) {
  const headers: Record<string, string> = { "x-forwarded-for": forwardedFor };
  if (cookie) headers.cookie = cookie;
  return new NextRequest(`http://localhost:3000${path}`, { headers });
}

async function statuses(path: string, forwardedFor: string, times: number, cookie?: string): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) seen.push((await proxy(get(path, forwardedFor, cookie))).status);
  return seen;
}

describe("per-address limits", () => {
  it("answer a visitor's searches past the limit with 429, Retry-After and a plain sentence", async () => {
    const limit = IP_LIMITS_PER_MINUTE.search;
    const seen = await statuses("/films?q=her", "203.0.113.1", limit);
    expect(seen.every((status) => status === 200)).toBe(true);
    const refused = await proxy(get("/films?q=her", "203.0.113.1"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await refused.text()).toMatch(/^Too many searches from your address\. Try again in \d+ seconds?\.\n$/);
    // The refusal carries the security headers like any response.
    expect(refused.headers.get("x-frame-options")).toBe("DENY");
  });

  it("count each address on its own, and cannot be dodged by writing another address in the header", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0.05");
    reloadEnv();
    // 0.05 × 60: three searches a minute.
    expect(await statuses("/films?q=alien", "198.51.100.2", 3)).toEqual([200, 200, 200]);
    const spoofed = await proxy(get("/films?q=alien", "1.1.1.1, 198.51.100.2"));
    expect(spoofed.status).toBe(429);
    expect((await proxy(get("/films?q=alien", "198.51.100.3"))).status).toBe(200);
  });

  it("trust a configured proxy's X-Forwarded-For", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0.05");
    vi.stubEnv("MARQUEE_TRUSTED_PROXIES", "10.0.0.0/8");
    reloadEnv();
    expect(await statuses("/films?q=heat", "203.0.113.50, 10.0.0.1", 3)).toEqual([200, 200, 200]);
    expect((await proxy(get("/films?q=heat", "203.0.113.50, 10.0.0.1"))).status).toBe(429);
    // Another client behind the same proxy has its own allowance.
    expect((await proxy(get("/films?q=heat", "203.0.113.51, 10.0.0.1"))).status).toBe(200);
  });

  it("limit the feeds", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0.05");
    reloadEnv();
    for (const feed of ["/feeds/reviews.xml", "/films/her/feed.xml", "/members/maya/feed.xml"]) {
      const address = `192.0.2.${feed.length}`;
      expect(await statuses(feed, address, 3), feed).toEqual([200, 200, 200]);
      expect((await proxy(get(feed, address))).status, feed).toBe(429);
    }
  });

  it("never count cached pages, a member's searches or browsing without a query", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0.05");
    reloadEnv();
    for (const path of ["/films/her", "/reviews/1", "/films", "/films?q="]) {
      expect(await statuses(path, "192.0.2.200", 5), path).toEqual([200, 200, 200, 200, 200]);
    }
    expect(await statuses("/films?q=her", "192.0.2.201", 5, "authjs.session-token=abc")).toEqual([
      200, 200, 200, 200, 200,
    ]);
  });

  it("are off with MARQUEE_IP_LIMIT_SCALE=0", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0");
    reloadEnv();
    expect((await statuses("/films?q=her", "192.0.2.99", 80)).every((status) => status === 200)).toBe(true);
  });
});

describe("Auth.js's POST route", () => {
  const signIn = (body: BodyInit, headers: Record<string, string> = {}) =>
    authPost(
      new NextRequest("http://localhost:3000/api/auth/signin/google", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.77", ...headers },
        body,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
    );

  it("answers 413 to a 30 MB body it is told about, without reading it", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await signIn(body, { "content-length": String(30 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large/);
    expect(pulled).toBeLessThanOrEqual(2);
  });

  it("answers 413 to a streamed body as soon as it passes the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 30 * 1024 * 1024) return controller.close();
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const response = await signIn(body);
    expect(response.status).toBe(413);
    // It stopped reading a few chunks past the limit, not at 30 MB.
    expect(sent).toBeLessThan(AUTH_BODY_LIMIT_BYTES + 4 * 16 * 1024);
  });

  it("hands a small body on to Auth.js whole", async () => {
    const response = await signIn("csrfToken=abc&callbackUrl=%2Ffilms", { "x-forwarded-for": "192.0.2.78" });
    expect(await response.text()).toBe("auth.js read: csrfToken=abc&callbackUrl=%2Ffilms");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("answers sign-in starts past the limit with 429 and Retry-After", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0.05");
    reloadEnv();
    // 0.05 × 20: one start a minute; the first goes on to Auth.js.
    const first = await signIn("csrfToken=x&callbackUrl=%2F", { "x-forwarded-for": "192.0.2.88" });
    expect(first.status).toBe(200);
    const second = await signIn("csrfToken=x&callbackUrl=%2F", { "x-forwarded-for": "192.0.2.88" });
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await second.text()).toMatch(/^Too many sign-in attempts from your address/);
  });
});

describe("the sign-in buttons' action", () => {
  it("shares the sign-in allowance, and past it lands on the sign-in page with a message", async () => {
    vi.stubEnv("MARQUEE_IP_LIMIT_SCALE", "0.1");
    vi.stubEnv("AUTH_GOOGLE_ID", "google-id");
    vi.stubEnv("AUTH_GOOGLE_SECRET", "google-secret");
    reloadEnv();
    requestHeaders.current = new Headers({ "x-forwarded-for": "192.0.2.120" });
    // 0.1 × 20: two starts a minute.
    for (let i = 0; i < 2; i++) {
      const started = await startSignIn({ provider: "google", callbackUrl: "/films" });
      expect(started.ok && started.value.url).toBe("https://provider.example/authorize?for=google");
    }
    const refused = await startSignIn({ provider: "google", callbackUrl: "/films" });
    expect(refused.ok && refused.value.url).toBe("/signin?error=RateLimited");
    requestHeaders.current = new Headers({ "x-forwarded-for": "192.0.2.121" });
    const other = await startSignIn({ provider: "google" });
    expect(other.ok && other.value.url).toBe("https://provider.example/authorize?for=google");
  });
});
