"use client";

import { useActionState } from "react";
import type { RoleChangeState } from "@/app/admin/actions";

const ROLES = ["member", "moderator", "admin"] as const;

/** One member's role, changed with a small form (a plain post before JavaScript loads). */
export function RoleForm({
  action,
  handle,
  role,
}: {
  action: (previous: RoleChangeState, formData: FormData) => Promise<RoleChangeState>;
  handle: string;
  role: (typeof ROLES)[number];
}) {
  const [state, formAction, pending] = useActionState(action, null);
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
        defaultValue={role}
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
      <p aria-live="polite" className={`w-full text-sm ${state && !state.ok ? "font-medium text-[var(--color-accent)]" : ""}`}>
        {state?.message ?? ""}
      </p>
    </form>
  );
}
