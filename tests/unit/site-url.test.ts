import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { siteUrl } from "@/lib/site";

afterEach(() => {
  vi.unstubAllEnvs();
  reloadEnv();
});

function withEnv(vars: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  reloadEnv();
}

describe("siteUrl", () => {
  it("follows the port the development server listens on when no site URL is set", () => {
    withEnv({ MARQUEE_SITE_URL: undefined, AUTH_URL: undefined, PORT: "3005" });
    expect(siteUrl()).toBe("http://localhost:3005");
  });

  it("reads the port when asked, so a port chosen after start-up still counts", () => {
    withEnv({ MARQUEE_SITE_URL: undefined, AUTH_URL: undefined, PORT: undefined });
    expect(siteUrl()).toBe("http://localhost:3000");
    vi.stubEnv("PORT", "4100");
    expect(siteUrl()).toBe("http://localhost:4100");
  });

  it("prefers MARQUEE_SITE_URL, then AUTH_URL, over the port, without a trailing slash", () => {
    withEnv({ MARQUEE_SITE_URL: "https://marquee.example/", AUTH_URL: "https://auth.example", PORT: "3005" });
    expect(siteUrl()).toBe("https://marquee.example");
    withEnv({ MARQUEE_SITE_URL: undefined, AUTH_URL: "https://auth.example", PORT: "3005" });
    expect(siteUrl()).toBe("https://auth.example");
  });

  it("ignores a PORT that is not a port", () => {
    withEnv({ MARQUEE_SITE_URL: undefined, AUTH_URL: undefined, PORT: "http" });
    expect(siteUrl()).toBe("http://localhost:3000");
  });
});
