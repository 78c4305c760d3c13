"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { ROLES, type Role } from "@/lib/auth/roles";

/** One member's role, changed with a small form (a plain post before JavaScript loads). */
export function RoleForm({ action, handle, role }: { action: FormAction<{ role: Role }>; handle: string; role: Role }) {
  const [state, formAction, pending] = useActionState<ActionState<{ role: Role }> | null, FormData>(action, null);
  // The role the form shows: the one just saved, else the one the page was rendered with.
  const shown = state?.ok && state.data ? state.data.role : role;
  const id = `role-${handle}`;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="handle" value={handle} />
      <label htmlFor={id} className="sr-only">
        Role for @{handle}
      </label>
      <select
        id={id}
        name="role"
        key={shown}
        defaultValue={shown}
        className="rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-[var(--color-line)] px-2 py-1 text-sm font-medium hover:border-[var(--color-ink)]"
      >
        {pending ? "Saving…" : "Save"}
        <span className="sr-only"> role for @{handle}</span>
      </button>
      <p
        aria-live="polite"
        className={`w-full text-sm ${state && !state.ok ? "font-medium text-[var(--color-accent)]" : ""}`}
      >
        {state?.message ?? ""}
      </p>
    </form>
  );
}
