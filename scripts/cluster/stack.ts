import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import Redis from "ioredis";
import postgres from "postgres";
import { readTemplate, renderNginxConf } from "./nginx";
import { newestBuildSource } from "../support/teardown";
import { runToEnd, startProcess, stopProcess, tail, waitForOk, which } from "./processes";

/**
 * The pieces of a cluster, shared by `npm run cluster` and `npm run loadtest`:
 * the database and Redis they need, one build, the instances and nginx.
 */

export const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");

// ---------------------------------------------------------------- PostgreSQL and Redis

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Creates the database `url` names when its server lacks it; returns whether it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length > 0) return false;
    // The name comes from the operator's DATABASE_URL or from these scripts; quoted as an identifier.
    await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${databaseName(url).replaceAll('"', '""')}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

/**
 * The machine's Redis at `url`, or a redis-server started on its port (local
 * addresses only). Returns how to stop the one it started, or null.
 */
export async function ensureRedis(
  url: string,
  runDir: string,
  log: (line: string) => void,
): Promise<(() => Promise<void>) | null> {
  if (await redisAnswers(url)) {
    log(`Redis answers at ${url}`);
    return null;
  }
  const parsed = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(parsed.hostname)) {
    throw new Error(`No Redis answers at ${url}, and it is not on this machine, so none can be started for it.`);
  }
  const server = which("redis-server");
  if (!server)
    throw new Error(`No Redis answers at ${url}, and redis-server is not installed (apt-get install -y redis-server).`);
  const port = Number(parsed.port || 6379);
  const logFile = path.join(runDir, "redis.log");
  log(`no Redis at ${url}: starting redis-server on port ${port} (its log: ${path.relative(root, logFile)})`);
  // A cache and counters that may be lost: no snapshots, no append-only file.
  const redis = startProcess(
    server,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    process.env,
    logFile,
  );
  const stop = () => stopProcess(redis);
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) return stop;
    if (redis.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`redis-server did not start:\n${tail(logFile)}`);
}

// ---------------------------------------------------------------- what every instance shares

export interface Secrets {
  authSecret: string;
  actionsKey: string;
}

/** One AUTH_SECRET and one server-actions key for every instance, kept in `runDir` so a restart signs nobody out. */
export function sharedSecrets(runDir: string): Secrets {
  const file = path.join(runDir, "secrets.json");
  let kept: Partial<Secrets> = {};
  if (existsSync(file)) kept = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  const secrets: Secrets = {
    authSecret: process.env.AUTH_SECRET ?? kept.authSecret ?? randomBytes(33).toString("base64"),
    // AES-256: 32 bytes, base64.
    actionsKey: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? kept.actionsKey ?? randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify({ ...kept, ...secrets }, null, 2), { mode: 0o600 });
  return secrets;
}

// ---------------------------------------------------------------- build

/** The deployment id a build was made with, as Next recorded it in the build itself (null: none). */
function builtDeploymentId(): string | null {
  const file = path.join(root, ".next", "required-server-files.json");
  if (!existsSync(file)) return null;
  try {
    const recorded = JSON.parse(readFileSync(file, "utf8")) as { config?: { deploymentId?: unknown } };
    const id = recorded.config?.deploymentId;
    return typeof id === "string" && id !== "" ? id : null;
  } catch {
    return null;
  }
}

/** The deployment id asked for in the environment (Next's own name first, then ours; lib/env.ts reads both). */
function requestedDeploymentId(): string | undefined {
  return process.env.NEXT_DEPLOYMENT_ID || process.env.MARQUEE_DEPLOYMENT_ID || undefined;
}

/** Why the build must be made (again), or null to reuse it. */
function needsBuild(force: boolean, deploymentId: string | undefined): string | null {
  if (force) return "--build";
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  if (statSync(buildId).mtimeMs < newestBuildSource(root)) return "sources are newer than .next/BUILD_ID";
  if (existsSync(path.join(root, ".next", "standalone"))) return "the build is a standalone one (the Dockerfile's)";
  // The deployment id is compiled into the pages' script URLs: the build must have the one the instances get.
  const built = builtDeploymentId();
  if (!built) return "the build has no deployment id (set MARQUEE_DEPLOYMENT_ID when building)";
  if (deploymentId && built !== deploymentId) return `the build's deployment id is ${built}, not ${deploymentId}`;
  return null;
}

/** Builds when needed (with one deployment id and the shared actions key); returns the build's deployment id. */
export async function ensureBuild(options: {
  force: boolean;
  runDir: string;
  secrets: Secrets;
  log: (line: string) => void;
}): Promise<string> {
  const requested = requestedDeploymentId();
  const reason = needsBuild(options.force, requested);
  if (!reason) return requested ?? builtDeploymentId()!;
  const deploymentId = requested ?? `marquee-${Date.now().toString(36)}`;
  const buildLog = path.join(options.runDir, "build.log");
  options.log(`building (${reason}; deployment ${deploymentId}; log: ${path.relative(root, buildLog)})…`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    MARQUEE_DEPLOYMENT_ID: deploymentId,
    NEXT_DEPLOYMENT_ID: deploymentId,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: options.secrets.actionsKey,
  };
  delete env.MARQUEE_STANDALONE;
  await runToEnd(nextBin, ["build"], env, buildLog);
  return deploymentId;
}

// ---------------------------------------------------------------- instances and nginx

export interface InstanceSettings {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  siteUrl: string;
  secrets: Secrets;
  deploymentId: string;
  runDir: string;
  /** More environment for every instance (the load test's shorter limits, say). */
  extra?: Record<string, string>;
}

export interface Instance {
  port: number;
  child: ChildProcess;
  logFile: string;
}

/** Starts one `next start` on 127.0.0.1:`port` with what every instance must agree on; waits until it answers. */
export async function startInstance(settings: InstanceSettings, port: number): Promise<Instance> {
  const logFile = path.join(settings.runDir, `instance-${port}.log`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: settings.redisUrl,
    MARQUEE_REDIS_PREFIX: settings.redisPrefix,
    AUTH_SECRET: settings.secrets.authSecret,
    AUTH_URL: process.env.AUTH_URL ?? settings.siteUrl,
    MARQUEE_SITE_URL: process.env.MARQUEE_SITE_URL ?? settings.siteUrl,
    // nginx connects from here and names the client in X-Forwarded-For.
    MARQUEE_TRUSTED_PROXIES: "127.0.0.1",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: settings.secrets.actionsKey,
    MARQUEE_DEPLOYMENT_ID: settings.deploymentId,
    NEXT_DEPLOYMENT_ID: settings.deploymentId,
    ...settings.extra,
  };
  const child = startProcess(nextBin, ["start", "-p", String(port), "-H", "127.0.0.1"], env, logFile);
  await waitForOk(`http://127.0.0.1:${port}/api/health/ready`, child, logFile);
  return { port, child, logFile };
}

/** nginx as a plain process with deploy/nginx.conf filled in; waits until it answers. */
export async function startNginx(options: {
  runDir: string;
  port: number;
  instancePorts: number[];
  microCache: boolean;
}): Promise<ChildProcess> {
  const nginx = which("nginx");
  if (!nginx) throw new Error("nginx is not installed (apt-get install -y nginx).");
  const nginxDir = path.join(options.runDir, "nginx");
  const workDirs = ["client-body", "proxy", "fastcgi", "uwsgi", "scgi", "micro-cache"];
  for (const dir of ["", ...workDirs]) mkdirSync(path.join(nginxDir, dir), { recursive: true });
  const conf = renderNginxConf(readTemplate(path.join(root, "deploy", "nginx.conf")), {
    runDir: nginxDir,
    listen: `127.0.0.1:${options.port}`,
    instances: options.instancePorts.map((port) => ({ host: "127.0.0.1", port })),
    microCache: options.microCache,
  });
  const confFile = path.join(nginxDir, "nginx.conf");
  writeFileSync(confFile, conf);
  // Started as root, nginx's workers run as nobody: they need to write their temporary files and cache.
  if (process.getuid?.() === 0) for (const dir of workDirs) chownSync(path.join(nginxDir, dir), 65534, 65534);
  const logFile = path.join(nginxDir, "error.log");
  writeFileSync(logFile, "");
  const proxy = startProcess(nginx, ["-c", confFile, "-g", "daemon off;"], process.env, logFile);
  await waitForOk(`http://127.0.0.1:${options.port}/robots.txt`, proxy, logFile, 15_000);
  return proxy;
}
