import { describe, expect, it } from "vitest";
import {
  assertProductionReady,
  deploymentId,
  missingProductionSettings,
  parseEnv,
  seedRefusal,
  trustsHost,
} from "@/lib/env";

const KEY = Buffer.alloc(32, 7).toString("base64");
/** What every instance must share besides sign-in's settings: given unless a test is about them. */
const SHARED = { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY, MARQUEE_DEPLOYMENT_ID: "2026-12-03.1" };
const production = (vars: Record<string, string>) => parseEnv({ NODE_ENV: "production", ...SHARED, ...vars });
const SECRET = "k".repeat(32);
const SITE = { MARQUEE_SITE_URL: "https://marquee.example" };
const READY = { ...SITE, AUTH_SECRET: SECRET, AUTH_TRUST_HOST: "true" };

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

  it("names the action key and the deployment id every instance must share, when nothing is set", () => {
    expect(missingProductionSettings(parseEnv({ NODE_ENV: "production" }))).toEqual([
      "AUTH_SECRET",
      "AUTH_URL or AUTH_TRUST_HOST",
      "AUTH_URL or MARQUEE_SITE_URL",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "MARQUEE_DEPLOYMENT_ID",
    ]);
    const withoutShared = parseEnv({ NODE_ENV: "production", ...READY });
    expect(missingProductionSettings(withoutShared)).toEqual([
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "MARQUEE_DEPLOYMENT_ID",
    ]);
    expect(() => assertProductionReady(withoutShared)).toThrow(
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: [\s\S]*openssl rand -base64 32[\s\S]*MARQUEE_DEPLOYMENT_ID \(or NEXT_DEPLOYMENT_ID\): /,
    );
  });

  it("takes Next's own NEXT_DEPLOYMENT_ID when MARQUEE_DEPLOYMENT_ID is unset", () => {
    const config = parseEnv({
      NODE_ENV: "production",
      ...READY,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY,
      NEXT_DEPLOYMENT_ID: "abc",
    });
    expect(missingProductionSettings(config)).toEqual([]);
    expect(deploymentId(config)).toBe("abc");
    expect(deploymentId(production({ NEXT_DEPLOYMENT_ID: "abc" }))).toBe("2026-12-03.1");
  });

  it("refuses an action key that is not 32 bytes of base64, naming the variable", () => {
    expect(() => production({ ...READY, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "secret" })).toThrow(
      /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be 32 random bytes in base64/,
    );
    expect(() =>
      production({ ...READY, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") }),
    ).toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/);
    expect(() => production({ ...READY, MARQUEE_DEPLOYMENT_ID: "two words" })).toThrow(/MARQUEE_DEPLOYMENT_ID/);
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
