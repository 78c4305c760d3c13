import "server-only";
import { updateTag } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { notePrimaryWrite, onPrimary } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import type { Tag } from "@/lib/cache/tags";
import { securityEvent, withRequestContext, type RequestContext } from "@/lib/log";
import { authorize, type ActorFor, type RefusalWords, type Requirement } from "@/lib/policy";
import { requestContextBehindProxy } from "@/lib/security/request-context";
import { fieldErrorsOf, type Result } from "@/lib/result";
import { handledDatabaseFault, NOTHING_SAVED } from "@/lib/unavailable";
import type { ActionState, FormAction } from "./action-state";

/** What a domain write hands back to the wrapper besides its own value: the cache tags it changed. */
export interface Changes {
  changed: readonly Tag[];
}

interface ActionConfig<R extends Requirement, S extends z.ZodType, T extends Changes, D> {
  /** Who may call it: anyone, a signed-in member, a poster (not suspended), a moderator or an admin. */
  requires: R;
  /** How a refusal is worded on this action's page. */
  words?: RefusalWords;
  /** The form's shared schema; it parses every field, ids included. */
  schema: S;
  /** File inputs: each reaches the schema as the list of files chosen in it (never echoed back in `values`). */
  files?: readonly string[];
  /** The sentence shown above the fields when the form does not parse (default: the first field's message). */
  invalidMessage?: string;
  /** The one domain function the action calls. */
  run: (actor: ActorFor<R>, input: z.output<S>) => Promise<Result<T>>;
  /** The sentence for a success. */
  message: string | ((value: T, input: z.output<S>) => string);
  /** Data the form shows after a success (a like count, say). */
  data?: (value: T) => D;
  /** Where to go after a success, or null to stay. */
  redirectTo?: (value: T, input: z.output<S>) => string | null;
}

/** What an action decided before the wrapper answers: a state to return as it is, or the domain write's value. */
type Decided<T, S extends z.ZodType> = { state: ActionState<never> } | { value: T; input: z.output<S> };

export const NUL_MESSAGE =
  "This text contains an invisible NUL character that cannot be saved; remove it and try again.";

/** The string fields of a form, as a browser sent them (React's own `$ACTION_…` keys left out). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value === "string") values[key] = value;
  }
  return values;
}

/** This action's request, for its log lines; none when called outside a request (a script, a test). */
async function thisRequest(): Promise<RequestContext | null> {
  try {
    return requestContextBehindProxy(await headers());
  } catch {
    return null;
  }
}

/**
 * Every server action is made here, so every one does the same steps: find
 * the actor and check what the action requires (lib/policy), parse the form
 * with the shared schema, call one domain function, invalidate the cache tags
 * that function says it changed, and answer with the one ActionState.
 * Expected failures come back as state; anything else is thrown to error.tsx.
 *
 * Forms post before JavaScript loads either way.
 */
export function defineAction<R extends Requirement, S extends z.ZodType, T extends Changes, D = unknown>(
  config: ActionConfig<R, S, T, D>,
): FormAction<D> {
  async function run(form: FormData): Promise<ActionState<D>> {
    const context = await thisRequest();
    return context ? withRequestContext(context, () => steps(form)) : steps(form);
  }
  async function steps(form: FormData): Promise<ActionState<D>> {
    const values = formValues(form);
    let decided: Decided<T, S>;
    try {
      // Every read of an action goes to the primary: the checks must see the latest writes.
      decided = await onPrimary(() => decide(form, values));
    } catch (error) {
      // The database away or too slow: the write did not commit, and the form keeps what was typed.
      if (handledDatabaseFault(error, "action")) return { ok: false, message: NOTHING_SAVED, fieldErrors: {}, values };
      throw error;
    }
    if ("state" in decided) return decided.state;
    const { value: resultValue, input } = decided;
    notePrimaryWrite();
    for (const tag of new Set(resultValue.changed)) updateTag(tag);
    const destination = config.redirectTo?.(resultValue, input);
    if (destination) redirect(destination);
    const message = typeof config.message === "string" ? config.message : config.message(resultValue, input);
    return config.data ? { ok: true, message, data: config.data(resultValue) } : { ok: true, message };
  }

  async function decide(form: FormData, values: Record<string, string>): Promise<Decided<T, S>> {
    const user = await getCurrentUser();
    const authorized = authorize(user, config.requires, config.words);
    if (!authorized.ok) {
      securityEvent("authorization.refused", {
        actor: user?.id ?? null,
        outcome: "refused",
        requires: config.requires,
        code: authorized.code,
      });
      return { state: { ok: false, message: authorized.message, fieldErrors: {}, values } };
    }

    // PostgreSQL cannot store a NUL character: say so by the field instead of failing the save.
    const withNul = Object.keys(values).filter((field) => values[field]?.includes("\u0000"));
    if (withNul.length > 0) {
      const fieldErrors = Object.fromEntries(withNul.map((field) => [field, [NUL_MESSAGE]]));
      return { state: { ok: false, message: NUL_MESSAGE, fieldErrors, values } };
    }

    const fileFields = Object.fromEntries(
      (config.files ?? []).map((name) => [
        name,
        form.getAll(name).filter((entry): entry is File => typeof entry !== "string"),
      ]),
    );
    const parsed = config.schema.safeParse({ ...values, ...fileFields });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error);
      const message = config.invalidMessage ?? parsed.error.issues[0]?.message ?? "Check the form.";
      return { state: { ok: false, message, fieldErrors, values } };
    }
    const input: z.output<S> = parsed.data;
    const result = await config.run(authorized.value, input);
    if (!result.ok) {
      // The domain's own policy checks (lib/policy.ts) refuse with these codes: another member's comment, say.
      if (result.code === "forbidden" || result.code === "unauthenticated") {
        securityEvent("authorization.refused", {
          actor: user?.id ?? null,
          outcome: "refused",
          requires: config.requires,
          code: result.code,
          by: "policy",
        });
      }
      return { state: { ok: false, message: result.message, fieldErrors: result.fieldErrors ?? {}, values } };
    }
    return { value: result.value, input };
  }
  function action(form: FormData): Promise<void>;
  function action(previous: ActionState<D> | null, form: FormData): Promise<ActionState<D>>;
  async function action(...args: [FormData] | [ActionState<D> | null, FormData]): Promise<ActionState<D> | void> {
    if (args.length === 1) {
      await run(args[0]);
      return;
    }
    return run(args[1]);
  }
  return action;
}
