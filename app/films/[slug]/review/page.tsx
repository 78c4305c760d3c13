import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeleteReviewForm } from "@/components/reviews/delete-review-form";
import { ReviewForm } from "@/components/reviews/review-form";
import { getCurrentUser } from "@/lib/auth";
import { getFilm } from "@/lib/films/film-page";
import { SUSPENDED_CANNOT_POST, suspensionDetails } from "@/lib/policy";
import { filmLabel } from "@/lib/text";
import { getOwnReview } from "@/lib/reviews/queries";
import { deleteReviewAction, saveReviewAction } from "./actions";
import { PerRequest } from "@/components/ui/per-request";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const film = await getFilm((await params).slug);
  if (!film) notFound();
  return {
    title: `Your review of ${film.title}`,
    description: `Write or edit your review of ${film.title} on Marquee.`,
    robots: { index: false, follow: false },
  };
}

const STATUS_NOTES = {
  draft: "This is a draft: only you can see it until you publish.",
  published: "This review is published. Saving changes marks it as edited.",
  hidden: "A moderator has hidden this review. You can still edit or delete it, but other readers cannot see it.",
} as const;

/**
 * The review form for the signed-in member: a new review, or the one they
 * already wrote of this film (one per member per film).
 */
async function ReviewEditorPageContent({ params }: { params: Params }) {
  const slug = (await params).slug;
  const film = await getFilm(slug);
  if (!film) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/films/${film.slug}/review`)}`);
  const filmTitle = filmLabel(film);

  if (user.suspended) {
    return (
      <div className="max-w-3xl space-y-4">
        <h1 className="font-serif text-3xl font-bold">Your review of {filmTitle}</h1>
        <p role="note">
          {SUSPENDED_CANNOT_POST}
          {suspensionDetails(user)}
        </p>
        <Link href={`/films/${film.slug}`} className="text-[var(--color-accent)] hover:underline">
          Back to {film.title}
        </Link>
      </div>
    );
  }

  const own = await getOwnReview(user.id, film.id);
  const review = own.review;
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href={`/films/${film.slug}`} className="text-[var(--color-accent)] hover:underline">
          ← {filmTitle}
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">
        {review ? "Edit your review" : "Write a review"} of {filmTitle}
      </h1>
      {review ? (
        <p className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-3 text-sm">
          {STATUS_NOTES[review.status]}{" "}
          <Link
            href={review.status === "published" ? `/reviews/${review.id}` : `/reviews/${review.id}/unpublished`}
            className="font-medium text-[var(--color-accent)] hover:underline"
          >
            {review.status === "draft" ? "Preview your draft" : "See it as readers do"}
          </Link>
        </p>
      ) : null}
      <ReviewForm
        action={saveReviewAction}
        filmSlug={film.slug}
        filmTitle={film.title}
        published={review?.status === "published"}
        initialValues={{
          halfStars: own.halfStars === null ? "" : String(own.halfStars),
          verdict: review?.verdict ?? "",
          body: review?.body ?? "",
          containsSpoilers: review?.containsSpoilers ?? false,
        }}
      />
      {review ? <DeleteReviewForm action={deleteReviewAction} reviewId={review.id} filmTitle={film.title} /> : null}
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function ReviewEditorPage({ params }: { params: Params }) {
  return (
    <PerRequest what="your review">
      <ReviewEditorPageContent params={params} />
    </PerRequest>
  );
}
