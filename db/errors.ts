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
