"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useViewer, useViewerActions } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { SUSPENDED_CANNOT_POST, suspensionDetails } from "@/lib/policy";
import { RatingForm } from "./rating-form";

const linkClass = "font-medium text-[var(--color-accent)] hover:underline";

/**
 * The one part of a film page that depends on who is reading, drawn in the
 * browser from the viewer payload: a member gets their rating form and a
 * link to write or edit their review, a suspended member is told they cannot
 * post, and anyone else (and everyone until the payload arrives) sees
 * `visitor`, the invitation to sign in drawn with the shared page.
 */
export function ViewerRatingPanel({
  film,
  rate,
  visitor,
}: {
  film: { slug: string; title: string };
  rate: FormAction;
  visitor: ReactNode;
}) {
  const viewer = useViewer();
  const { refresh } = useViewerActions();
  const member = viewer?.member;
  if (!member) return visitor;
  if (member.suspended) {
    return (
      <p role="note" className="rounded border border-[var(--color-line)] bg-[var(--color-card)] p-4">
        {SUSPENDED_CANNOT_POST}
        {suspensionDetails(member)}
      </p>
    );
  }
  const state = viewer.film?.slug === film.slug ? viewer.film : null;
  const review = state?.review ?? null;
  return (
    <div className="space-y-4 rounded border border-[var(--color-line)] bg-[var(--color-card)] p-4">
      <RatingForm
        action={rate}
        filmSlug={film.slug}
        filmTitle={film.title}
        halfStars={state?.halfStars ?? null}
        onSaved={refresh}
      />
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
            <Link
              href={review.status === "published" ? `/reviews/${review.id}` : `/reviews/${review.id}/unpublished`}
              className={linkClass}
            >
              Read your review
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
