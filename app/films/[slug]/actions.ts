"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import { fieldErrorsOf } from "@/lib/forms/legacy-action-state";
import { postingRefusal } from "@/lib/members/posting";
import { ratingFormSchema, type RatingField, type RatingFormState } from "@/lib/ratings/schema";
import { clearRating, rateFilm } from "@/lib/ratings/service";

/**
 * Rates the film at `filmSlug` (bound by the page) for the signed-in member,
 * or clears their rating (`intent=clear`). Visitors and suspended members are
 * refused whatever the form says.
 */
export async function rateFilmAction(
  filmSlug: string,
  _previous: RatingFormState,
  formData: FormData,
): Promise<RatingFormState> {
  const raw = formData.get("halfStars");
  const values = { halfStars: typeof raw === "string" ? raw : "" };
  const user = await getCurrentUser();
  const refusal = postingRefusal(user);
  if (refusal) return { ok: false, message: refusal, fieldErrors: {}, values };

  const parsed = ratingFormSchema.safeParse({
    intent: formData.get("intent") ?? "rate",
    halfStars: raw ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf<RatingField | "intent">(parsed.error);
    return {
      ok: false,
      message: fieldErrors.halfStars?.[0] ?? "Choose Save rating or Clear rating.",
      fieldErrors: { halfStars: fieldErrors.halfStars },
      values,
    };
  }
  const slug = String(filmSlug);
  const result =
    parsed.data.intent === "clear" ? await clearRating(user, slug) : await rateFilm(user, slug, parsed.data.halfStars);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: {}, values };

  revalidatePath(`/films/${slug}`);
  if (user) revalidatePath(`/members/${user.handle}`);
  return { ok: true, message: result.message };
}
