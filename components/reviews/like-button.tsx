"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { pluralize } from "@/lib/text";

type LikeData = { liked: boolean; likeCount: number };

/**
 * Like or unlike a review. The form says which state is wanted, so sending it
 * twice changes nothing; it works before JavaScript loads too.
 */
export function LikeButton({
  action,
  reviewId,
  liked,
  likeCount,
}: {
  action: FormAction<LikeData>;
  reviewId: number;
  liked: boolean;
  likeCount: number;
}) {
  const [state, formAction, pending] = useActionState<ActionState<LikeData> | null, FormData>(action, null);
  const current = state?.ok && state.data ? state.data : { liked, likeCount };
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="like" value={current.liked ? "0" : "1"} />
      <button
        type="submit"
        aria-pressed={current.liked}
        disabled={pending}
        className={`rounded border px-4 py-1.5 font-medium disabled:opacity-60 ${
          current.liked
            ? "border-[var(--color-accent)] bg-[var(--color-accent)] text-[var(--color-accent-ink)]"
            : "border-[var(--color-line)] hover:border-[var(--color-accent)]"
        }`}
      >
        {/* A toggle keeps one name ("Like this review", pressed or not); the eye reads the state. */}
        <span aria-hidden="true">{current.liked ? "♥ Liked" : "♡ Like this review"}</span>
        <span className="sr-only">Like this review</span>
      </button>
      <span className="text-sm text-[var(--color-muted)]">{pluralize(current.likeCount, "like")}</span>
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${state && !state.ok ? "font-medium text-[var(--color-accent)]" : "sr-only"}`}
      >
        {state?.message ?? ""}
      </p>
    </form>
  );
}
