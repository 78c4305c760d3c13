"use client";

import { useActionState } from "react";
import type { LikeState } from "@/lib/reviews/like-state";

const likes = (n: number) => `${n} ${n === 1 ? "like" : "likes"}`;

/**
 * Like or unlike a review. The form says which state is wanted, so sending it
 * twice changes nothing; it works before JavaScript loads too.
 */
export function LikeButton({
  action,
  liked,
  likeCount,
}: {
  action: (state: LikeState, formData: FormData) => Promise<LikeState>;
  liked: boolean;
  likeCount: number;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true, liked, likeCount, message: "" });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="like" value={state.liked ? "0" : "1"} />
      <button
        type="submit"
        aria-pressed={state.liked}
        disabled={pending}
        className={`rounded border px-4 py-1.5 font-medium disabled:opacity-60 ${
          state.liked
            ? "border-[var(--color-accent)] bg-[var(--color-accent)] text-[var(--color-accent-ink)]"
            : "border-[var(--color-line)] hover:border-[var(--color-accent)]"
        }`}
      >
        <span aria-hidden="true">♥ </span>Like this review
      </button>
      <span className="text-sm text-[var(--color-muted)]">{likes(state.likeCount)}</span>
      <p role="status" aria-live="polite" className={`text-sm ${state.ok ? "sr-only" : "font-medium text-[var(--color-accent)]"}`}>
        {state.message}
      </p>
    </form>
  );
}
