import { describe, expect, it } from "vitest";
import { assertProductionReady, missingProductionSettings, parseEnv } from "@/lib/env";

const production = (vars: Record<string, string>) => parseEnv({ NODE_ENV: "production", ...vars });

describe("the production start check", () => {
  it("names AUTH_SECRET and AUTH_URL or AUTH_TRUST_HOST when both are missing", () => {
    expect(missingProductionSettings(production({}))).toEqual(["AUTH_SECRET", "AUTH_URL or AUTH_TRUST_HOST"]);
    expect(() => assertProductionReady(production({}))).toThrow(
      /Marquee cannot start in production[\s\S]*AUTH_SECRET[\s\S]*AUTH_URL or AUTH_TRUST_HOST/,
    );
  });

  it("names only what is missing", () => {
    expect(missingProductionSettings(production({ AUTH_TRUST_HOST: "true" }))).toEqual(["AUTH_SECRET"]);
    expect(missingProductionSettings(production({ AUTH_SECRET: "s3cret" }))).toEqual(["AUTH_URL or AUTH_TRUST_HOST"]);
    expect(() => assertProductionReady(production({ AUTH_SECRET: "s3cret" }))).toThrow(/AUTH_URL or AUTH_TRUST_HOST/);
    expect(() => assertProductionReady(production({ AUTH_SECRET: "s3cret" }))).not.toThrow(/AUTH_SECRET:/);
  });

  it("does not count AUTH_TRUST_HOST=false as trusting the host", () => {
    expect(missingProductionSettings(production({ AUTH_SECRET: "s", AUTH_TRUST_HOST: "false" }))).toEqual([
      "AUTH_URL or AUTH_TRUST_HOST",
    ]);
  });

  it("names the other half of a provider that is only half configured", () => {
    const ready = { AUTH_SECRET: "s", AUTH_TRUST_HOST: "true" };
    expect(missingProductionSettings(production({ ...ready, AUTH_GOOGLE_ID: "id" }))).toEqual(["AUTH_GOOGLE_SECRET"]);
    expect(missingProductionSettings(production({ ...ready, AUTH_OIDC_ISSUER: "https://id.example" }))).toEqual([
      "AUTH_OIDC_ID",
      "AUTH_OIDC_SECRET",
    ]);
    expect(
      missingProductionSettings(production({ ...ready, AUTH_TWITTER_ID: "id", AUTH_TWITTER_SECRET: "s" })),
    ).toEqual([]);
  });

  it("passes with a secret and either AUTH_URL or AUTH_TRUST_HOST", () => {
    expect(() =>
      assertProductionReady(production({ AUTH_SECRET: "s", AUTH_URL: "https://marquee.example" })),
    ).not.toThrow();
    expect(() => assertProductionReady(production({ AUTH_SECRET: "s", AUTH_TRUST_HOST: "1" }))).not.toThrow();
  });

  it("asks nothing of development", () => {
    expect(() => assertProductionReady(parseEnv({ NODE_ENV: "development" }))).not.toThrow();
  });
});
