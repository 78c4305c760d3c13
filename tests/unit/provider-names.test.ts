import { afterEach, describe, expect, it } from "vitest";
import { providerNamesInWords } from "@/lib/auth/provider-info";
import { reloadEnv } from "@/lib/env";

const KEYS = [
  "AUTH_GOOGLE_ID",
  "AUTH_GOOGLE_SECRET",
  "AUTH_TWITTER_ID",
  "AUTH_TWITTER_SECRET",
  "AUTH_FACEBOOK_ID",
  "AUTH_FACEBOOK_SECRET",
];
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));

function configure(values: Record<string, string>) {
  for (const key of KEYS) delete process.env[key];
  Object.assign(process.env, values);
  reloadEnv();
}

afterEach(() => {
  for (const key of KEYS) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  reloadEnv();
});

describe("the sign-in invitation's provider names", () => {
  it("names only the providers this site offers", () => {
    configure({});
    expect(providerNamesInWords()).toBe("");
    configure({ AUTH_GOOGLE_ID: "id", AUTH_GOOGLE_SECRET: "secret" });
    expect(providerNamesInWords()).toBe("Google");
    configure({
      AUTH_GOOGLE_ID: "id",
      AUTH_GOOGLE_SECRET: "secret",
      AUTH_TWITTER_ID: "id",
      AUTH_TWITTER_SECRET: "secret",
      AUTH_FACEBOOK_ID: "id",
      AUTH_FACEBOOK_SECRET: "secret",
    });
    expect(providerNamesInWords()).toBe("Google, Twitter/X or Facebook");
  });
});
