"use client";

import { useActionState, useEffect, useRef, useSyncExternalStore, type ChangeEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { formatRating } from "@/lib/ratings/scale";
import { StarRatingInput } from "./star-rating-input";

const noSubscription = () => () => {};

/** How long a choice rests before it is saved, so arrowing across the stars saves once. */
const SAVE_AFTER_MS = 500;

/**
 * A member's own rating of a film: nine radios and a save button in a plain
 * form, so it works before JavaScript loads. With JavaScript a rating saves
 * when it is chosen (the button goes), and the page's summary updates in place.
 */
export function RatingForm({
  action,
  filmSlug,
  filmTitle,
  halfStars,
  onSaved,
}: {
  action: FormAction;
  filmSlug: string;
  filmTitle: string;
  /** The member's current rating, or null. */
  halfStars: number | null;
  /** Called after the server has saved or cleared the rating. */
  onSaved?: () => void;
}) {
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const failed = state && !state.ok ? state : null;
  const sentValue = failed?.values.halfStars;
  const sent = sentValue !== undefined && /^[0-8]$/.test(sentValue) ? Number(sentValue) : null;
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (state?.ok) onSaved?.();
  }, [state, onSaved]);

  function onChange(event: ChangeEvent<HTMLFormElement>) {
    if (!(event.target instanceof HTMLInputElement) || event.target.name !== "halfStars") return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => formRef.current?.requestSubmit(saveRef.current), SAVE_AFTER_MS);
  }

  return (
    <form ref={formRef} action={formAction} onChange={onChange} className="space-y-3" aria-label={`Rate ${filmTitle}`}>
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
        <button
          ref={saveRef}
          type="submit"
          name="intent"
          value="rate"
          disabled={pending}
          hidden={hydrated}
          className={buttonClass("primary")}
        >
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
