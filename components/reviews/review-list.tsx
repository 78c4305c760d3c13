import Link from "next/link";
import { CalibrationNote } from "@/components/ratings/calibration-note";
import { RatingBadge } from "@/components/ratings/rating-badge";
import type { Histogram } from "@/lib/ratings/histogram";
import { formatDate } from "@/lib/dates";
import type { ListedReview } from "@/lib/reviews/queries";

/** What a list of reviews needs from each review, whichever list it is. */
export interface ReviewListItem extends ListedReview {
  /** The main line: the author's name on a film page, the film on a member page. */
  heading: { text: string; href: string };
  /** The author's handle and rating distribution, for the calibration line beside their rating. */
  calibration?: { handle: string; histogram: Histogram | undefined };
}

const likes = (n: number) => `${n} ${n === 1 ? "like" : "likes"}`;

/** Reviews as cards: who or what, the rating, the verdict, an excerpt and a link to the whole review. */
export function ReviewList({ items, label }: { items: ReviewListItem[]; label: string }) {
  return (
    <ol aria-label={label} className="space-y-6">
      {items.map((item) => (
        <li key={item.id}>
          <article
            aria-labelledby={`review-${item.id}-heading`}
            className="space-y-2 border-b border-[var(--color-line)] pb-6"
          >
            <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h3 id={`review-${item.id}-heading`} className="font-serif text-lg font-semibold">
                <Link href={item.heading.href} className="hover:underline">
                  {item.heading.text}
                </Link>
              </h3>
              {item.halfStars !== null ? <RatingBadge halfStars={item.halfStars} /> : null}
              <span className="text-sm text-[var(--color-muted)]">
                <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt)}</time>
                {item.editedAt ? " · edited" : null}
              </span>
            </header>
            {item.calibration ? (
              <p>
                <CalibrationNote
                  id={`review-${item.id}-calibration`}
                  halfStars={item.halfStars}
                  handle={item.calibration.handle}
                  histogram={item.calibration.histogram}
                />
              </p>
            ) : null}
            <p className="font-serif text-lg italic">“{item.verdict}”</p>
            {item.excerpt ? (
              <p className="leading-relaxed text-[var(--color-muted)]">{item.excerpt}</p>
            ) : item.containsSpoilers ? (
              <p className="text-sm text-[var(--color-muted)]">
                This review contains spoilers; its text is shown on its own page.
              </p>
            ) : null}
            <p className="flex flex-wrap gap-4 text-sm">
              <Link href={`/reviews/${item.id}`} className="font-medium text-[var(--color-accent)] hover:underline">
                Read the review<span className="sr-only">: {item.heading.text}</span>
              </Link>
              <span className="text-[var(--color-muted)]">{likes(item.likeCount)}</span>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
