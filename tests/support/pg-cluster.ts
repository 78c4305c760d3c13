import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type postgres from "postgres";

/** A PostgreSQL cluster of the test's own, on its own port: it may be stopped and started, unlike the machine's. */
export interface PostgresCluster {
  port: number;
  /** `postgres://…` of `database` on this cluster. */
  url(database?: string): string;
  /** Stops the server (fast shutdown: sessions are ended, as in a restart). */
  stop(): void;
  start(): void;
  /** Stops the server if it runs and removes its folder. */
  destroy(): void;
  /** The server's own log so far. */
  log(): string;
}

function binaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error("No PostgreSQL under /usr/lib/postgresql: apt-get install postgresql");
  return path.join(root, versions[0], "bin");
}

/**
 * initdb and pg_ctl from the machine's PostgreSQL packages, in a new folder. initdb refuses to
 * run as root, so as root they run as the `postgres` user the Debian package created.
 */
export function createPostgresCluster(port: number): PostgresCluster {
  const bin = binaries();
  const dir = mkdtempSync(path.join(tmpdir(), "marquee-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}${result.stderr}`);
    }
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const logFile = path.join(dir, "server.log");
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    "-c fsync=off",
    "-c max_connections=60",
  ].join(" ");
  const cluster: PostgresCluster = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => run("pg_ctl", ["-D", data, "-l", logFile, "-o", options, "-w", "-t", "30", "start"]),
    stop: () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "60", "stop"]),
    destroy: () => {
      spawnSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), [
        ...(asRoot ? ["-u", "postgres", "--", path.join(bin, "pg_ctl")] : []),
        "-D",
        data,
        "-m",
        "immediate",
        "stop",
      ]);
      rmSync(dir, { recursive: true, force: true });
    },
    log: () => {
      try {
        return readFileSync(logFile, "utf8");
      } catch {
        return "";
      }
    },
  };
  cluster.start();
  return cluster;
}

/**
 * Takes an ACCESS EXCLUSIVE lock on `films` in a transaction on `sql` and
 * resolves once it is granted: every other read of films then waits behind
 * it, so queries are in flight when the test stops the server. `release()`
 * ends the transaction (or finds it ended by the stop) and waits for it.
 */
export async function lockFilms(sql: postgres.Sql): Promise<{ release: () => Promise<void> }> {
  let granted = () => {};
  const lockGranted = new Promise<void>((resolve) => (granted = resolve));
  let letGo = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  const transaction = sql
    .begin(async (tx) => {
      await tx`lock table films in access exclusive mode`;
      granted();
      await held;
    })
    .then(
      () => {},
      () => {},
    )
    .finally(granted);
  await lockGranted;
  return {
    release: async () => {
      letGo();
      await transaction;
    },
  };
}
