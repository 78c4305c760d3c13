"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

/**
 * Deleting takes two steps that need no JavaScript: open the disclosure,
 * then confirm with its own button.
 */
export function DeleteReviewForm({
  action,
  reviewId,
  filmTitle,
}: {
  action: FormAction;
  reviewId: number;
  filmTitle: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  return (
    <Disclosure
      tone="button"
      label="Delete this review"
      panelClassName="mt-3 space-y-3 rounded border border-[var(--color-line)] p-4"
    >
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="reviewId" value={reviewId} />
        <p>
          Your review of {filmTitle} and its likes will be removed for good. Your rating of the film stays; you can
          clear it on the film’s page.
        </p>
        <button type="submit" disabled={pending} className={buttonClass("danger")}>
          Yes, delete my review
        </button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-[var(--color-accent)]">
          {state && !state.ok ? state.message : ""}
        </p>
      </form>
    </Disclosure>
  );
}
