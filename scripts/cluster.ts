/**
 * `npm run cluster`: several production instances of Marquee behind nginx,
 * sharing one PostgreSQL database and one Redis (README, "Several
 * instances"). Builds when needed, uses the machine's Redis or starts one,
 * and stops everything it started on Ctrl-C. `--check` starts the same on a
 * throwaway database, checks that a comment posted through one address is on
 * every other's page within a second, and stops.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openPostgres } from "@/db/client";
import { seedIfEmpty } from "@/db/seed";
import { checkPropagation, type CheckStep } from "./cluster/check";
import { freePorts, isFree, stopProcess } from "./cluster/processes";
import { teardownOnSignals } from "./support/teardown";
import {
  deleteRedisPrefix,
  dropDatabase,
  ensureBuild,
  ensureDatabase,
  ensureRedis,
  root,
  sharedSecrets,
  startInstance,
  startNginx,
  withDatabase,
  type Instance,
} from "./cluster/stack";

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

const teardown = teardownOnSignals("cluster", "stopping nginx, the instances and what else this started…", 0);
const cleanups = teardown.steps;
const stopAll = teardown.run;

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

  const stopRedis = await ensureRedis(redisUrl, runDir, log);
  if (stopRedis) cleanups.push({ name: "redis-server", run: stopRedis });
  if (args.check)
    cleanups.push({ name: "the check's Redis keys", run: () => deleteRedisPrefix(redisUrl, redisPrefix) });

  const secrets = sharedSecrets(runDir);
  const deploymentId = await ensureBuild({ force: args.build, runDir, secrets, log });

  const ports = await freePorts(args.ports, instanceCount, [nginxPort]);
  log(`starting ${instanceCount} instances on ports ${ports.join(", ")}…`);
  const settings = {
    databaseUrl,
    redisUrl,
    redisPrefix,
    siteUrl,
    secrets,
    deploymentId,
    runDir,
    // The check posts several comments in a row as one member.
    extra: args.check ? { MARQUEE_COMMENT_INTERVAL_SECONDS: "0" } : ({} as Record<string, string>),
  };
  const instances: Instance[] = await Promise.all(
    ports.map(async (port) => {
      const instance = await startInstance(settings, port);
      cleanups.push({ name: `instance on ${port}`, run: () => stopProcess(instance.child) });
      instance.child.once("exit", (code, signal) => {
        if (!teardown.started())
          console.error(
            `[cluster] the instance on port ${port} stopped (${code ?? signal}); its log: ${path.relative(root, instance.logFile)}`,
          );
      });
      return instance;
    }),
  );

  const proxy = await startNginx({ runDir, port: nginxPort, instancePorts: ports, microCache: args["micro-cache"] });
  // SIGQUIT: nginx finishes the requests it has, then stops.
  cleanups.push({ name: "nginx", run: () => stopProcess(proxy, "SIGQUIT", 10_000) });

  log(
    `Marquee is at ${siteUrl} (nginx, round robin over ${instances.map((i) => `127.0.0.1:${i.port}`).join(", ")}${args["micro-cache"] ? ", micro-cache on" : ""})`,
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
