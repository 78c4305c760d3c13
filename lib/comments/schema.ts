import { z } from "zod";
import { idField, optionalIdField } from "@/lib/params";
import { pluralize } from "@/lib/text";
import { refineMarkdown } from "@/lib/markdown/limits";

import { COMMENT_MAX_LENGTH } from "./rules";

export { COMMENT_EDIT_WINDOW_MS, COMMENT_MAX_LENGTH, MAX_COMMENT_DEPTH, REPORT_REASONS } from "./rules";

const body = z
  .string({ error: "Write something first." })
  .trim()
  .min(1, "Write something first.")
  .max(COMMENT_MAX_LENGTH, `Keep it under ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters.`)
  .superRefine(refineMarkdown);

const id = idField("That comment does not exist.");

/** Leave a Reply (or reply to a comment): shared by the form and the server action. */
export const postCommentSchema = z.object({
  reviewId: idField("That review does not exist."),
  parentId: optionalIdField("The comment you are replying to does not exist."),
  body,
});
export type PostCommentInput = z.input<typeof postCommentSchema>;

export const editCommentSchema = z.object({ commentId: id, body });
export type EditCommentInput = z.input<typeof editCommentSchema>;

/** Delete, approve and the other one-button forms on a comment. */
export const commentIdSchema = z.object({ commentId: id });
export type CommentIdInput = z.input<typeof commentIdSchema>;

/**
 * "Sign my comments with": the radio's value is `provider:accountId`; the
 * account id itself may contain colons, so only the first one splits.
 */
export const signingAccountSchema = z.object({
  account: z.string({ error: "Choose an account." }).transform((choice, ctx) => {
    const colon = choice.indexOf(":");
    if (colon <= 0 || colon === choice.length - 1) {
      ctx.addIssue({ code: "custom", message: "Choose an account." });
      return z.NEVER;
    }
    return { provider: choice.slice(0, colon), providerAccountId: choice.slice(colon + 1) };
  }),
});

export const reportCommentSchema = z
  .object({
    commentId: id,
    reason: z.enum(["spam", "abuse", "spoilers", "off-topic", "other"], { error: "Choose a reason." }),
    note: z.string().trim().max(500, "Keep the note under 500 characters.").optional().default(""),
  })
  .refine((r) => r.reason !== "other" || r.note.length > 0, {
    path: ["note"],
    message: "Tell the moderators what is wrong.",
  });
export type ReportCommentInput = z.input<typeof reportCommentSchema>;

/** "No thoughts yet", "1 thought on “Her”", "2 thoughts on “Her”". */
export function thoughtsHeading(count: number, filmTitle: string): string {
  if (count === 0) return `No thoughts yet on “${filmTitle}”`;
  return `${pluralize(count, "thought")} on “${filmTitle}”`;
}
