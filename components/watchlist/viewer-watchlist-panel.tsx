"use client";

import Link from "next/link";
import { useViewer, useViewerActions } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { WatchlistToggle } from "./watchlist-toggle";

/**
 * A film page's watchlist button and "Log a viewing" link, drawn in the
 * browser from the viewer payload for a member who may post. Visitors and
 * suspended members get nothing here: the rating panel beside it already
 * invites them to sign in or says why they cannot post.
 */
export function ViewerWatchlistPanel({
  film,
  watchlist,
}: {
  film: { slug: string; title: string };
  watchlist: FormAction<{ onWatchlist: boolean }>;
}) {
  const viewer = useViewer();
  const { refresh } = useViewerActions();
  const member = viewer?.member;
  if (!member || member.suspended) return null;
  const state = viewer.film?.slug === film.slug ? viewer.film : null;
  if (!state) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <WatchlistToggle
        action={watchlist}
        filmSlug={film.slug}
        filmTitle={film.title}
        onWatchlist={state.onWatchlist ?? false}
        onSaved={refresh}
      />
      <Link href={`/films/${film.slug}/log`} className="text-sm font-medium text-[var(--color-accent)] hover:underline">
        Log a viewing
      </Link>
    </div>
  );
}
