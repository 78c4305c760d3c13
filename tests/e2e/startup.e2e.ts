import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appEnvironment, freePorts } from "./support/processes";

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
  return { code, output };
}

describe("starting in production", () => {
  it("refuses to start without AUTH_SECRET and AUTH_URL or AUTH_TRUST_HOST, naming both", async () => {
    const { code, output } = await startAndWait({});
    expect(code).toBe(1);
    expect(output).toContain("Marquee cannot start in production");
    expect(output).toMatch(/^\s+AUTH_SECRET: /m);
    expect(output).toMatch(/^\s+AUTH_URL or AUTH_TRUST_HOST: /m);
  });

  it("names only what is missing", async () => {
    const { code, output } = await startAndWait({ AUTH_TRUST_HOST: "true" });
    expect(code).toBe(1);
    expect(output).toMatch(/^\s+AUTH_SECRET: /m);
    expect(output).not.toMatch(/^\s+AUTH_URL or AUTH_TRUST_HOST: /m);
  });
});
