// No "server-only" here: start-up (instrumentation.ts) installs this, outside React's server modules.
import { ServerResponse } from "node:http";
import { databaseUnreachable } from "@/db/client";
import { databaseAwayPage, RETRY_AFTER_SECONDS } from "./unavailable";

/**
 * A page whose render met the database going away answers 503 with the plain
 * "can't reach its database" page, not Next's 500 error page.
 *
 * The proxy answers 503 before rendering once the fault is known
 * (databaseUnreachable()), but a render already under way when the
 * connections were cut fails inside Next, which answers 500 and has no way
 * for a page to choose another status. So every 500 to a GET or HEAD is held
 * here (status, headers and body, in memory: error pages are small) until
 * Next ends it, then sent as it was, or replaced by the 503 page when the
 * request met a database fault (instrumentation.ts's onRequestError marks
 * it) or the database is known to be away. Nothing else is touched: any
 * other status, and every response to a POST, goes out as Next writes it.
 */

type Headers = Parameters<ServerResponse["writeHead"]>[1];
type Callback = (error?: Error | null) => void;
type Held = { statusMessage?: string; headers?: Headers; chunks: { chunk: unknown; encoding?: BufferEncoding }[] };

const HELD = Symbol("marquee.held500");
/** Set once a held response is sent: what it writes from then on goes straight out. */
const RELEASED = Symbol("marquee.released500");
type Response = ServerResponse & { [HELD]?: Held; [RELEASED]?: true };

const globalForStatus = globalThis as typeof globalThis & {
  __marqueeFaultedRequests?: WeakSet<object>;
  __marqueeStatusInstalled?: boolean;
};
// On globalThis: the route bundles (which report the fault) and start-up (which installed this) hold separate copies.
const faulted = (globalForStatus.__marqueeFaultedRequests ??= new WeakSet<object>());

/** Marks a request (by its headers object, the one Next hands to onRequestError) as having met a database fault. */
export function noteRequestMetDatabaseFault(requestHeaders: object): void {
  faulted.add(requestHeaders);
}

function holds(response: Response, statusCode: number): boolean {
  if (response[RELEASED]) return false;
  if (response[HELD]) return true;
  if (statusCode !== 500 || response.headersSent) return false;
  const method = response.req?.method;
  return method === "GET" || method === "HEAD";
}

function hold(response: Response): Held {
  return (response[HELD] ??= { chunks: [] });
}

function lastCallback(args: unknown[]): Callback | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as Callback) : undefined;
}

export function installDatabaseAwayStatus(): void {
  if (globalForStatus.__marqueeStatusInstalled) return;
  globalForStatus.__marqueeStatusInstalled = true;
  const proto = ServerResponse.prototype;
  // Node's own methods, called with the arguments Next gave (their overloads do not type a forwarded list).
  type Method = (this: ServerResponse, ...args: unknown[]) => unknown;
  const writeHead = proto.writeHead as unknown as Method;
  const flushHeaders = proto.flushHeaders;
  const write = proto.write as unknown as Method;
  const end = proto.end as unknown as Method;

  const release = (response: Response, held: Held, callback?: Callback) => {
    delete response[HELD];
    response[RELEASED] = true;
    const request = response.req;
    if ((request && faulted.has(request.headers)) || databaseUnreachable()) {
      const html = databaseAwayPage();
      // What Next (and the compression middleware) set for the 500 page describes another body.
      for (const name of [
        "content-length",
        "content-encoding",
        "etag",
        "vary",
        "x-nextjs-cache",
        "x-nextjs-stale-time",
      ])
        response.removeHeader(name);
      response.setHeader("Content-Type", "text/html; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      response.setHeader("Content-Length", Buffer.byteLength(html));
      writeHead.call(response, 503);
      end.call(response, request?.method === "HEAD" ? undefined : html, callback);
      return;
    }
    if (held.headers !== undefined) writeHead.call(response, 500, held.statusMessage ?? "", held.headers);
    else if (held.statusMessage !== undefined) writeHead.call(response, 500, held.statusMessage);
    for (const { chunk, encoding } of held.chunks) {
      if (encoding) write.call(response, chunk, encoding);
      else write.call(response, chunk);
    }
    end.call(response, callback);
  };

  proto.writeHead = function (this: Response, statusCode: number, ...rest: unknown[]) {
    if (!holds(this, statusCode)) return writeHead.call(this, statusCode, ...rest);
    const held = hold(this);
    const [first, second] = rest;
    if (typeof first === "string") {
      held.statusMessage = first;
      if (second !== undefined) held.headers = second as Headers;
    } else if (first !== undefined) {
      held.headers = first as Headers;
    }
    return this;
  } as typeof proto.writeHead;

  proto.flushHeaders = function (this: Response) {
    if (holds(this, this.statusCode)) {
      hold(this);
      return;
    }
    flushHeaders.call(this);
  };

  proto.write = function (this: Response, chunk: unknown, ...rest: unknown[]) {
    if (!holds(this, this.statusCode)) return write.call(this, chunk, ...rest);
    const encoding = typeof rest[0] === "string" ? (rest[0] as BufferEncoding) : undefined;
    hold(this).chunks.push({ chunk, encoding });
    const callback = lastCallback(rest);
    if (callback) process.nextTick(callback);
    return true;
  } as typeof proto.write;

  proto.end = function (this: Response, ...args: unknown[]) {
    if (!holds(this, this.statusCode)) return end.call(this, ...args);
    const held = hold(this);
    const [chunk, second] = args;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
      held.chunks.push({ chunk, encoding: typeof second === "string" ? (second as BufferEncoding) : undefined });
    }
    const callback = lastCallback(args);
    // onRequestError may still be marking the request (Next does not always wait for it before the error page).
    setImmediate(() => release(this, held, callback));
    return this;
  } as typeof proto.end;
}
