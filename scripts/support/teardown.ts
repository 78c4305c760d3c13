import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** One thing a script started and must stop or remove on the way out. */
export interface TeardownStep {
  name: string;
  run: () => Promise<void> | void;
}

export interface Teardown {
  /** Run last-added first, each once; a step that fails is reported and the rest still run. */
  steps: TeardownStep[];
  /** Runs the steps (every later call gets the same promise). */
  run: () => Promise<void>;
  /** Whether the steps have begun (a process exiting then is being stopped, not failing). */
  started: () => boolean;
}

/**
 * The steps a long-running script (bench, cluster, loadtest) undoes at its end,
 * also run on Ctrl-C, SIGTERM and SIGHUP, after which the process exits with
 * `exitCode`. `tag` prefixes the script's messages ("[bench] …").
 */
export function teardownOnSignals(tag: string, onSignal: string, exitCode: number): Teardown {
  const steps: TeardownStep[] = [];
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step.run();
        } catch (error) {
          console.error(`[${tag}] ${step.name} failed on the way out:`, error instanceof Error ? error.message : error);
        }
      }
    })();
    return running;
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      console.error(`\n[${tag}] ${signal}: ${onSignal}`);
      void run().then(() => process.exit(exitCode));
    });
  }
  return { steps, run, started: () => running !== undefined };
}

/** The newest modification time among the files a production build is made from. */
export function newestBuildSource(root: string): number {
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
    "instrumentation-client.ts",
    "proxy.ts",
  ]) {
    if (existsSync(path.join(root, file))) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}
