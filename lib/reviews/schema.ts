import { z } from "zod";
import type { ActionState } from "@/lib/forms/legacy-action-state";
import { refineMarkdown } from "@/lib/markdown/limits";
import { halfStarsField } from "@/lib/ratings/schema";

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

/** What the review action returns to the form (null before the first submit). */
export type ReviewFormState = ActionState<ReviewField, ReviewFormValues> | null;
