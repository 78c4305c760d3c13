"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth";
import { fieldErrorsOf } from "@/lib/forms/legacy-action-state";
import { postingRefusal } from "@/lib/members/posting";
import { reviewFormSchema, type ReviewField, type ReviewFormState, type ReviewFormValues } from "@/lib/reviews/schema";
import { deleteReview, saveReview } from "@/lib/reviews/service";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

function revalidateReviewPaths(filmSlug: string, reviewId: number, authorHandle: string) {
  revalidatePath(`/films/${filmSlug}`);
  revalidatePath(`/films/${filmSlug}/review`);
  revalidatePath(`/reviews/${reviewId}`);
  revalidatePath(`/members/${authorHandle}`);
  revalidatePath("/");
}

/**
 * Saves the signed-in member's review of the film at `filmSlug` (bound by
 * the page) as a draft or published, by the button pressed (`intent`). The
 * author is the session's member; any author or status field sent is ignored.
 * A publish goes to the review's page; a draft stays on the form.
 */
export async function saveReviewAction(
  filmSlug: string,
  _previous: ReviewFormState,
  formData: FormData,
): Promise<ReviewFormState> {
  const values: ReviewFormValues = {
    halfStars: text(formData.get("halfStars")),
    verdict: text(formData.get("verdict")),
    body: text(formData.get("body")),
    containsSpoilers: formData.get("containsSpoilers") === "on" || formData.get("containsSpoilers") === "true",
  };
  const user = await getCurrentUser();
  const refusal = postingRefusal(user);
  if (refusal) return { ok: false, message: refusal, fieldErrors: {}, values };

  const parsed = reviewFormSchema.safeParse({ ...values, intent: formData.get("intent") });
  if (!parsed.success) {
    return {
      ok: false,
      message: "The review is not saved yet: please fix the fields marked below.",
      fieldErrors: fieldErrorsOf<ReviewField>(parsed.error),
      values,
    };
  }
  const result = await saveReview(user, String(filmSlug), parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: {}, values };

  revalidateReviewPaths(result.filmSlug, result.reviewId, user!.handle);
  if (parsed.data.intent === "publish" && result.status === "published") redirect(`/reviews/${result.reviewId}`);
  return { ok: true, message: result.message };
}

/**
 * Deletes the signed-in member's review `reviewId` (bound by the page) and
 * goes back to the film. Returns a sentence when it cannot.
 */
export async function deleteReviewAction(
  reviewId: number,
  _previous: string | null,
  _formData: FormData,
): Promise<string | null> {
  const user = await getCurrentUser();
  const id = Number(reviewId);
  if (!(Number.isInteger(id) && id > 0 && id <= 2_147_483_647)) return "There is no review of yours to delete here.";
  const result = await deleteReview(user, id);
  if (!result.ok) return result.message;
  revalidateReviewPaths(result.filmSlug, id, result.authorHandle);
  redirect(`/films/${result.filmSlug}`);
}
