import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { onTestFinished } from "vitest";

function portRange(): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(process.env.E2E_PORTS ?? "3100-3199");
  if (!match) throw new Error("E2E_PORTS must look like 3100-3199");
  return [Number(match[1]), Number(match[2])];
}

/** Whether nothing listens on `port` at `host` (a host family this machine lacks counts as free). */
function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code !== "EADDRINUSE" && error.code !== "EACCES"),
    );
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `count` free ports from E2E_PORTS (default 3100-3199). */
export async function freePorts(count: number): Promise<number[]> {
  const [from, to] = portRange();
  const found: number[] = [];
  for (let port = from; port <= to && found.length < count; port++) {
    if ((await isFree(port, "127.0.0.1")) && (await isFree(port, "::"))) found.push(port);
  }
  if (found.length < count) throw new Error(`No ${count} free ports in ${from}-${to} (set E2E_PORTS)`);
  return found;
}

/** The environment the app is built and started with: nothing inherited that could change its behaviour. */
export function appEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = {} as NodeJS.ProcessEnv;
  for (const [key, value] of Object.entries(process.env)) {
    // REDIS_URL and MARQUEE_REDIS_PREFIX pass: with them the suite runs on the shared cache in Redis.
    if (key !== "MARQUEE_REDIS_PREFIX" && /^(AUTH_|MARQUEE_|DATABASE_URL$|NODE_OPTIONS$|NEXT_|NODE_ENV$)/.test(key))
      continue;
    env[key] = value;
  }
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/**
 * What every instance of one build must share (the production start checks them): the
 * deployment id the build was made with (MARQUEE_DEPLOYMENT_ID from the environment, as CI
 * sets it for its build, else "marquee-e2e") and one server actions key, so a form rendered
 * by one server posts to another.
 */
export function sharedInstanceSettings(): Record<string, string> {
  return {
    MARQUEE_DEPLOYMENT_ID: process.env.MARQUEE_DEPLOYMENT_ID || "marquee-e2e",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: createHash("sha256").update("marquee-e2e actions key").digest("base64"),
  };
}

/**
 * Starts the built app (`next start`) on a free port with a fresh embedded
 * database and `env(port)` over the shared instance settings, waits until
 * `readyPath` answers 200, and stops it (SIGTERM) and removes its data
 * folder when the test ends.
 */
export async function startAppServer(
  env: (port: number) => Record<string, string>,
  { readyPath, timeoutMs }: { readyPath: string; timeoutMs: number },
): Promise<{ baseUrl: string; output: () => string }> {
  const [port] = await freePorts(1);
  const baseUrl = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "marquee-server-"));
  const child = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], {
    env: appEnvironment({
      MARQUEE_DATA_DIR: dataDir,
      MARQUEE_SEED: "none",
      NODE_ENV: "production",
      ...sharedInstanceSettings(),
      ...env(port!),
    }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  onTestFinished(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer within ${timeoutMs / 1000} s:\n${output}`);
    const answered = await fetch(`${baseUrl}${readyPath}`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { baseUrl, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
