import "server-only";
import type { CurrentUser } from "@/lib/auth";
import { readFilm } from "@/lib/cache/reads";
import { providerName } from "@/lib/auth/provider-info";
import { listSigningAccounts } from "@/lib/comments/signing";
import { getFollowState } from "@/lib/follows/queries";
import { getMemberStanding } from "@/lib/members/queries";
import { countUnread } from "@/lib/notifications/queries";
import { isPoster, mayReadSuspensions } from "@/lib/policy";
import { hasSeenFilm, hasSeenFilmOfReview } from "@/lib/ratings/seen";
import { getViewerFilmState, hasLiked } from "@/lib/reviews/queries";
import { isOnWatchlist, watchlistedAmong } from "@/lib/watchlist/queries";
import { viewerScope, type ViewerPayload } from "./schema";

/**
 * The viewer payload for `member` reading the page at `path`: nothing but
 * `member: null` for a visitor (no query), and for a member at most two small
 * queries besides the session's, and one more run beside them: whether they
 * have seen the page's film, so its spoiler marks open for them. On a
 * member's page only a moderator gets that member's suspension. With
 * `films` (a poster grid's ids, already bounded and validated by
 * parseViewerFilms) one more query beside them says which of those films are
 * on the member's watchlist.
 */
export async function buildViewerPayload(
  member: CurrentUser | null,
  path: string,
  films?: readonly number[],
): Promise<ViewerPayload> {
  if (!member) return { member: null };
  // The unread count (one count over notifications_unread_idx) beside the page's own facts.
  const [payload, unread, watchlisted] = await Promise.all([
    pagePayload(member, path),
    countUnread(member.id),
    films?.length ? watchlistedAmong(member.id, films) : Promise.resolve(undefined),
  ]);
  return watchlisted ? { ...payload, unread, watchlisted } : { ...payload, unread };
}

async function pagePayload(member: CurrentUser, path: string): Promise<ViewerPayload> {
  const scope = viewerScope(path);
  if (scope && "review" in scope) {
    const [liked, signing, seen] = await Promise.all([
      hasLiked(member.id, scope.review),
      isPoster(member) ? listSigningAccounts(member.id) : Promise.resolve([]),
      hasSeenFilmOfReview(member.id, scope.review),
    ]);
    return {
      member,
      review: {
        id: scope.review,
        liked,
        signing: signing.map((account) => ({ ...account, name: providerName(account.provider) })),
        seen,
      },
    };
  }
  if (scope && "film" in scope) {
    const film = await readFilm(scope.film);
    if (!film) return { member };
    const [state, onWatchlist, seen] = await Promise.all([
      getViewerFilmState(member.id, film.id),
      isOnWatchlist(member.id, film.id),
      hasSeenFilm(member.id, film.id),
    ]);
    return {
      member,
      film: { slug: film.slug, halfStars: state.halfStars, review: state.review, onWatchlist, seen },
    };
  }
  if (scope && "member" in scope) {
    const [standing, follow] = await Promise.all([
      mayReadSuspensions(member) ? getMemberStanding(scope.member) : Promise.resolve(null),
      getFollowState(member.id, scope.member),
    ]);
    return standing ? { member, profile: standing, follow } : { member, follow };
  }
  return { member };
}
