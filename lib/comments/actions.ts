"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import type { ActionState } from "@/lib/forms/legacy-action-state";
import { chooseSigningAccount, deleteComment, editComment, postComment, reportComment, type CommentOutcome } from "./index";

type Field = "body" | "parentId" | "reason" | "note";
export type CommentFormState = ActionState<Field, Partial<Record<Field, string>>> & { commentId?: number };

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

function toState(outcome: CommentOutcome, values: Partial<Record<Field, string>>, success: string): CommentFormState {
  if (outcome.ok) return { ok: true, message: success };
  return {
    ok: false,
    message: outcome.message,
    fieldErrors: (outcome.fieldErrors ?? {}) as Partial<Record<Field, string[]>>,
    values,
  };
}

/** Leave a Reply / Reply: posts as the signed-in member, signed by their current account. */
export async function postCommentAction(_prev: CommentFormState | null, form: FormData): Promise<CommentFormState> {
  const values = { body: text(form, "body"), parentId: text(form, "parentId") };
  const reviewId = text(form, "reviewId");
  const outcome = await postComment(await getCurrentUser(), { reviewId, parentId: values.parentId, body: values.body });
  if (outcome.ok) revalidatePath(`/reviews/${reviewId}`);
  const state = toState(
    outcome,
    values,
    outcome.ok && outcome.held ? "Thanks. Your comment is awaiting moderation; only you and the moderators can see it for now." : "Your comment is posted.",
  );
  return outcome.ok ? { ...state, commentId: outcome.commentId } : state;
}

/** Saves an edit to the member's own comment (within 15 minutes of posting). */
export async function editCommentAction(_prev: CommentFormState | null, form: FormData): Promise<CommentFormState> {
  const values = { body: text(form, "body") };
  const outcome = await editComment(await getCurrentUser(), { commentId: text(form, "commentId"), body: values.body });
  if (outcome.ok) revalidatePath(`/reviews/${outcome.reviewId}`);
  return toState(outcome, values, outcome.ok && outcome.held ? "Saved. The edit is awaiting moderation." : "Your edit is saved.");
}

/** Deletes the member's own comment. */
export async function deleteCommentAction(_prev: CommentFormState | null, form: FormData): Promise<CommentFormState> {
  const outcome = await deleteComment(await getCurrentUser(), Number(text(form, "commentId")));
  if (outcome.ok) revalidatePath(`/reviews/${outcome.reviewId}`);
  return toState(outcome, {}, "Your comment is deleted.");
}

/** Reports a comment to the moderators. */
export async function reportCommentAction(_prev: CommentFormState | null, form: FormData): Promise<CommentFormState> {
  const values = { reason: text(form, "reason"), note: text(form, "note") };
  const outcome = await reportComment(await getCurrentUser(), {
    commentId: text(form, "commentId"),
    reason: values.reason as never,
    note: values.note,
  });
  return toState(outcome, values, "Thanks for the report. A moderator will look at it.");
}

/** Makes another linked account the one that signs the member's comments. */
export async function chooseSigningAccountAction(_prev: CommentFormState | null, form: FormData): Promise<CommentFormState> {
  // "provider:accountId"; the account id itself may contain colons.
  const choice = text(form, "account");
  const colon = choice.indexOf(":");
  const provider = colon > 0 ? choice.slice(0, colon) : "";
  const providerAccountId = colon > 0 ? choice.slice(colon + 1) : "";
  const outcome = await chooseSigningAccount(await getCurrentUser(), provider, providerAccountId);
  if (outcome.ok) revalidatePath(`/reviews/${text(form, "reviewId")}`);
  return toState(outcome, {}, "Your comments are now signed with that account.");
}
