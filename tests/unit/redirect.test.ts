import { describe, expect, it } from "vitest";
import { localPath, sameOriginRedirect } from "@/lib/auth/redirect";

const baseUrl = "http://localhost:3000";
const redirectTo = (url: string) => sameOriginRedirect({ url, baseUrl });

describe("the Auth.js redirect callback", () => {
  it("keeps paths and full URLs on our own origin", () => {
    expect(redirectTo("/account")).toBe("http://localhost:3000/account");
    expect(redirectTo("/films/her?sort=likes#reviews")).toBe("http://localhost:3000/films/her?sort=likes#reviews");
    expect(redirectTo("http://localhost:3000/admin?q=maya")).toBe("http://localhost:3000/admin?q=maya");
  });

  it("sends every other origin home", () => {
    for (const url of [
      "https://evil.example",
      "https://evil.example/account",
      "//evil.example",
      "//evil.example/account",
      "/\\evil",
      "/\\evil.example/account",
      "\\\\evil.example",
      "/\t/evil.example",
      "http://localhost:3001/account",
      "https://localhost:3000/account",
      "http://localhost:3000@evil.example/",
      "javascript:alert(1)",
      "data:text/html,hi",
    ]) {
      expect(redirectTo(url), url).toBe("http://localhost:3000");
    }
  });

  it("sends a URL it cannot parse home", () => {
    expect(redirectTo("http://[::1")).toBe("http://localhost:3000");
  });
});

describe("localPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(localPath("/account")).toBe("/account");
    expect(localPath("/films/her?x=1#top")).toBe("/films/her?x=1#top");
  });

  it("accepts a full URL only on the given origin", () => {
    expect(localPath("http://localhost:3000/account", { origin: baseUrl })).toBe("/account");
    expect(localPath("http://localhost:3000/account")).toBe("/");
  });

  it("falls back for other origins, protocol-relative and backslash tricks, and junk", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil",
      "/.//evil.example",
      "/./\\evil.example",
      "http://localhost:3000//evil.example",
      "javascript:alert(1)",
      "",
      42,
      null,
      undefined,
    ]) {
      expect(localPath(value, { origin: baseUrl, fallback: "/signin" }), String(value)).toBe("/signin");
    }
  });
});
