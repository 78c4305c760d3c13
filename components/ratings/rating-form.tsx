"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { formatRating } from "@/lib/ratings/scale";
import { StarRatingInput } from "./star-rating-input";

/**
 * A member's own rating of a film: nine radios and a save button in a plain
 * form, so it works before JavaScript loads; with it, the action runs in the
 * background and the page's summary updates in place.
 */
export function RatingForm({
  action,
  filmSlug,
  filmTitle,
  halfStars,
}: {
  action: FormAction;
  filmSlug: string;
  filmTitle: string;
  /** The member's current rating, or null. */
  halfStars: number | null;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const sentValue = failed?.values.halfStars;
  const sent = sentValue !== undefined && /^[0-8]$/.test(sentValue) ? Number(sentValue) : null;
  return (
    <form action={formAction} className="space-y-3" aria-label={`Rate ${filmTitle}`}>
      <input type="hidden" name="film" value={filmSlug} />
      <StarRatingInput
        // A new saved rating remounts the radios so they start from it.
        key={halfStars ?? "none"}
        idPrefix="film-rating"
        legend={`Your rating of ${filmTitle}`}
        hint={halfStars === null ? "You have not rated this film yet." : `You rated it ${formatRating(halfStars)}.`}
        defaultValue={sent ?? halfStars}
        error={failed?.fieldErrors.halfStars?.[0]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="rate" disabled={pending} className={buttonClass("primary")}>
          Save rating
        </button>
        {halfStars !== null ? (
          <button type="submit" name="intent" value="clear" disabled={pending} className={buttonClass("plain")}>
            Clear rating
          </button>
        ) : null}
        <p
          role="status"
          aria-live="polite"
          className={`text-sm ${failed ? "font-medium text-[var(--color-accent)]" : ""}`}
        >
          {pending ? "Saving…" : (state?.message ?? "")}
        </p>
      </div>
    </form>
  );
}
