// No "server-only" here: instrumentation.ts and the command-line scripts load this module too.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { format } from "node:util";
import pino, { type DestinationStream } from "pino";

/**
 * The one logger. Every line is one JSON object (pino escapes every string,
 * so a CR, LF or forged "[auth][error]" inside a field stays inside that
 * field), with the time, the level, and, inside a request, its request id and
 * client address. A developer who wants colours pipes the output through
 * pino-pretty; the server always writes JSON lines.
 */

/** What a log line knows about the request it was written in. */
export interface RequestContext {
  requestId: string;
  ip: string | null;
}

const requests = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `context` attached to every line it logs (the request id and client address). */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return requests.run(context, work);
}

/** The request being served, when there is one. */
export function currentRequestContext(): RequestContext | undefined {
  return requests.getStore();
}

/** The header that carries a request's id from proxy.ts (or the reverse proxy in front) to the app. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A request id a proxy may hand us: short, and only characters that need no escaping anywhere. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id a trusted proxy gave the request, when it is well-formed; else a fresh one. */
export function requestIdFrom(given: string | null | undefined, trustGiven: boolean): string {
  if (trustGiven && given && SAFE_REQUEST_ID.test(given)) return given;
  return randomUUID();
}

/**
 * Fields that never reach a line, wherever they sit in a logged object:
 * secrets, tokens, cookies, authorization headers, and query parameters.
 */
const REDACTED = [
  "password",
  "secret",
  "token",
  "sessionToken",
  "session_token",
  "access_token",
  "refresh_token",
  "id_token",
  "code_verifier",
  "cookie",
  "cookies",
  "authorization",
  "params",
  "parameters",
];
const REDACT_PATHS = REDACTED.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `headers["${key}"]`]);

interface SerializedError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  stack?: string;
  cause?: SerializedError;
}

function isQueryError(error: Error): boolean {
  return error.name === "DrizzleQueryError" || ("query" in error && "params" in error);
}

/**
 * An error as a log line carries it, field by chosen field. A failed query
 * (Drizzle puts the SQL and its parameters, which are user input, into the
 * message) is logged as "Failed query" with the database's own code and
 * message from its cause; a database error's `detail` ("Key (email)=(…)")
 * and parameters are never copied. Auth.js errors keep their type, and their
 * cause's `err`, without the rest of the cause (profile data, tokens).
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: typeof error === "string" ? error : "(not an Error)" };
  }
  const withFields = error as Error & {
    type?: unknown;
    code?: unknown;
    constraint?: unknown;
    constraint_name?: unknown;
  };
  const type = typeof withFields.type === "string" ? withFields.type : error.name;
  const queryFailed = isQueryError(error);
  const out: SerializedError = { type, message: queryFailed ? "Failed query" : error.message };
  if (typeof withFields.code === "string") out.code = withFields.code;
  const constraint = withFields.constraint ?? withFields.constraint_name;
  if (typeof constraint === "string") out.constraint = constraint;
  // A failed query's stack starts with its message, parameters included.
  if (!queryFailed && error.stack) out.stack = error.stack;
  const cause: unknown = error.cause;
  const inner =
    cause && typeof cause === "object" && !(cause instanceof Error) && "err" in cause
      ? (cause as { err: unknown }).err
      : cause;
  if (inner !== undefined && inner !== null && depth < 4) out.cause = serializeError(inner, depth + 1);
  return out;
}

/** Where lines go: standard output, written synchronously so a crash loses nothing; a test may swap it. */
let sink: DestinationStream = pino.destination({ dest: 1, sync: true });

/** Sends every line to `destination` until the returned function is called (tests read the lines). */
export function redirectLogs(destination: DestinationStream): () => void {
  const previous = sink;
  sink = destination;
  return () => {
    sink = previous;
  };
}

export const logger = pino(
  {
    level: "info",
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: serializeError },
    mixin() {
      const context = requests.getStore();
      return context ? { requestId: context.requestId, ip: context.ip } : {};
    },
  },
  { write: (line: string) => sink.write(line) },
);

/** The security events, named as `subject.verb` like the moderation log's actions. */
export type SecurityEvent =
  | "auth.sign_in"
  | "auth.sign_out"
  | "auth.error"
  | "authorization.refused"
  | "rate_limit.hit"
  | "moderation.action"
  | "member.role_change"
  | "profile.change";

export interface SecurityFields {
  /** The member who acted; null for a visitor, the command line or the system. */
  actor: string | null;
  outcome: "success" | "failure" | "refused";
  /** Overrides the request's own address (proxy.ts logs before a request context exists). */
  ip?: string | null;
  requestId?: string;
  [field: string]: unknown;
}

/**
 * One line for one security event: who (`actor`), what (`event`), how it
 * ended (`outcome`), and from where (the request's id and client address).
 * Refusals and failures are warnings; successes are info.
 */
export function securityEvent(event: SecurityEvent, fields: SecurityFields): void {
  const line = { security: true, event, ...fields };
  if (fields.outcome === "success") logger.info(line, event);
  else logger.warn(line, event);
}

/** Colour and cursor escapes some libraries put in their console lines. */
const ANSI = /\u001B\[[0-9;]*[A-Za-z]/g;

/**
 * Sends what anything in the server process writes with console.* (Next's
 * own error reports, a library's warning) through the logger, so standard
 * output holds JSON lines only. An Error among the arguments is serialized
 * as ours are (a failed query's parameters never reach the line); the rest
 * becomes the message.
 */
export function routeConsoleThroughLogger(): void {
  const levels = { error: "error", warn: "warn", info: "info", log: "info", debug: "debug" } as const;
  for (const [method, level] of Object.entries(levels) as [
    keyof typeof levels,
    (typeof levels)[keyof typeof levels],
  ][]) {
    console[method] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const rest = args.filter((arg) => !(arg instanceof Error));
      const message = format(...rest)
        .replace(ANSI, "")
        .trim();
      logger[level]({ event: "console", ...(error ? { err: error } : {}) }, message || (error ? "error" : ""));
    };
  }
}
