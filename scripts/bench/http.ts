import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import autocannon from "autocannon";

type EncodeReply = (value: unknown) => Promise<string | FormData>;

/**
 * React's own encoder for server-action arguments, from the copy Next.js
 * bundles (the one its server decodes with), so the request is what a browser
 * sends whatever React's internal format is in this version.
 */
function reactEncodeReply(root: string): EncodeReply {
  const require = createRequire(path.join(root, "package.json"));
  for (const id of [
    "next/dist/compiled/react-server-dom-turbopack/client.node.js",
    "next/dist/compiled/react-server-dom-webpack/client.node.js",
  ]) {
    try {
      const client = require(id) as { encodeReply?: EncodeReply };
      if (typeof client.encodeReply === "function") return client.encodeReply;
    } catch {
      // Try the next bundle.
    }
  }
  throw new Error("Cannot find React's encodeReply in next/dist/compiled (react-server-dom-*/client.node.js).");
}
let encodeReply: EncodeReply | undefined;

export interface LoadResult {
  label: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  non2xx: number;
  /** Requests that timed out or failed at the socket. */
  errors: number;
  /** Uncompressed bytes of one response, fetched after the warm-up. */
  bytes: number;
  /** Set when the figures are not a full load run (a very slow page); says what they are. */
  note?: string;
}

/**
 * Warms a URL with `concurrency` loops of GETs for about `seconds`, waiting for
 * every answer, so no abandoned request is still rendering when the measured run starts.
 */
export async function warm(
  url: string,
  seconds: number,
  concurrency: number,
  headers: Record<string, string> = {},
): Promise<void> {
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      do await probe(url, headers, 60_000);
      while (performance.now() < until);
    }),
  );
}

/** Runs autocannon against `url` and returns the figures the table prints. */
export async function load(
  url: string,
  options: { connections: number; durationSeconds: number; headers?: Record<string, string>; timeoutSeconds?: number },
): Promise<Omit<LoadResult, "label" | "path" | "bytes">> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    timeout: options.timeoutSeconds ?? 20,
  });
  // autocannon 8 reports per-status counts in statusCodeStats (missing from its 7.x types).
  const stats = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const statuses: Record<string, number> = {};
  for (const [code, entry] of Object.entries(stats)) statuses[code] = entry.count;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One GET: its status, uncompressed body and how long it took (ms). */
export async function probe(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, body, ms: performance.now() - started };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    return { status: name === "TimeoutError" ? -1 : 0, body: "", ms: performance.now() - started };
  }
}

export interface ActionRef {
  id: string;
  exportedName: string;
  filename: string;
}

/**
 * The id of the comment-posting server action in this build: the export whose
 * name starts with `postComment` that the review page uses. Throws with a clear
 * message when the build has none.
 */
export function findPostCommentAction(root: string): ActionRef {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  let manifest: {
    node?: Record<string, { workers?: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  try {
    manifest = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read ${file} (${(error as Error).message}); is the build complete?`);
  }
  const candidates = Object.entries(manifest.node ?? {})
    .filter(([, entry]) => entry.exportedName?.startsWith("postComment"))
    .filter(([, entry]) => Object.keys(entry.workers ?? {}).some((w) => w.startsWith("app/reviews/[id]/")))
    .map(([id, entry]) => ({ id, exportedName: entry.exportedName!, filename: entry.filename ?? "?" }));
  if (candidates.length === 0) {
    throw new Error(
      `No server action whose name starts with "postComment" is used by app/reviews/[id] in ${file}; ` +
        "the benchmark posts comments through it. Was it renamed? Update scripts/bench/http.ts.",
    );
  }
  return candidates.find((c) => c.exportedName === "postCommentAction") ?? candidates[0]!;
}

export interface PostOutcome {
  status: number;
  ms: number;
  /** The action's answer said ok. */
  ok: boolean;
  message: string;
}

/** Finds the action's return value in an RSC (text/x-component) response. */
export function actionResult(payload: string): { ok?: unknown; message?: unknown } | null {
  const rows = new Map<string, unknown>();
  for (const line of payload.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!match) continue;
    try {
      rows.set(match[1]!, JSON.parse(match[2]!));
    } catch {
      // Text, module or hint rows.
    }
  }
  const head = rows.get("0") as { a?: unknown } | undefined;
  if (head && typeof head.a === "string" && head.a.startsWith("$@")) {
    const value = rows.get(head.a.slice(2));
    if (value && typeof value === "object") return value as { ok?: unknown; message?: unknown };
  }
  for (const value of rows.values()) {
    if (value && typeof value === "object" && typeof (value as { ok?: unknown }).ok === "boolean") {
      return value as { ok?: unknown };
    }
  }
  return null;
}

/**
 * Posts a comment the way the page's form does with JavaScript: a POST to the
 * review page with the action's id in `Next-Action` and the arguments
 * (`useActionState`'s previous state, null, and the form's fields) encoded by
 * React's `encodeReply`, as the browser's router does.
 */
export async function postComment(
  baseUrl: string,
  action: ActionRef,
  sessionCookie: string,
  fields: { reviewId: number; parentId?: number; body: string },
): Promise<PostOutcome> {
  const form = new FormData();
  form.set("reviewId", String(fields.reviewId));
  form.set("parentId", fields.parentId === undefined ? "" : String(fields.parentId));
  form.set("body", fields.body);
  encodeReply ??= reactEncodeReply(process.cwd());
  const encoded = await encodeReply([null, form]);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/reviews/${fields.reviewId}`, {
      method: "POST",
      headers: {
        "Next-Action": action.id,
        Accept: "text/x-component",
        Origin: baseUrl,
        Cookie: sessionCookie,
      },
      body: encoded,
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const payload = await response.text();
    const ms = performance.now() - started;
    const result = response.ok ? actionResult(payload) : null;
    return {
      status: response.status,
      ms,
      ok: result?.ok === true,
      message:
        typeof result?.message === "string"
          ? result.message
          : response.ok
            ? "(no action result)"
            : payload.slice(0, 120),
    };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, ok: false, message: (error as Error).message };
  }
}
