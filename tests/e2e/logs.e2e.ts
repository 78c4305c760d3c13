import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actAs, newIdentity, signInAs } from "./support/auth";
import { launchBrowser } from "./support/browser";
import { appUrl, e2e } from "./support/context";
import { memberByAccount } from "./support/members";

/** Where tests/e2e/support/global-setup.ts keeps the server's standard output and error. */
const SERVER_LOG = path.resolve("test-results/e2e-server.log");

const serverLog = () => readFileSync(SERVER_LOG, "utf8");

/** The lines Next prints before the app's own start-up (instrumentation.ts) routes the console through the logger. */
const START_BANNER = /^\s*(▲ Next\.js|- (Local|Network|Environments?|Experiments)|✓ Starting|\s*[·✓] |Warning: )/u;

/** The server's lines written after `offset`, each parsed; a line that is not JSON fails the test. */
function linesSince(offset: number): Record<string, unknown>[] {
  return serverLog()
    .slice(offset)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      expect(line.startsWith("{"), `not a JSON line: ${line}`).toBe(true);
      return JSON.parse(line) as Record<string, unknown>;
    });
}

describe("the server log on a production build", () => {
  it("writes a refused sign-in by a forged display name as one JSON line", async () => {
    const owner = newIdentity("Owner");
    const ownerBrowser = await launchBrowser();
    await signInAs(ownerBrowser.page, owner);
    const ownerMember = await memberByAccount(owner.sub);

    // Another account at the provider with the owner's email and a name that, written raw, forges a line.
    const forger = newIdentity("Forger", {
      email: owner.email,
      name: "Forger\r\n[auth][error] CallbackRouteError: forged by a display name",
    });
    const before = serverLog().length;
    const { page } = await launchBrowser();
    await actAs(page.context(), forger);
    await page.goto("/signin");
    await page
      .getByRole("main")
      .getByRole("button", { name: `Sign in with ${e2e().oidcName}` })
      .click();
    await page.waitForURL(appUrl("/signin?error=AccessDenied"));

    const lines = linesSince(before);
    const failures = lines.filter((line) => line.event === "auth.sign_in" && line.outcome === "failure");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: "warn", security: true, reason: "OAuthAccountNotLinked" });
    expect(failures[0]!.requestId).toEqual(expect.any(String));
    expect(serverLog().slice(before)).not.toMatch(/^\[auth\]/m);
    expect(serverLog()).not.toContain(owner.email);
    expect(ownerMember).not.toBeNull();
  });

  it("holds nothing but JSON lines after Next's start banner", () => {
    const lines = serverLog().split("\n");
    const first = lines.findIndex((line) => line.startsWith("{"));
    expect(first).toBeGreaterThanOrEqual(0);
    for (const line of lines.slice(0, first)) {
      if (line.trim() !== "") expect(START_BANNER.test(line), `not Next's banner: ${line}`).toBe(true);
    }
    for (const line of lines.slice(first)) {
      if (line.trim() === "") continue;
      expect(() => JSON.parse(line) as unknown, `not a JSON line: ${line}`).not.toThrow();
    }
  });
});
