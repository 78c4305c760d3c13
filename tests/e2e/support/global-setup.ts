import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startOidcProvider } from "./oidc-provider";
import { appEnvironment, freePorts, sharedInstanceSettings } from "./processes";

/** What every *.e2e.ts file gets through `inject("e2e")` (see ./context.ts). */
export interface E2EContext {
  /** The app under test, e.g. http://localhost:3101 */
  baseUrl: string;
  /** The local OpenID Connect issuer, e.g. http://127.0.0.1:3102 */
  issuer: string;
  /** The name of the OIDC provider as the sign-in buttons show it. */
  oidcName: string;
  /** The app's client of the local OIDC provider: the secret is made anew for each run, never kept in the code. */
  oidcClient: { id: string; secret: string };
  /** The dummy client ids the app was given for the real providers. */
  clientIds: { google: string; twitter: string; facebook: string };
  database: { kind: "pglite"; bridgeUrl: string } | { kind: "postgres"; url: string };
}

declare module "vitest" {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}

const root = process.cwd();
const resultsDir = path.join(root, "test-results");
const nextBin = path.join(root, "node_modules", ".bin", "next");

const log = (line: string) => console.log(`[e2e] ${line}`);

/** Runs a command to completion, its output going to `logFile`; throws with the output's tail on failure. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("error", reject);
    child.on("close", (code) => {
      out.end(() => {
        if (code === 0) resolve();
        else reject(new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${code}):\n${tail(logFile)}`));
      });
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

async function waitUntilReady(url: string, server: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${tail(logFile)}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The app did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

/**
 * One production build, one local OIDC provider, one fresh database and one
 * `next start` for the whole e2e run; torn down (database dropped, folders
 * removed, processes stopped) afterwards.
 *
 * DATABASE_URL set: a uniquely named database on that server, migrated and
 * seeded with `db:seed` and `db:import`. Otherwise: embedded PGlite in a new
 * tmp MARQUEE_DATA_DIR, which the app migrates and seeds on start.
 * E2E_SKIP_BUILD=1 reuses the last `.next` build (when only tests changed).
 */
export default async function setup(project: TestProject) {
  mkdirSync(resultsDir, { recursive: true });
  const cleanups: (() => Promise<void> | void)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("[e2e] cleanup failed:", error);
      }
    }
  };

  try {
    const [appPort, issuerPort, bridgePort] = await freePorts(3);
    const baseUrl = `http://localhost:${appPort}`;
    const dataDir = mkdtempSync(path.join(tmpdir(), "marquee-e2e-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const oidc = await startOidcProvider(issuerPort!);
    cleanups.push(() => oidc.stop());
    log(`OpenID Connect provider at ${oidc.issuer}`);

    const serverUrl = process.env.DATABASE_URL;
    let database: E2EContext["database"];
    // The production build seeds only the catalogue unless told otherwise; the journeys need the demo data.
    const dbEnv: Record<string, string> = { MARQUEE_DATA_DIR: path.join(dataDir, "data"), MARQUEE_SEED: "demo" };
    if (serverUrl) {
      const name = `marquee_e2e_${process.pid}_${Date.now().toString(36)}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      cleanups.push(async () => {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      });
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      dbEnv.DATABASE_URL = url.toString();
      const scriptEnv = appEnvironment({ ...dbEnv, NODE_ENV: "production" });
      log(`database ${name}: migrating and seeding (db:seed, db:import)…`);
      // A throwaway database the journeys need demo members in: --force, which a real server never gets.
      await run("npm", ["run", "db:seed", "--", "--force"], scriptEnv, path.join(resultsDir, "e2e-db-seed.log"));
      await run("npm", ["run", "db:import"], scriptEnv, path.join(resultsDir, "e2e-db-import.log"));
      database = { kind: "postgres", url: url.toString() };
    } else {
      database = { kind: "pglite", bridgeUrl: `http://127.0.0.1:${bridgePort}` };
    }

    const oidcName = "Marquee Test ID";
    const oidcClient = { id: "marquee-e2e", secret: randomBytes(24).toString("base64url") };
    const clientIds = { google: "e2e-google-client", twitter: "e2e-twitter-client", facebook: "e2e-facebook-client" };
    const appEnv = appEnvironment({
      ...dbEnv,
      ...sharedInstanceSettings(),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      AUTH_OIDC_ISSUER: oidc.issuer,
      AUTH_OIDC_ID: oidcClient.id,
      AUTH_OIDC_SECRET: oidcClient.secret,
      AUTH_OIDC_NAME: oidcName,
      AUTH_GOOGLE_ID: clientIds.google,
      AUTH_GOOGLE_SECRET: "e2e-google-secret",
      AUTH_TWITTER_ID: clientIds.twitter,
      AUTH_TWITTER_SECRET: "e2e-twitter-secret",
      AUTH_FACEBOOK_ID: clientIds.facebook,
      AUTH_FACEBOOK_SECRET: "e2e-facebook-secret",
      MARQUEE_SITE_URL: baseUrl,
      // A short posting interval keeps the journeys quick; the limit itself is still on.
      MARQUEE_COMMENT_INTERVAL_SECONDS: "2",
      // Every journey comes from 127.0.0.1: fifty times the per-address limits, still on.
      MARQUEE_IP_LIMIT_SCALE: "50",
    });

    if (process.env.E2E_SKIP_BUILD === "1") {
      log("E2E_SKIP_BUILD=1: using the existing .next build");
    } else {
      log("next build…");
      const started = Date.now();
      await run(nextBin, ["build"], appEnv, path.join(resultsDir, "e2e-build.log"));
      log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }

    const serverLog = path.join(resultsDir, "e2e-server.log");
    const serverEnv: NodeJS.ProcessEnv = { ...appEnv, NODE_ENV: "production" };
    if (database.kind === "pglite") {
      serverEnv.MARQUEE_E2E_BRIDGE_PORT = String(bridgePort);
      serverEnv.NODE_OPTIONS = `--import=${pathToFileURL(path.join(root, "tests/e2e/support/pglite-bridge.mjs")).href}`;
    }
    const out = createWriteStream(serverLog);
    const server = spawn(nextBin, ["start", "-p", String(appPort)], {
      cwd: root,
      env: serverEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.stdout!.pipe(out);
    server.stderr!.pipe(out);
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          if (server.exitCode !== null || server.pid === undefined) return resolve();
          server.once("exit", () => resolve());
          process.kill(-server.pid, "SIGTERM");
          setTimeout(() => {
            if (server.exitCode === null) process.kill(-server.pid!, "SIGKILL");
          }, 5000).unref();
        }),
    );
    log(`next start on ${baseUrl} (${database.kind}); log in test-results/e2e-server.log`);
    await waitUntilReady(`${baseUrl}/api/auth/providers`, server, serverLog, 240_000);
    log("ready");

    project.provide("e2e", { baseUrl, issuer: oidc.issuer, oidcName, oidcClient, clientIds, database });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
