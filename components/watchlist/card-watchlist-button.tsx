"use client";

import { useActionState } from "react";
import { useViewer } from "@/components/viewer/viewer-context";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

/**
 * The watchlist button on a film card in a poster grid. The grid is cached
 * and the same for everyone, so the button is drawn in the browser only for
 * a member who may post. It starts as "Remove" when the film is on the
 * member's watchlist (the viewer payload's `watchlisted` ids, or the grid is
 * the member's own watchlist), else as "+ Watchlist", and turns into the
 * other once the server has answered.
 */
export function CardWatchlistButton({
  action,
  filmId,
  filmSlug,
  label,
  ownerId,
}: {
  action: FormAction<{ onWatchlist: boolean }>;
  /** The film's id, looked up in the viewer payload's `watchlisted`. */
  filmId?: number;
  filmSlug: string;
  /** The film as readers see it: "Her (2013)". */
  label: string;
  /** When the grid is a member's watchlist: that member, for whom every film on it starts as on. */
  ownerId?: string;
}) {
  const viewer = useViewer();
  const member = viewer?.member;
  const [state, formAction, pending] = useActionState<ActionState<{ onWatchlist: boolean }> | null, FormData>(
    action,
    null,
  );
  if (!member || member.suspended) return null;
  const listed = ownerId === member.id || (filmId !== undefined && (viewer.watchlisted?.includes(filmId) ?? false));
  const on = state?.ok && state.data ? state.data.onWatchlist : listed;
  const answer = state?.ok
    ? on
      ? "On your watchlist"
      : "Off your watchlist"
    : (state?.message ?? (listed && !ownerId ? "On your watchlist" : ""));
  return (
    <form action={formAction} className="relative z-10 flex flex-wrap items-center gap-2 text-sm">
      <input type="hidden" name="film" value={filmSlug} />
      <input type="hidden" name="want" value={on ? "0" : "1"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={on ? `Remove ${label} from your watchlist` : `Add ${label} to your watchlist`}
        className="rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-0.5 hover:border-[var(--color-ink)]"
      >
        {on ? "Remove" : "+ Watchlist"}
      </button>
      <span role="status" aria-live="polite" className={state?.ok === false ? "text-[var(--color-accent)]" : ""}>
        {answer}
      </span>
    </form>
  );
}
