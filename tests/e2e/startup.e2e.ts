import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { actAs, newIdentity } from "./support/auth";
import { e2e } from "./support/context";
import { appEnvironment, freePorts, sharedInstanceSettings, startAppServer } from "./support/processes";

/** Starts the built app with `env` and waits for it to exit (or kills it after `ms`). */
async function startAndWait(
  env: Record<string, string>,
  ms = 30_000,
): Promise<{ code: number | null; output: string }> {
  const [port] = await freePorts(1);
  const dataDir = mkdtempSync(path.join(tmpdir(), "marquee-startup-"));
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: appEnvironment({ MARQUEE_DATA_DIR: dataDir, NODE_ENV: "production", ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  rmSync(dataDir, { recursive: true, force: true });
  return { code, output: refusalText(output) };
}

/**
 * The server logs its refusal to start as one JSON line (lib/log.ts); its
 * message, with the line breaks it names each setting on, is what an
 * operator reads (through pino-pretty or jq). Empty when there is no such line.
 */
function refusalText(output: string): string {
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { event?: string; msg?: string; level?: string };
    if (entry.event === "startup.refused" && entry.level === "fatal") return entry.msg ?? "";
  }
  return "";
}

describe("starting in production", () => {
  it("refuses to start without AUTH_SECRET and AUTH_URL or AUTH_TRUST_HOST, naming both", async () => {
    const { code, output } = await startAndWait({});
    expect(code).toBe(1);
    expect(output).toContain("Marquee cannot start in production");
    expect(output).toMatch(/^\s+AUTH_SECRET: /m);
    expect(output).toMatch(/^\s+AUTH_URL or AUTH_TRUST_HOST: /m);
    // What instances behind a load balancer must share is named as well.
    expect(output).toMatch(/^\s+NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: /m);
    expect(output).toMatch(/^\s+MARQUEE_DEPLOYMENT_ID \(or NEXT_DEPLOYMENT_ID\): /m);
  });

  it("names only what is missing", async () => {
    const { code, output } = await startAndWait({
      AUTH_TRUST_HOST: "true",
      MARQUEE_SITE_URL: "https://marquee.example",
      ...sharedInstanceSettings(),
    });
    expect(code).toBe(1);
    expect(output).toMatch(/^\s+AUTH_SECRET: /m);
    expect(output).not.toMatch(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY|MARQUEE_DEPLOYMENT_ID/);
    expect(output).not.toMatch(/^\s+AUTH_URL or AUTH_TRUST_HOST: /m);
    expect(output).not.toMatch(/^\s+AUTH_URL or MARQUEE_SITE_URL: /m);
  });

  it("stops on AUTH_SECRET=x, naming AUTH_SECRET as too short", async () => {
    const { code, output } = await startAndWait({ AUTH_SECRET: "x", AUTH_URL: "https://marquee.example" });
    expect(code).toBe(1);
    expect(output).toMatch(/^\s+AUTH_SECRET: is shorter than 32 bytes/m);
    expect(output).not.toMatch(/AUTH_URL or/);
  });

  it("stops without a public site URL when only AUTH_TRUST_HOST is set, so links never name localhost", async () => {
    const { code, output } = await startAndWait({
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/^\s+AUTH_URL or MARQUEE_SITE_URL: /m);
  });
});

describe("a production server with AUTH_URL and no AUTH_TRUST_HOST", () => {
  it("signs a member in through the provider and knows them on the next page", async () => {
    const server = await startAppServer(
      (port) => ({
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        AUTH_URL: `http://localhost:${port}`,
        AUTH_OIDC_ISSUER: e2e().issuer,
        AUTH_OIDC_ID: e2e().oidcClient.id,
        AUTH_OIDC_SECRET: e2e().oidcClient.secret,
        AUTH_OIDC_NAME: "Local ID",
      }),
      { readyPath: "/api/auth/providers", timeoutMs: 60_000 },
    );
    const profile = mkdtempSync(path.join(tmpdir(), "marquee-chromium-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    onTestFinished(async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const ada = newIdentity("Ada");
    await actAs(context, ada);
    await page.goto(`${server.baseUrl}/signin?callbackUrl=%2Faccount`);
    await page.getByRole("main").getByRole("button", { name: "Sign in with Local ID" }).click();
    await page.waitForURL(`${server.baseUrl}/account`);
    await expect.poll(() => page.getByRole("banner").locator("summary").textContent()).toContain(ada.name);
    const session = (await (await page.request.get(`${server.baseUrl}/api/auth/session`)).json()) as {
      member?: { name: string };
    } | null;
    expect(session?.member?.name).toBe(ada.name);
    expect(server.output()).not.toContain("UntrustedHost");
  });
});
