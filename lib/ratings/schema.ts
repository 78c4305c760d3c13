import { z } from "zod";
import { MAX_HALF_STARS } from "./scale";

/**
 * A rating as a form sends it: the number of half stars, 0 to 8, usually as
 * a string ("7" is 3½/4). No server imports: the rating radios and the review
 * form validate with these on the client too.
 */
export function halfStarsField(options: { required: true }): z.ZodType<number, unknown>;
export function halfStarsField(options: { required: false }): z.ZodType<number | undefined, unknown>;
export function halfStarsField(options: { required: boolean }): z.ZodType<number | undefined, unknown> {
  return z.unknown().transform((value, ctx): number | undefined => {
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    if (text === "") {
      if (!options.required) return undefined;
      ctx.addIssue({ code: "custom", message: "Choose a rating from 0 to 4." });
      return z.NEVER;
    }
    const halfStars = Number(text);
    if (!Number.isFinite(halfStars)) {
      ctx.addIssue({ code: "custom", message: "A rating is a number of stars from 0 to 4, in half points." });
    } else if (halfStars < 0) {
      ctx.addIssue({ code: "custom", message: "A rating cannot be below 0/4." });
    } else if (halfStars > MAX_HALF_STARS) {
      ctx.addIssue({ code: "custom", message: "A rating cannot be above 4/4." });
    } else if (!Number.isInteger(halfStars)) {
      ctx.addIssue({ code: "custom", message: "Ratings go in half points: 0, ½, 1, 1½ and so on up to 4." });
    } else {
      return halfStars;
    }
    return z.NEVER;
  });
}

const film = z
  .string({ error: "That film is not in the catalogue." })
  .trim()
  .min(1, "That film is not in the catalogue.")
  .max(200, "That film is not in the catalogue.");

/** The rating form on a film page: a rating, or a request to clear it. A missing intent means "rate". */
export const ratingFormSchema = z.preprocess(
  (value) =>
    value && typeof value === "object" && !("intent" in value && (value as { intent?: unknown }).intent)
      ? { ...value, intent: "rate" }
      : value,
  z.discriminatedUnion(
    "intent",
    [
      z.object({ film, intent: z.literal("rate"), halfStars: halfStarsField({ required: true }) }),
      z.object({ film, intent: z.literal("clear") }),
    ],
    { error: "Choose Save rating or Clear rating." },
  ),
);

export type RatingFormInput = z.output<typeof ratingFormSchema>;
export type RatingField = "halfStars";
