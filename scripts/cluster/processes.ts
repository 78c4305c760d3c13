import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Whether nothing listens on `port` at 127.0.0.1. */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** `count` free ports from the range "3101-3199". */
export async function freePorts(range: string, count: number, taken: readonly number[] = []): Promise<number[]> {
  const match = /^(\d+)-(\d+)$/.exec(range);
  if (!match) throw new Error(`A port range looks like 3101-3199, not "${range}"`);
  const found: number[] = [];
  for (let port = Number(match[1]); port <= Number(match[2]) && found.length < count; port++) {
    if (!taken.includes(port) && (await isFree(port))) found.push(port);
  }
  if (found.length < count) throw new Error(`No ${count} free ports in ${range}`);
  return found;
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

/** A long-running child in a process group of its own (so stopping it stops what it started), its output in `logFile`. */
export function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const out = createWriteStream(logFile, { flags: "a" });
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

/** Sends `signal` to the child's group and waits for it to exit, then SIGKILLs it after `graceMs`. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", graceMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, signal);
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Runs a command to completion with its output in `logFile`; throws with the output's tail when it fails. */
export function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("error", reject);
    child.on("close", (code) =>
      out.end(() =>
        code === 0
          ? resolve()
          : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${tail(logFile)}`)),
      ),
    );
  });
}

/** Polls `url` until it answers 200, failing early when `child` exits. */
export async function waitForOk(url: string, child: ChildProcess, logFile: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

/** The path of a program on PATH (or in /usr/sbin, where Debian puts nginx), or null. */
export function which(program: string): string | null {
  for (const candidate of [program, `/usr/sbin/${program}`, `/usr/bin/${program}`]) {
    const found = spawnSync("sh", ["-c", `command -v ${candidate}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}
