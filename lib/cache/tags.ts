/**
 * Every cache tag's name, in one place. Cached reads tag themselves with
 * these; domain writes list the ones they change, and the action wrapper
 * invalidates exactly those.
 */
export const tags = {
  /** A film's page: its header, figures, credits and reviews list. */
  film: (filmId: number) => `film:${filmId}`,
  /** A review's page: the review, its likes and its comment threads. */
  review: (reviewId: number) => `review:${reviewId}`,
  /** A member's public page and feed. */
  member: (memberId: string) => `member:${memberId}`,
  /** Lists across the catalogue: browse, search, filmographies, the home page's film rows, the sitemap. */
  catalogue: "catalogue",
  /** Lists of reviews across the site: the home page, the site feed. */
  reviews: "reviews",
  /** The moderation queue and log. */
  moderation: "moderation",
  /** The blocklist page. */
  blocklist: "blocklist",
  /** The admin's member list. */
  members: "members",
  /** A list's page: its films, order and likes (public lists also show on their owner's lists page). */
  list: (listId: number) => `list:${listId}`,
  /** A member's watchlist page. */
  watchlist: (memberId: string) => `watchlist:${memberId}`,
  /** A member's diary page and its counts per year. */
  diary: (memberId: string) => `diary:${memberId}`,
  /** The public moderation record: removed comments and hidden reviews, by rule and month. */
  moderationRecord: "moderation-record",
} as const;

export type Tag = string;
