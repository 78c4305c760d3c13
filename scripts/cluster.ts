/**
 * `npm run cluster`: several production instances of Marquee behind nginx,
 * sharing one PostgreSQL database and one Redis (README, "Several
 * instances"). Builds when needed, uses the machine's Redis or starts one,
 * and stops everything it started on Ctrl-C. `--check` starts the same on a
 * throwaway database, checks that a comment posted through one address is on
 * every other's page within a second, and stops.
 */
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Redis from "ioredis";
import postgres from "postgres";
import { openPostgres } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { checkPropagation, type CheckStep } from "./cluster/check";
import { readTemplate, renderNginxConf } from "./cluster/nginx";
import { freePorts, isFree, runToEnd, startProcess, stopProcess, tail, waitForOk, which } from "./cluster/processes";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");
const log = (line: string) => console.log(`[cluster] ${line}`);

const { values: args } = parseArgs({
  options: {
    instances: { type: "string", default: "2" },
    port: { type: "string", default: "8080" },
    ports: { type: "string", default: "3101-3199" },
    build: { type: "boolean", default: false },
    "micro-cache": { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (args.help) {
  console.log(`npm run cluster -- [--instances=2] [--port=8080] [--ports=3101-3199] [--micro-cache] [--build] [--check]

  --instances    how many production instances (default 2)
  --port         the port nginx listens on at 127.0.0.1: the site's address (default 8080)
  --ports        the range the instances' ports are taken from (default 3101-3199)
  --micro-cache  let nginx keep visitors' pages as long as the app's Cache-Control allows
  --build        build even when .next is newer than the sources
  --check        on a throwaway database: check that a comment posted through one
                 instance (and through nginx) is on every other's page within a second, then stop

DATABASE_URL  the PostgreSQL database (default postgres://postgres@127.0.0.1:5432/marquee,
              created, migrated and given the film catalogue when new)
REDIS_URL     the shared cache (default redis://127.0.0.1:6379; a local redis-server
              is started on that port when none answers)`);
  process.exit(0);
}

const count = (value: string, name: string, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
};
const instanceCount = count(args.instances, "instances", 16);
const nginxPort = count(args.port, "port", 65535);
const runDir = path.join(root, ".data", "cluster");
const stamp = Date.now().toString(36);

// ---------------------------------------------------------------- stopping

const cleanups: { name: string; run: () => Promise<void> | void }[] = [];
let cleaning: Promise<void> | undefined;
let stopping = false;
function stopAll(): Promise<void> {
  stopping = true;
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`[cluster] stopping ${step.name} failed:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return cleaning;
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    console.error(`\n[cluster] ${signal}: stopping nginx, the instances and what else this started…`);
    void stopAll().then(() => process.exit(0));
  });
}

// ---------------------------------------------------------------- settings shared by every instance

interface Secrets {
  authSecret: string;
  actionsKey: string;
}

/** One AUTH_SECRET and one server-actions key for every instance, kept so a restart signs nobody out. */
function sharedSecrets(): Secrets {
  const file = path.join(runDir, "secrets.json");
  const fromEnv = { authSecret: process.env.AUTH_SECRET, actionsKey: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY };
  let kept: Partial<Secrets> = {};
  if (existsSync(file)) kept = JSON.parse(readFileSync(file, "utf8")) as Partial<Secrets>;
  const secrets: Secrets = {
    authSecret: fromEnv.authSecret ?? kept.authSecret ?? randomBytes(33).toString("base64"),
    // AES-256: 32 bytes, base64.
    actionsKey: fromEnv.actionsKey ?? kept.actionsKey ?? randomBytes(32).toString("base64"),
  };
  writeFileSync(file, JSON.stringify({ ...kept, ...secrets }, null, 2), { mode: 0o600 });
  return secrets;
}

// ---------------------------------------------------------------- build

function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "db", "public"])
    if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of [
    "next.config.js",
    "package-lock.json",
    "postcss.config.mjs",
    "tsconfig.json",
    "instrumentation.ts",
    "proxy.ts",
  ]) {
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

const deploymentIdFile = path.join(root, ".next", "marquee-deployment-id");

/** Why the build must be made (again), or null to reuse it. */
function needsBuild(deploymentId: string | undefined): string | null {
  if (args.build) return "--build";
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet";
  if (statSync(buildId).mtimeMs < newestSource()) return "sources are newer than .next/BUILD_ID";
  // The deployment id is compiled into the pages' script URLs: the build must have the one the instances get.
  if (!existsSync(deploymentIdFile)) return "the build has no deployment id (it was made by `npm run build`)";
  if (deploymentId && readFileSync(deploymentIdFile, "utf8").trim() !== deploymentId)
    return "NEXT_DEPLOYMENT_ID differs from the build's";
  return null;
}

// ---------------------------------------------------------------- services

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Creates the database `url` names when the server lacks it; returns whether it did. */
async function ensureDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length > 0) return false;
    // The name comes from the operator's DATABASE_URL or from this script; quote it as an identifier.
    await admin.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(withDatabase(url, "postgres"), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name.replaceAll('"', '""')}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function redisAnswers(url: string): Promise<boolean> {
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

async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
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

/** The machine's Redis at `url`, or a redis-server this script starts on its port (local addresses only). */
async function ensureRedis(url: string): Promise<void> {
  if (await redisAnswers(url)) {
    log(`Redis answers at ${url}`);
    return;
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
  cleanups.push({ name: "redis-server", run: () => stopProcess(redis) });
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) return;
    if (redis.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`redis-server did not start:\n${tail(logFile)}`);
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  mkdirSync(runDir, { recursive: true });
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/marquee";
  const databaseUrl = args.check ? withDatabase(serverUrl, `marquee_cluster_check_${stamp}`) : serverUrl;
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const basePrefix = process.env.MARQUEE_REDIS_PREFIX ?? "marquee:";
  const redisPrefix = args.check ? `${basePrefix}check-${stamp}:` : basePrefix;
  const siteUrl = `http://127.0.0.1:${nginxPort}`;
  if (!(await isFree(nginxPort))) throw new Error(`Port ${nginxPort} is taken; choose another with --port.`);
  const nginx = which("nginx");
  if (!nginx) throw new Error("nginx is not installed (apt-get install -y nginx).");

  // PostgreSQL: migrated once here, before any instance starts, so the instances find nothing to do.
  const created = await ensureDatabase(databaseUrl);
  if (args.check) cleanups.push({ name: "the check's database", run: () => dropDatabase(databaseUrl) });
  const handle = openPostgres(databaseUrl);
  try {
    log(`database ${new URL(databaseUrl).pathname.slice(1)}${created ? " (new)" : ""}: migrating…`);
    await handle.migrate();
    // The check needs the demo members; a site a person starts gets the catalogue only.
    await seedIfEmpty(handle.db, { demo: args.check, log });
  } finally {
    if (!args.check) await handle.close();
  }

  await ensureRedis(redisUrl);
  if (args.check)
    cleanups.push({ name: "the check's Redis keys", run: () => deleteRedisPrefix(redisUrl, redisPrefix) });

  const secrets = sharedSecrets();
  const requestedDeploymentId = process.env.NEXT_DEPLOYMENT_ID;
  const reason = needsBuild(requestedDeploymentId);
  let deploymentId =
    requestedDeploymentId ?? (existsSync(deploymentIdFile) ? readFileSync(deploymentIdFile, "utf8").trim() : "");
  if (reason) {
    deploymentId = requestedDeploymentId ?? `marquee-${stamp}`;
    const buildLog = path.join(runDir, "build.log");
    log(`building (${reason}; deployment ${deploymentId}; log: ${path.relative(root, buildLog)})…`);
    await runToEnd(
      nextBin,
      ["build"],
      {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DEPLOYMENT_ID: deploymentId,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secrets.actionsKey,
      },
      buildLog,
    );
    writeFileSync(deploymentIdFile, `${deploymentId}\n`);
  }

  // The instances.
  const ports = await freePorts(args.ports, instanceCount, [nginxPort]);
  const instances: { port: number; child: ChildProcess; logFile: string }[] = [];
  const instanceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    MARQUEE_REDIS_PREFIX: redisPrefix,
    AUTH_SECRET: secrets.authSecret,
    AUTH_URL: process.env.AUTH_URL ?? siteUrl,
    MARQUEE_SITE_URL: process.env.MARQUEE_SITE_URL ?? siteUrl,
    // nginx connects from here and names the client in X-Forwarded-For.
    MARQUEE_TRUSTED_PROXIES: "127.0.0.1",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: secrets.actionsKey,
    NEXT_DEPLOYMENT_ID: deploymentId,
    // The check posts several comments in a row as one member.
    ...(args.check ? { MARQUEE_COMMENT_INTERVAL_SECONDS: "0" } : {}),
  };
  for (const port of ports) {
    const logFile = path.join(runDir, `instance-${port}.log`);
    writeFileSync(logFile, "");
    const child = startProcess(
      nextBin,
      ["start", "-p", String(port), "-H", "127.0.0.1"],
      { ...instanceEnv, PORT: String(port) },
      logFile,
    );
    cleanups.push({ name: `instance on ${port}`, run: () => stopProcess(child) });
    child.once("exit", (code, signal) => {
      if (!stopping)
        console.error(
          `[cluster] the instance on port ${port} stopped (${code ?? signal}); its log: ${path.relative(root, logFile)}`,
        );
    });
    instances.push({ port, child, logFile });
  }
  log(`starting ${instanceCount} instances on ports ${ports.join(", ")}…`);
  await Promise.all(instances.map((i) => waitForOk(`http://127.0.0.1:${i.port}/robots.txt`, i.child, i.logFile)));

  // nginx, as a plain process with a configuration of its own.
  const nginxDir = path.join(runDir, "nginx");
  for (const dir of ["", "client-body", "proxy", "fastcgi", "uwsgi", "scgi", "micro-cache"])
    mkdirSync(path.join(nginxDir, dir), { recursive: true });
  const conf = renderNginxConf(readTemplate(path.join(root, "deploy", "nginx.conf")), {
    runDir: nginxDir,
    listen: `127.0.0.1:${nginxPort}`,
    instances: ports.map((port) => ({ host: "127.0.0.1", port })),
    microCache: args["micro-cache"],
  });
  const confFile = path.join(nginxDir, "nginx.conf");
  writeFileSync(confFile, conf);
  // Started as root, nginx's workers run as nobody: they need to write their temporary files and cache.
  if (process.getuid?.() === 0) {
    for (const dir of ["client-body", "proxy", "fastcgi", "uwsgi", "scgi", "micro-cache"])
      chownSync(path.join(nginxDir, dir), 65534, 65534);
  }
  const nginxLog = path.join(nginxDir, "error.log");
  writeFileSync(nginxLog, "");
  const proxy = startProcess(nginx, ["-c", confFile, "-g", "daemon off;"], process.env, nginxLog);
  // SIGQUIT: nginx finishes the requests it has, then stops.
  cleanups.push({ name: "nginx", run: () => stopProcess(proxy, "SIGQUIT", 10_000) });
  await waitForOk(`${siteUrl}/robots.txt`, proxy, nginxLog, 15_000);

  log(
    `Marquee is at ${siteUrl} (nginx, round robin over ${ports.map((p) => `127.0.0.1:${p}`).join(", ")}${args["micro-cache"] ? ", micro-cache on" : ""})`,
  );
  log(`logs and nginx's configuration: ${path.relative(root, runDir)}/; Ctrl-C stops everything`);

  if (!args.check) return new Promise<number>(() => {});

  const addresses = [
    ...ports.map((port, i) => ({ name: `instance ${i + 1}`, url: `http://127.0.0.1:${port}` })),
    { name: "nginx", url: siteUrl },
  ];
  let steps: CheckStep[];
  try {
    steps = await checkPropagation(root, handle.db, addresses, log);
  } finally {
    await handle.close();
  }
  const failed = steps.filter((step) => !step.ok);
  const slowest = Math.max(...steps.map((step) => step.ms));
  log(
    failed.length === 0
      ? `check passed: ${steps.length} reads, the slowest ${Math.round(slowest)} ms after the post's answer`
      : `check FAILED: ${failed.length} of ${steps.length}`,
  );
  return failed.length === 0 ? 0 : 1;
}

main()
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
    await stopAll();
    process.exit(1);
  });
