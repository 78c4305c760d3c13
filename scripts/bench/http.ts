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

type ManifestEntry = { workers?: Record<string, unknown>; exportedName?: string; filename?: string };

function readActionManifest(root: string): Record<string, ManifestEntry> {
  const file = path.join(root, ".next", "server", "server-reference-manifest.json");
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, ManifestEntry> }).node ?? {};
  } catch (error) {
    throw new Error(`Cannot read ${file} (${(error as Error).message}); is the build complete?`);
  }
}

/**
 * The id of a server action in this build: the export whose name starts with
 * `namePrefix` that a page under `route` (such as "app/reviews/[id]/") uses,
 * preferring the export named exactly `preferred`. Throws with a clear message
 * when the build has none.
 */
export function findAction(root: string, namePrefix: string, route: string, preferred?: string): ActionRef {
  const candidates = Object.entries(readActionManifest(root))
    .filter(([, entry]) => entry.exportedName?.startsWith(namePrefix))
    .filter(([, entry]) => Object.keys(entry.workers ?? {}).some((w) => w.startsWith(route)))
    .map(([id, entry]) => ({ id, exportedName: entry.exportedName!, filename: entry.filename ?? "?" }));
  if (candidates.length === 0) {
    throw new Error(
      `No server action whose name starts with "${namePrefix}" is used by ${route} in .next/server/server-reference-manifest.json; ` +
        "the benchmark and the load test post through it. Was it renamed? Update scripts/bench/http.ts.",
    );
  }
  return candidates.find((c) => c.exportedName === preferred) ?? candidates[0]!;
}

/** The comment-posting server action the review page uses. */
export function findPostCommentAction(root: string): ActionRef {
  return findAction(root, "postComment", "app/reviews/[id]/", "postCommentAction");
}

/** The action the like button on a review page uses. */
export function findLikeReviewAction(root: string): ActionRef {
  return findAction(root, "likeReview", "app/reviews/[id]/", "likeReviewAction");
}

/** The action the rating form on a film page uses. */
export function findRateFilmAction(root: string): ActionRef {
  return findAction(root, "rateFilm", "app/films/[slug]/", "rateFilmAction");
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
 * Posts a form to a server action the way the page does with JavaScript: a
 * POST to the page at `pagePath` with the action's id in `Next-Action` and the
 * arguments (`useActionState`'s previous state, null, and the form's fields)
 * encoded by React's `encodeReply`, as the browser's router does.
 */
export async function postAction(
  baseUrl: string,
  pagePath: string,
  action: ActionRef,
  sessionCookie: string,
  fields: Record<string, string>,
): Promise<PostOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  encodeReply ??= reactEncodeReply(process.cwd());
  const encoded = await encodeReply([null, form]);
  const started = performance.now();
  try {
    const response = await fetch(baseUrl + pagePath, {
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

/** Posts a comment (or a reply) on a review as the page's form does. */
export function postComment(
  baseUrl: string,
  action: ActionRef,
  sessionCookie: string,
  fields: { reviewId: number; parentId?: number; body: string },
): Promise<PostOutcome> {
  return postAction(baseUrl, `/reviews/${fields.reviewId}`, action, sessionCookie, {
    reviewId: String(fields.reviewId),
    parentId: fields.parentId === undefined ? "" : String(fields.parentId),
    body: fields.body,
  });
}
