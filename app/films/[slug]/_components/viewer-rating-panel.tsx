import Link from "next/link";
import { RatingForm } from "@/components/ratings/rating-form";
import { getCurrentUser } from "@/lib/auth";
import { SUSPENDED_CANNOT_POST } from "@/lib/policy";
import { getViewerFilmState } from "@/lib/reviews/queries";
import { rateFilmAction } from "../actions";

const linkClass = "font-medium text-[var(--color-accent)] hover:underline";

/**
 * The one part of a film page that depends on who is reading: a visitor is
 * invited to sign in, a suspended member is told they cannot post, and a
 * member gets their rating form and a link to write or edit their review.
 * The rest of the page reads no session.
 */
export async function ViewerRatingPanel({ film }: { film: { id: number; slug: string; title: string } }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <p className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-4">
        <Link href={`/signin?callbackUrl=${encodeURIComponent(`/films/${film.slug}`)}`} className={linkClass}>
          Sign in to rate or review {film.title}
        </Link>
      </p>
    );
  }
  if (user.suspended) {
    return (
      <p role="note" className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-4">
        {SUSPENDED_CANNOT_POST}
      </p>
    );
  }
  const state = await getViewerFilmState(user.id, film.id);
  const review = state.review;
  return (
    <div className="space-y-4 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-4">
      <RatingForm action={rateFilmAction} filmSlug={film.slug} filmTitle={film.title} halfStars={state.halfStars} />
      <p>
        <Link href={`/films/${film.slug}/review`} className={linkClass}>
          {review
            ? review.status === "draft"
              ? "Finish your draft review"
              : "Edit your review"
            : `Write a review of ${film.title}`}
        </Link>
        {review && review.status !== "draft" ? (
          <>
            {" · "}
            <Link href={`/reviews/${review.id}`} className={linkClass}>
              Read your review
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
