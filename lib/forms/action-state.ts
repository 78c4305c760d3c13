import type { FieldErrors } from "@/lib/result";

/**
 * What every server action returns to its form: success with a sentence to
 * show (and, for a few forms, data the form displays), or failure with a
 * sentence, the messages for each field that was wrong, and the values that
 * were sent so the form shows them again. No server imports: client forms
 * import this type too.
 */
export type ActionState<Data = unknown> =
  | { ok: true; message: string; data?: Data }
  | { ok: false; message: string; fieldErrors: FieldErrors; values: Record<string, string> };

/**
 * A server action as pages hand it to forms: with useActionState it answers
 * the form's state; as a plain `<form action>` (a button that only posts) it
 * answers nothing, as React expects.
 */
export interface FormAction<Data = unknown> {
  (form: FormData): Promise<void>;
  (previous: ActionState<Data> | null, form: FormData): Promise<ActionState<Data>>;
}
