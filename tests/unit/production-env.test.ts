import { describe, expect, it } from "vitest";
import { assertProductionReady, missingProductionSettings, parseEnv, seedRefusal, trustsHost } from "@/lib/env";

const production = (vars: Record<string, string>) => parseEnv({ NODE_ENV: "production", ...vars });
const SECRET = "k".repeat(32);
const SITE = { MARQUEE_SITE_URL: "https://marquee.example" };

describe("the production start check", () => {
  it("names AUTH_SECRET, AUTH_URL or AUTH_TRUST_HOST, and the site URL when all are missing", () => {
    expect(missingProductionSettings(production({}))).toEqual([
      "AUTH_SECRET",
      "AUTH_URL or AUTH_TRUST_HOST",
      "AUTH_URL or MARQUEE_SITE_URL",
    ]);
    expect(() => assertProductionReady(production({}))).toThrow(
      /Marquee cannot start in production[\s\S]*AUTH_SECRET[\s\S]*AUTH_URL or AUTH_TRUST_HOST[\s\S]*AUTH_URL or MARQUEE_SITE_URL/,
    );
  });

  it("names only what is missing", () => {
    expect(missingProductionSettings(production({ ...SITE, AUTH_TRUST_HOST: "true" }))).toEqual(["AUTH_SECRET"]);
    expect(missingProductionSettings(production({ ...SITE, AUTH_SECRET: SECRET }))).toEqual([
      "AUTH_URL or AUTH_TRUST_HOST",
    ]);
    expect(() => assertProductionReady(production({ AUTH_SECRET: SECRET }))).toThrow(/AUTH_URL or AUTH_TRUST_HOST/);
    expect(() => assertProductionReady(production({ AUTH_SECRET: SECRET }))).not.toThrow(/AUTH_SECRET:/);
  });

  it("stops on a secret shorter than 32 bytes, naming AUTH_SECRET", () => {
    const short = { ...SITE, AUTH_TRUST_HOST: "true", AUTH_SECRET: "x" };
    expect(missingProductionSettings(production(short))).toEqual(["AUTH_SECRET too short"]);
    expect(() => assertProductionReady(production(short))).toThrow(/AUTH_SECRET: is shorter than 32 bytes/);
    // 31 bytes is one too few; 32 is enough. Bytes, not characters: "é" is two.
    expect(missingProductionSettings(production({ ...short, AUTH_SECRET: "k".repeat(31) }))).toEqual([
      "AUTH_SECRET too short",
    ]);
    expect(missingProductionSettings(production({ ...short, AUTH_SECRET: "é".repeat(16) }))).toEqual([]);
  });

  it("requires the public site URL, from AUTH_URL or MARQUEE_SITE_URL", () => {
    const trusted = { AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true" };
    expect(missingProductionSettings(production(trusted))).toEqual(["AUTH_URL or MARQUEE_SITE_URL"]);
    expect(() => assertProductionReady(production(trusted))).toThrow(/feeds, canonical links and the sitemap/);
    expect(missingProductionSettings(production({ ...trusted, ...SITE }))).toEqual([]);
    expect(missingProductionSettings(production({ AUTH_SECRET: SECRET, AUTH_URL: "https://marquee.example" }))).toEqual(
      [],
    );
  });

  it("does not count AUTH_TRUST_HOST=false as trusting the host", () => {
    expect(missingProductionSettings(production({ ...SITE, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "false" }))).toEqual([
      "AUTH_URL or AUTH_TRUST_HOST",
    ]);
  });

  it("names the other half of a provider that is only half configured", () => {
    const ready = { ...SITE, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true" };
    expect(missingProductionSettings(production({ ...ready, AUTH_GOOGLE_ID: "id" }))).toEqual(["AUTH_GOOGLE_SECRET"]);
    expect(missingProductionSettings(production({ ...ready, AUTH_OIDC_ISSUER: "https://id.example" }))).toEqual([
      "AUTH_OIDC_ID",
      "AUTH_OIDC_SECRET",
    ]);
    expect(
      missingProductionSettings(production({ ...ready, AUTH_TWITTER_ID: "id", AUTH_TWITTER_SECRET: "s" })),
    ).toEqual([]);
  });

  it("passes with a long secret and either AUTH_URL alone or AUTH_TRUST_HOST with a site URL", () => {
    expect(() =>
      assertProductionReady(production({ AUTH_SECRET: SECRET, AUTH_URL: "https://marquee.example" })),
    ).not.toThrow();
    expect(() =>
      assertProductionReady(production({ ...SITE, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "1" })),
    ).not.toThrow();
  });

  it("asks nothing of development", () => {
    expect(() => assertProductionReady(parseEnv({ NODE_ENV: "development" }))).not.toThrow();
  });
});

describe("trusting the host", () => {
  it("trusts it in production when AUTH_URL is set, even without AUTH_TRUST_HOST", () => {
    expect(trustsHost(production({ AUTH_URL: "https://marquee.example" }))).toBe(true);
    expect(trustsHost(production({ AUTH_TRUST_HOST: "true" }))).toBe(true);
    expect(trustsHost(production({ ...SITE }))).toBe(false);
    expect(trustsHost(production({ AUTH_TRUST_HOST: "0" }))).toBe(false);
    expect(trustsHost(parseEnv({ NODE_ENV: "development" }))).toBe(true);
  });
});

describe("npm run db:seed", () => {
  it("refuses in production unless --force is given", () => {
    expect(seedRefusal(production({}), [])).toMatch(/does not run when NODE_ENV=production[\s\S]*--force/);
    expect(seedRefusal(production({}), ["--force"])).toBeNull();
    expect(seedRefusal(parseEnv({ NODE_ENV: "development" }), [])).toBeNull();
  });
});
