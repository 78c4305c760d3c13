"use client";

import { useActionState } from "react";
import { useViewer } from "@/components/viewer/viewer-context";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

/**
 * "+ Watchlist" on a film card in a poster grid. The grid is cached and the
 * same for everyone, so the button is drawn in the browser only for a member
 * who may post; adding twice changes nothing, so it needs no per-film state.
 */
export function CardWatchlistButton({
  action,
  filmSlug,
  label,
}: {
  action: FormAction<{ onWatchlist: boolean }>;
  filmSlug: string;
  /** The film as readers see it: "Her (2013)". */
  label: string;
}) {
  const member = useViewer()?.member;
  const [state, formAction, pending] = useActionState<ActionState<{ onWatchlist: boolean }> | null, FormData>(
    action,
    null,
  );
  if (!member || member.suspended) return null;
  const added = state?.ok === true;
  return (
    <form action={formAction} className="relative z-10 text-sm">
      <input type="hidden" name="film" value={filmSlug} />
      <input type="hidden" name="want" value="1" />
      {added ? null : (
        <button
          type="submit"
          disabled={pending}
          aria-label={`Add ${label} to your watchlist`}
          className="rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-0.5 hover:border-[var(--color-ink)]"
        >
          + Watchlist
        </button>
      )}
      <span role="status" aria-live="polite" className={state?.ok === false ? "text-[var(--color-accent)]" : ""}>
        {added ? "On your watchlist" : state?.ok === false ? state.message : ""}
      </span>
    </form>
  );
}
