"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import type { LikeState } from "@/lib/reviews/like-state";
import { setReviewLike } from "@/lib/reviews/service";

/**
 * Likes (`like=1`) or unlikes (`like=0`) review `reviewId` (bound by the page)
 * for the signed-in member. Not their own review; never for visitors or
 * suspended members.
 */
export async function likeReviewAction(reviewId: number, previous: LikeState, formData: FormData): Promise<LikeState> {
  const id = Number(reviewId);
  const like = formData.get("like");
  if (!(Number.isInteger(id) && id > 0 && id <= 2_147_483_647) || (like !== "1" && like !== "0")) {
    return { ...previous, ok: false, message: "That like could not be understood; reload the page and try again." };
  }
  const user = await getCurrentUser();
  const result = await setReviewLike(user, id, like === "1");
  if (!result.ok) return { ...previous, ok: false, message: result.message };
  revalidatePath(`/reviews/${id}`);
  revalidatePath(`/films/${result.filmSlug}`);
  revalidatePath(`/members/${result.authorHandle}`);
  return { ok: true, liked: result.liked, likeCount: result.likeCount, message: result.message };
}
