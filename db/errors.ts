/**
 * True when `error` (as thrown by Drizzle on either driver) is PostgreSQL's
 * unique_violation (23505), on `constraint` when one is named.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (candidate.code === "23505") {
      if (!constraint) return true;
      return candidate.constraint === constraint || candidate.constraint_name === constraint;
    }
    current = candidate.cause;
  }
  return false;
}

/** True when `error` (on either driver, or wrapped by Drizzle) is PostgreSQL's insufficient_privilege (42501). */
export function isInsufficientPrivilege(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; cause?: unknown };
    if (candidate.code === "42501") return true;
    current = candidate.cause;
  }
  return false;
}

/** postgres.js's own codes for a connection it could not open or lost. */
const DRIVER_CONNECTION_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** SQLSTATEs of a server going away: class 08 (connection exception) and 57P01-57P03 (shutdown, starting up). */
function isServerGoneState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03";
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof candidate.code === "string") codes.push(candidate.code);
    // Node's AggregateError: one connect() error per address tried.
    if (Array.isArray(candidate.errors)) codes.push(...candidate.errors.flatMap((inner) => errorCodes(inner)));
    current = candidate.cause;
  }
  return codes;
}

/**
 * True when `error` says the database could not be reached (refused, timed
 * out, connection lost, server shutting down or starting up), not that a
 * statement was wrong: the request can be answered "try again in a moment".
 */
export function isConnectionFault(error: unknown): boolean {
  return errorCodes(error).some((code) => DRIVER_CONNECTION_CODES.has(code) || isServerGoneState(code));
}

/**
 * True when PostgreSQL cancelled a statement for running longer than
 * statement_timeout (57014), or the database could not be reached: either
 * way nothing was saved and the same request may succeed in a moment.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return isConnectionFault(error) || errorCodes(error).includes("57014");
}
