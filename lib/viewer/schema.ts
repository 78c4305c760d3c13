import type { CurrentUser } from "@/lib/auth";

/**
 * What a page's per-reader parts need to know about whoever is reading it,
 * fetched by the browser from /api/viewer beside a page that is the same for
 * everyone. Small on purpose: the member as the server sees them, and for a
 * film or review page the few facts about them and that page. No server
 * imports (the member's type only).
 */
export interface ViewerPayload {
  member: CurrentUser | null;
  /** On a film page: the member's rating and their review of the film, if any. */
  film?: {
    slug: string;
    halfStars: number | null;
    review: { id: number; status: "draft" | "published" | "hidden" } | null;
    /** Whether the film is on the member's watchlist. */
    onWatchlist?: boolean;
    /** Whether the member rated or logged the film: its spoiler marks open for them. */
    seen?: boolean;
  };
  /** On a review page: whether the member likes it, and the accounts that can sign their comments, current first. */
  review?: {
    id: number;
    liked: boolean;
    signing: { provider: string; providerAccountId: string; name: string }[];
    /** Whether the member rated or logged the review's film: its spoiler marks open for them. */
    seen?: boolean;
  };
  /**
   * On a member's page, for a moderator only: whether that member is
   * suspended, why and until when (ISO time; null: until lifted). Nobody else
   * is told, and the shared page never says it.
   */
  profile?: { handle: string; suspension: { reason: string | null; until: string | null } | null };
  /** On a member's page: whether the reader follows that member; null when it is the reader's own page. */
  follow?: { handle: string; following: boolean } | null;
  /** For a member: how many of their notifications are unread (the header's Notifications link). */
  unread?: number;
  /**
   * On a page with a poster grid of watchlist buttons: which of the films it
   * shows (the ids the page sent, `&films=`) are on the member's watchlist.
   */
  watchlisted?: number[];
}

/** The most film ids a page may ask about at once: one page of the browse grid. */
export const VIEWER_FILMS_MAX = 24;

/**
 * The film ids of a payload request's `films` parameter ("1,2,3"): digits
 * only, at most VIEWER_FILMS_MAX distinct ids, each a positive 32-bit
 * integer. Undefined when the parameter is absent or empty, null when it is
 * malformed.
 */
export function parseViewerFilms(raw: string | null | undefined): number[] | undefined | null {
  if (raw === null || raw === undefined || raw === "") return undefined;
  if (raw.length > VIEWER_FILMS_MAX * 11 || !/^\d{1,10}(?:,\d{1,10})*$/.test(raw)) return null;
  const ids = [...new Set(raw.split(",").map(Number))];
  if (ids.length > VIEWER_FILMS_MAX || ids.some((id) => id < 1 || id > 2_147_483_647)) return null;
  return ids;
}

/** The address of the payload for the page at `path`; `films`: the poster grid's film ids, if it shows any. */
export function viewerUrl(path: string, films?: readonly number[]): string {
  const ids = films?.length ? `&films=${films.slice(0, VIEWER_FILMS_MAX).join(",")}` : "";
  return `/api/viewer?path=${encodeURIComponent(path)}${ids}`;
}

/** The film slug, review id or member handle a page path is about, if it is one of those pages. */
export function viewerScope(path: string): { film: string } | { review: number } | { member: string } | null {
  const member = /^\/members\/([a-z0-9][a-z0-9_-]{0,59})(?:\/|$)/.exec(path);
  if (member?.[1]) return { member: member[1] };
  const review = /^\/reviews\/(\d{1,12})(?:\/|$)/.exec(path);
  if (review) return { review: Number(review[1]) };
  const film = /^\/films\/([^/]+)(?:\/|$)/.exec(path);
  if (film?.[1]) return { film: decodeURIComponent(film[1]) };
  return null;
}
