import type { Metadata } from "next";
import { MemberTabs } from "@/components/members/member-tabs";
import { MemberStanding } from "@/components/members/member-standing";
import { RatingComparison } from "@/components/ratings/rating-comparison";
import { ReviewList } from "@/components/reviews/review-list";
import { Pagination } from "@/components/ui/pagination";
import { formatDate } from "@/lib/dates";
import { readFollowCounts, readMember, readMemberPage } from "@/lib/cache/reads";
import type { MemberProfile } from "@/lib/members/queries";
import { histogramTotal } from "@/lib/ratings/histogram";
import { memberReviewsHref } from "@/lib/reviews/params";
import { filmLabel } from "@/lib/text";
import { MemberSocial } from "./member-social";

/** The placeholder member pages are prerendered with at build time: not a handle, so a 404 before any query. */
export const PLACEHOLDER_HANDLE = "-";

/** The member with `handle`, or null without a query when it cannot be a handle. */
export async function loadMember(handle: string): Promise<MemberProfile | null> {
  return /^[a-z0-9][a-z0-9_-]{0,59}$/.test(handle) ? readMember(handle) : null;
}

export function memberMetadata(member: MemberProfile, canonical = `/members/${member.handle}`): Metadata {
  return {
    title: `${member.name} (@${member.handle})`,
    description: `Reviews and ratings by ${member.name} on Marquee, with how they use the four-point scale.`,
    alternates: {
      canonical,
      types: {
        "application/rss+xml": [
          { url: `/members/${member.handle}/feed.xml`, title: `Reviews by ${member.name} on Marquee` },
        ],
      },
    },
  };
}

/** A member's public page with one page of their reviews, the same for every reader. */
export async function MemberArticle({ member, page }: { member: MemberProfile; page: number }) {
  const [{ reviews, memberHistogram, siteHistogram }, followCounts] = await Promise.all([
    readMemberPage(member.id, page),
    readFollowCounts(member.id),
  ]);
  const ratingCount = histogramTotal(memberHistogram);
  const hrefFor = (p: number) => `${memberReviewsHref(member.handle, p)}#reviews-heading`;
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold">{member.name}</h1>
        <p className="text-[var(--color-muted)]">
          @{member.handle} ·{" "}
          {member.importedFrom ? (
            "imported from WordPress"
          ) : (
            <>
              member since <time dateTime={member.joinedAt.toISOString()}>{formatDate(member.joinedAt)}</time>
            </>
          )}
        </p>
        {/* This page is cached and shared by every reader: a suspension is drawn in the
            browser from a moderator's own viewer payload, never written into the page. */}
        <MemberStanding handle={member.handle} />
        <MemberSocial member={member} counts={followCounts} />
      </header>
      <MemberTabs handle={member.handle} current="profile" />

      <section aria-labelledby="ratings-heading" className="space-y-3">
        <h2 id="ratings-heading" className="font-serif text-2xl font-semibold">
          How {member.name} rates
        </h2>
        {ratingCount > 0 ? (
          <>
            <p className="max-w-2xl text-[var(--color-muted)]">
              {ratingCount} {ratingCount === 1 ? "rating" : "ratings"}, beside every member’s, so you can tell what a
              4/4 means coming from {member.name}.
            </p>
            <RatingComparison memberName={member.name} member={memberHistogram} site={siteHistogram} />
          </>
        ) : (
          <p className="text-[var(--color-muted)]">{member.name} has not rated any films yet.</p>
        )}
      </section>

      <section aria-labelledby="reviews-heading" className="space-y-4">
        <h2 id="reviews-heading" className="font-serif text-2xl font-semibold">
          Reviews
          {reviews.total > 0 ? (
            <span className="text-base font-normal text-[var(--color-muted)]"> ({reviews.total})</span>
          ) : null}
        </h2>
        {reviews.items.length > 0 ? (
          <ReviewList
            label={`Reviews by ${member.name}`}
            items={reviews.items.map((review) => ({
              ...review,
              heading: {
                text: filmLabel(review.film),
                href: `/films/${review.film.slug}`,
              },
              calibration: { handle: member.handle, histogram: memberHistogram },
            }))}
          />
        ) : reviews.total > 0 ? (
          <p>This page is past the last review.</p>
        ) : (
          <p className="text-[var(--color-muted)]">{member.name} has not published a review yet.</p>
        )}
        <Pagination page={reviews.page} pageCount={reviews.pageCount} hrefFor={hrefFor} label="Review pages" />
        <p className="text-sm">
          <a href={`/members/${member.handle}/feed.xml`} className="text-[var(--color-accent)] hover:underline">
            Reviews by {member.name} as an RSS feed
          </a>
        </p>
      </section>
    </div>
  );
}
