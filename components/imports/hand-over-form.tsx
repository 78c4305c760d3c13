"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { buttonClass } from "@/components/ui/button";

/** "Hand @imported to @member". A plain post before JavaScript loads. */
export function HandOverForm({ action, handles }: { action: FormAction; handles: string[] }) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  // After the last imported member is handed over the page has no one left to offer, but still says what happened.
  if (handles.length === 0) {
    return (
      <p role="status" className="text-sm">
        {state?.ok ? state.message : ""}
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="hand-from" className="block font-medium">
          Imported member
        </label>
        <select
          id="hand-from"
          name="from"
          defaultValue={values.from ?? handles[0]}
          aria-invalid={errors.from ? true : undefined}
          className="rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
        >
          {handles.map((handle) => (
            <option key={handle} value={handle}>
              @{handle}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="hand-to" className="block font-medium">
          Hand to the member (handle)
        </label>
        <input
          id="hand-to"
          name="to"
          type="text"
          required
          maxLength={31}
          defaultValue={values.to ?? ""}
          aria-invalid={errors.to ? true : undefined}
          aria-describedby={errors.to ? "hand-to-error" : undefined}
          className="w-48 rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
        />
      </div>
      <button type="submit" disabled={pending} className={buttonClass("plain", "small")}>
        {pending ? "Handing over…" : "Hand over"}
      </button>
      <p
        id="hand-to-error"
        aria-live="polite"
        className={`w-full text-sm ${state && !state.ok ? "font-medium text-[var(--color-accent)]" : ""}`}
      >
        {state ? (state.ok ? state.message : (errors.to?.[0] ?? errors.from?.[0] ?? state.message)) : ""}
      </p>
    </form>
  );
}
