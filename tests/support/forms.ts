import type { ActionState, FormAction } from "@/lib/forms/action-state";

/**
 * A stand-in server action for component tests: it answers with `answer`
 * and keeps every form it was sent, in order.
 */
export function fakeAction<D = unknown>(
  answer: (form: FormData) => Promise<ActionState<D>> | ActionState<D>,
): FormAction<D> & { sent: FormData[] } {
  const sent: FormData[] = [];
  function action(form: FormData): Promise<void>;
  function action(previous: ActionState<D> | null, form: FormData): Promise<ActionState<D>>;
  async function action(...args: [FormData] | [ActionState<D> | null, FormData]): Promise<ActionState<D> | void> {
    const form = args.length === 1 ? args[0] : args[1];
    sent.push(form);
    const state = await answer(form);
    return args.length === 1 ? undefined : state;
  }
  return Object.assign(action, { sent });
}

/** A form as a browser would post it: each field once, as text. */
export function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}
