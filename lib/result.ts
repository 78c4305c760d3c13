/**
 * The one result type every domain write returns. No server imports: client
 * components may name these types.
 */
export const ERROR_CODES = [
  "unauthenticated",
  "forbidden",
  "not_found",
  "invalid",
  "conflict",
  "rate_limited",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field name → the messages for that field, for forms to show next to it. */
export type FieldErrors = Partial<Record<string, string[]>>;

export type Failure = { ok: false; code: ErrorCode; message: string; fieldErrors?: FieldErrors };
export type Success<T> = { ok: true; value: T };
export type Result<T = null> = Success<T> | Failure;

export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fieldErrors?: FieldErrors): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** A failure about one field: the message shows both next to the field and in the form's status. */
export function invalidField(field: string, message: string): Failure {
  return fail("invalid", message, { [field]: [message] });
}

/** The first message for each field of a failed zod parse, keyed by field. */
export function fieldErrorsOf(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string") continue;
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}

/** A failed zod parse as a result: "invalid", the first message as the sentence. */
export function invalid(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  message?: string,
): Failure {
  return fail("invalid", message ?? error.issues[0]?.message ?? "Check the form.", fieldErrorsOf(error));
}
