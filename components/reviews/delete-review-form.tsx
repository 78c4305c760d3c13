"use client";

import { useActionState } from "react";

/**
 * Deleting takes two steps that need no JavaScript: open the disclosure,
 * then confirm with its own button.
 */
export function DeleteReviewForm({
  action,
  filmTitle,
}: {
  action: (state: string | null, formData: FormData) => Promise<string | null>;
  filmTitle: string;
}) {
  const [message, formAction, pending] = useActionState(action, null);
  return (
    <details className="rounded border border-[var(--color-line)] p-4">
      <summary className="cursor-pointer font-medium">Delete this review</summary>
      <form action={formAction} className="mt-3 space-y-3">
        <p>
          Your review of {filmTitle} and its likes will be removed for good. Your rating of the film stays; you can
          clear it on the film’s page.
        </p>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-[var(--color-accent)] px-4 py-1.5 font-medium text-[var(--color-accent-ink)] disabled:opacity-60"
        >
          Yes, delete my review
        </button>
        <p role="status" aria-live="polite" className="text-sm font-medium text-[var(--color-accent)]">
          {message ?? ""}
        </p>
      </form>
    </details>
  );
}
