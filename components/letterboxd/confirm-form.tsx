"use client";

import { useActionState, type ReactNode } from "react";
import type { FormAction } from "@/lib/forms/action-state";

/**
 * The preview's confirmation: the choices rendered by the page (children),
 * how reviews arrive, and the button. Posts before JavaScript loads too.
 */
export function ConfirmImportForm({
  action,
  importId,
  hasReviews,
  children,
}: {
  action: FormAction;
  importId: string;
  hasReviews: boolean;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-6">
      <input type="hidden" name="importId" value={importId} />
      {children}
      <fieldset className="space-y-2">
        <legend className="font-medium">Imported reviews</legend>
        {!hasReviews ? <p className="text-sm text-[var(--color-muted)]">This export has no reviews.</p> : null}
        <label className="flex items-center gap-2">
          <input type="radio" name="reviewStatus" value="draft" defaultChecked />
          Save them as drafts, for me to read over and publish one by one
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="reviewStatus" value="published" />
          Publish them now (a review without a rating stays a draft)
        </label>
      </fieldset>
      <p aria-live="polite" role="status" className="font-medium">
        {state && !state.ok ? state.message : null}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-[var(--color-ink)] px-4 py-2 font-medium text-[var(--color-paper)] disabled:opacity-60"
      >
        {pending ? "Saving…" : "Import these"}
      </button>
    </form>
  );
}
