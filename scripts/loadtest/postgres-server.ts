import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of the load test's own (initdb and pg_ctl from the
 * machine's packages) on a free port, so the test can restart it without
 * touching the machine's main server. As root, it runs as the postgres user,
 * since PostgreSQL refuses to run as root.
 */
export interface PostgresServer {
  url: (database: string) => string;
  restart(): Promise<{ downMs: number }>;
  stop(): Promise<void>;
}

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = path.join(base, version, "bin");
    if (existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  throw new Error("initdb and pg_ctl were not found under /usr/lib/postgresql (apt-get install -y postgresql).");
}

function run(bin: string, args: string[], asPostgres: boolean): void {
  const command = asPostgres ? "runuser" : bin;
  const full = asPostgres ? ["-u", "postgres", "--", bin, ...args] : args;
  const result = spawnSync(command, full, { encoding: "utf8" });
  if (result.status !== 0)
    throw new Error(`${path.basename(bin)} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

export async function startPostgresServer(port: number): Promise<PostgresServer> {
  const bin = binDir();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), "marquee-loadtest-pg-"));
  if (asPostgres) {
    const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gids = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    chownSync(dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const data = path.join(dir, "data");
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], asPostgres);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`;
  const pgCtl = (args: string[]) =>
    run(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "server.log"), ...args], asPostgres);
  pgCtl(["-o", options, "-w", "start"]);
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async restart() {
      const started = performance.now();
      // Fast shutdown: open connections are cut, as when a database fails over or is upgraded.
      pgCtl(["-m", "fast", "-w", "-o", options, "restart"]);
      return { downMs: performance.now() - started };
    },
    async stop() {
      try {
        pgCtl(["-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
