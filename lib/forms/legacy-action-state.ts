import type { z } from "zod";

/**
 * What every form's server action returns: success with a sentence to show,
 * or failure with a sentence, the message for each field that was wrong, and
 * the values that were sent so the form can show them again. No server
 * imports: client forms import this type too.
 */
export type ActionState<Fields extends string, Values = Partial<Record<Fields, unknown>>> =
  | { ok: true; message: string }
  | {
      ok: false;
      message: string;
      fieldErrors: Partial<Record<Fields, string[]>>;
      values: Values;
    };

/** The first message for each field of a failed zod parse, keyed by field. */
export function fieldErrorsOf<Fields extends string>(error: z.ZodError): Partial<Record<Fields, string[]>> {
  const errors: Partial<Record<Fields, string[]>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string") continue;
    const list = (errors[field as Fields] ??= []);
    list.push(issue.message);
  }
  return errors;
}
