import { z } from "zod";
import { idField } from "@/lib/params";
import { refineMarkdown } from "@/lib/markdown/limits";
import { halfStarsField } from "@/lib/ratings/schema";
import { hasUnsafeCharacters, UNSAFE_TEXT_MESSAGE } from "@/lib/text";

/**
 * The review form, shared by react-hook-form in the browser and the server
 * action. No server imports here.
 */

export const VERDICT_MAX = 140;
export const BODY_MAX = 20_000;

const count = (n: number) => n.toLocaleString("en-GB");

export const REVIEW_INTENTS = ["draft", "publish"] as const;
export type ReviewIntent = (typeof REVIEW_INTENTS)[number];

const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

const text = (missing: string) =>
  z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string({ error: missing }));

export const reviewFormSchema = z
  .object({
    halfStars: halfStarsField({ required: false }),
    verdict: text("Write a one-line verdict.")
      .refine((value) => !hasUnsafeCharacters(value, { multiline: true }), UNSAFE_TEXT_MESSAGE)
      // One line: line breaks a paste brings along become spaces.
      .transform((value) => value.replace(/\s+/g, " ").trim())
      .pipe(
        z
          .string()
          .min(1, "Write a one-line verdict, such as what you would tell a friend.")
          .max(VERDICT_MAX, {
            error: (issue) =>
              `Keep the verdict to ${VERDICT_MAX} characters; it has ${count(String(issue.input).length)}.`,
          }),
      ),
    body: text("Write your review.")
      .transform((value) => value.trim())
      .pipe(
        z
          .string()
          .min(1, "Write your review; a few sentences are enough.")
          .max(BODY_MAX, {
            error: (issue) =>
              `Keep the review to ${count(BODY_MAX)} characters; it has ${count(String(issue.input).length)}.`,
          })
          .superRefine(refineMarkdown),
      ),
    containsSpoilers: checkbox,
    intent: z.enum(REVIEW_INTENTS, { error: "Choose Save draft or Publish." }),
  })
  .superRefine((review, ctx) => {
    if (review.intent === "publish" && review.halfStars === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["halfStars"],
        message: "Choose your rating before publishing. A draft can wait for one.",
      });
    }
  });

export type ReviewFormInput = z.input<typeof reviewFormSchema>;
export type ReviewFormOutput = z.output<typeof reviewFormSchema>;
export type ReviewField = "halfStars" | "verdict" | "body" | "containsSpoilers" | "intent";

/** What the form shows again after a failed save: exactly what was sent. */
export interface ReviewFormValues {
  halfStars: string;
  verdict: string;
  body: string;
  containsSpoilers: boolean;
}

/** The values a refused save sent, as the form shows them again. */
export function reviewValuesFrom(sent: Record<string, string>): ReviewFormValues {
  return {
    halfStars: sent.halfStars ?? "",
    verdict: sent.verdict ?? "",
    body: sent.body ?? "",
    containsSpoilers: sent.containsSpoilers === "on" || sent.containsSpoilers === "true",
  };
}

/** The film a form is about, by its slug (a hidden field). */
export const filmSlugField = z
  .string({ error: "That film is not in the catalogue." })
  .trim()
  .min(1, "That film is not in the catalogue.")
  .max(200, "That film is not in the catalogue.");

/** What the save action parses: the film's slug beside the review form's fields. */
export const saveReviewSchema = z.intersection(z.object({ film: filmSlugField }), reviewFormSchema);
export type SaveReviewInput = z.input<typeof saveReviewSchema>;

const reviewId = idField("There is no review of yours to delete here.");

export const deleteReviewSchema = z.object({ reviewId });
export type DeleteReviewInput = z.input<typeof deleteReviewSchema>;

/** Like (`like=1`) or unlike (`like=0`): the form says which state is wanted, so a repeat changes nothing. */
export const likeReviewSchema = z.object({
  reviewId: idField("That review is not published, so it cannot be liked."),
  like: z.enum(["1", "0"], { error: "That like could not be understood; reload the page and try again." }),
});
export type LikeReviewInput = z.input<typeof likeReviewSchema>;
