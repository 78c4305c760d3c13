// No "server-only" here: start-up (instrumentation.ts) installs it.
import { reportFault } from "./faults";

type CloseHook = { name: string; close: () => Promise<void> };

const globalForShutdown = globalThis as typeof globalThis & {
  __marqueeShutdown?: { hooks: CloseHook[]; draining: boolean; installed: boolean };
};
// On globalThis: route bundles and start-up may hold separate copies of this module.
const state = (globalForShutdown.__marqueeShutdown ??= { hooks: [], draining: false, installed: false });

/** How long a SIGTERM waits for the requests in flight before closing anyway. */
export const DRAIN_LIMIT_MS = 10_000;

/**
 * Registers something to close when the server stops (the database pool, a
 * Redis client), after the last request in flight has been answered. Hooks
 * run in the reverse order of registration, each given up to 5 s.
 */
export function onShutdown(name: string, close: () => Promise<void>): void {
  state.hooks.push({ name, close });
}

/** True once SIGTERM arrived: readiness answers 503 so a load balancer stops sending requests. */
export function isDraining(): boolean {
  return state.draining;
}

async function runHooks(): Promise<void> {
  for (const hook of [...state.hooks].reverse()) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        hook.close(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("did not close within 5 s")), 5_000);
        }),
      ]);
    } catch (error) {
      reportFault("shutdown_hook_failed", { hook: hook.name, error });
    } finally {
      clearTimeout(timer);
    }
  }
  state.hooks = [];
}

/**
 * Makes SIGTERM a clean stop. `next start` (16.4) answers SIGTERM by closing
 * its HTTP server at once, which stops accepting, drops every connection it
 * has not read a request from yet (a request a load balancer just sent is
 * reset), waits for the requests in flight with no time limit, and then
 * calls process.exit(143) with nothing of ours closed. Here SIGTERM first
 * starts draining: readiness answers 503 while the server keeps answering
 * for `graceMs`, long enough for a load balancer to stop sending and for
 * requests already sent to be read. Then Next's own handler closes the
 * server; the process.exit it ends with runs the close hooks and exits 0.
 * If the requests in flight are not done within DRAIN_LIMIT_MS after that,
 * the hooks run and the process exits anyway (still 0: what could be
 * answered was; the fault is logged).
 */
export function installShutdown(graceMs: number): void {
  if (state.installed) return;
  state.installed = true;
  const exit = process.exit.bind(process);
  // Next's handler, registered before the app starts: it runs after the grace period instead of at once.
  const deferred = process.listeners("SIGTERM");
  process.removeAllListeners("SIGTERM");
  let stopping: Promise<never> | undefined;
  const stop = (reason: "drained" | "deadline"): Promise<never> => {
    stopping ??= (async () => {
      if (reason === "deadline") reportFault("shutdown_deadline", { waitedMs: DRAIN_LIMIT_MS });
      await runHooks();
      return exit(0);
    })();
    return stopping;
  };
  process.once("SIGTERM", () => {
    state.draining = true;
    process.exit = ((code?: number | string | null) => {
      // Next's own exit after its server closed; any other code path that exits keeps its code.
      if (code === 143) {
        void stop("drained");
        return undefined as never;
      }
      return exit(code ?? undefined);
    }) as typeof process.exit;
    setTimeout(() => {
      if (deferred.length === 0) void stop("drained");
      for (const handler of deferred) handler("SIGTERM");
      setTimeout(() => void stop("deadline"), DRAIN_LIMIT_MS).unref();
    }, graceMs);
  });
}
