"use client";

import { useActionState, useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

/**
 * Add to / remove from the member's watchlist: one button in a plain form
 * that names what it will do, so it posts before JavaScript loads too.
 */
export function WatchlistToggle({
  action,
  filmSlug,
  filmTitle,
  onWatchlist,
  onSaved,
}: {
  action: FormAction<{ onWatchlist: boolean }>;
  filmSlug: string;
  filmTitle: string;
  onWatchlist: boolean;
  /** Called after the server has changed the watchlist. */
  onSaved?: () => void;
}) {
  const [state, formAction, pending] = useActionState<ActionState<{ onWatchlist: boolean }> | null, FormData>(
    action,
    null,
  );
  useEffect(() => {
    if (state?.ok) onSaved?.();
  }, [state, onSaved]);
  const on = state?.ok && state.data ? state.data.onWatchlist : onWatchlist;
  return (
    <form action={formAction} aria-label={`Watchlist: ${filmTitle}`} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="film" value={filmSlug} />
      <input type="hidden" name="want" value={on ? "0" : "1"} />
      <button type="submit" disabled={pending} className={buttonClass(on ? "plain" : "primary", "small")}>
        {on ? "Remove from watchlist" : "Add to watchlist"}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state?.ok === false ? "font-medium text-[var(--color-accent)]" : ""}`}
      >
        {pending ? "Saving…" : (state?.message ?? (on ? "On your watchlist." : ""))}
      </p>
    </form>
  );
}
