import { z } from "zod";
import { normalizeForMatching } from "@/lib/text";
import { ROLES } from "@/lib/auth/roles";
import { idField } from "@/lib/params";
import { RULE_KEYS } from "./rules";

/**
 * The moderation and admin forms' schemas, shared by the browser and the
 * server actions. No server imports.
 */

export const REASON_MAX = 500;

/** The one reason every moderation step takes: shown in the thread or kept in the log. */
export const reasonSchema = z
  .string({ error: "Give a reason." })
  .trim()
  .min(3, "Give a reason (at least 3 characters).")
  .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`);

/** A reason that may be left blank, falling back to `fallback`. */
export function reasonOr(fallback: string) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? fallback : (value ?? fallback)),
    reasonSchema,
  );
}

/** The house rule a removal or a hide cites (lib/moderation/rules); nothing off the list is accepted. */
export const ruleSchema = z.enum(RULE_KEYS, { error: "Choose the rule that was broken." });

const commentId = idField("That comment does not exist.");
const reviewId = idField("That review does not exist.");
const handle = z.string({ error: "Choose a member." }).trim().toLowerCase().min(1, "Choose a member.");

export const removeCommentSchema = z.object({ commentId, rule: ruleSchema, reason: reasonSchema });
export const restoreCommentSchema = z.object({ commentId, reason: reasonOr("Restored after review") });
export const approveCommentSchema = z.object({ commentId });
export const dismissReportsSchema = z.object({ commentId, reason: reasonOr("No rule broken") });
export const hideReviewSchema = z.object({ reviewId, rule: ruleSchema, reason: reasonSchema });
export const restoreReviewSchema = z.object({ reviewId, reason: reasonOr("Restored after review") });
/**
 * A suspension's optional last day, from a date field ("2027-01-12"): the
 * suspension ends when that day ends (UTC). Blank: until a moderator lifts it.
 */
export const suspensionEndSchema = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the last day as a date, or leave it blank.")
    .transform((day) => new Date(`${day}T00:00:00Z`).getTime() + 24 * 3600 * 1000)
    .refine((end) => Number.isFinite(end), "Give the last day as a date, or leave it blank.")
    .refine((end) => end > Date.now(), "The last day must be today or later.")
    .transform((end) => new Date(end))
    .optional(),
);

export const suspendMemberSchema = z.object({ handle, reason: reasonSchema, until: suspensionEndSchema });
export const reinstateMemberSchema = z.object({
  handle,
  reason: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    reasonSchema.optional(),
  ),
});

/** The admin page's role form. */
export const roleChangeSchema = z.object({
  handle,
  role: z.enum(ROLES, { error: "Choose member, moderator or admin." }),
});
export type RoleChangeInput = z.input<typeof roleChangeSchema>;

export const blockedTermSchema = z.object({
  term: z
    .string({ error: "Enter a word or phrase." })
    // Stored as comments are matched: NFKC, lower case, no invisible characters (lib/text.ts).
    .transform((term) => normalizeForMatching(term).trim())
    .pipe(z.string().min(2, "Enter at least 2 characters.").max(80, "Keep it under 80 characters.")),
});
export const blockedTermIdSchema = z.object({ id: idField("That term is not on the blocklist.") });
