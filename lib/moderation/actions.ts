"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth";
import type { ActionState } from "@/lib/forms/legacy-action-state";
import {
  approveComment,
  dismissReports,
  hideReview,
  removeComment,
  restoreComment,
  restoreReview,
  type ModerationOutcome,
} from "./comments";
import { reinstateMember, suspendMember } from "./members";

export type ModerationFormState = ActionState<"reason", { reason?: string }>;

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

function toState(outcome: ModerationOutcome, reason: string, success: string): ModerationFormState {
  if (outcome.ok) return { ok: true, message: success };
  return { ok: false, message: outcome.message, fieldErrors: outcome.fieldErrors ?? {}, values: { reason } };
}

function refresh(reviewId?: number) {
  revalidatePath("/moderation");
  revalidatePath("/moderation/log");
  if (reviewId) revalidatePath(`/reviews/${reviewId}`);
}

export async function removeCommentAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason");
  const outcome = await removeComment(await getCurrentUser(), Number(text(form, "commentId")), reason);
  if (outcome.ok) refresh(outcome.reviewId);
  return toState(outcome, reason, "The comment is removed; its text is kept and can be restored.");
}

export async function restoreCommentAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason") || "Restored after review";
  const outcome = await restoreComment(await getCurrentUser(), Number(text(form, "commentId")), reason);
  if (outcome.ok) refresh(outcome.reviewId);
  return toState(outcome, reason, "The comment is restored.");
}

export async function approveCommentAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const outcome = await approveComment(await getCurrentUser(), Number(text(form, "commentId")));
  if (outcome.ok) refresh(outcome.reviewId);
  return toState(outcome, "", "The comment is approved and now shows in its thread.");
}

export async function dismissReportsAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason") || "No rule broken";
  const outcome = await dismissReports(await getCurrentUser(), Number(text(form, "commentId")), reason);
  if (outcome.ok) refresh();
  return toState(outcome, reason, "The reports are dismissed.");
}

export async function hideReviewAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason");
  const reviewId = Number(text(form, "reviewId"));
  const outcome = await hideReview(await getCurrentUser(), reviewId, reason);
  if (outcome.ok) refresh(reviewId);
  return toState(outcome, reason, "The review is hidden from readers.");
}

export async function restoreReviewAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason") || "Restored after review";
  const reviewId = Number(text(form, "reviewId"));
  const outcome = await restoreReview(await getCurrentUser(), reviewId, reason);
  if (outcome.ok) refresh(reviewId);
  return toState(outcome, reason, "The review is published again.");
}

export async function suspendMemberAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason");
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, message: "Sign in as a moderator to do that.", fieldErrors: {}, values: { reason } };
  const outcome = await suspendMember(actor, text(form, "handle"), reason);
  if (!outcome.ok) {
    return {
      ok: false,
      message: outcome.message,
      fieldErrors: outcome.reason === "invalid" ? { reason: [outcome.message] } : {},
      values: { reason },
    };
  }
  refresh();
  revalidatePath(`/members/${outcome.handle}`);
  return { ok: true, message: `@${outcome.handle} is suspended and signed out everywhere.` };
}

export async function reinstateMemberAction(_prev: ModerationFormState | null, form: FormData): Promise<ModerationFormState> {
  const reason = text(form, "reason");
  const actor = await getCurrentUser();
  if (!actor) return { ok: false, message: "Sign in as a moderator to do that.", fieldErrors: {}, values: { reason } };
  const outcome = await reinstateMember(actor, text(form, "handle"), reason);
  if (!outcome.ok) return { ok: false, message: outcome.message, fieldErrors: {}, values: { reason } };
  refresh();
  revalidatePath(`/members/${outcome.handle}`);
  return { ok: true, message: `@${outcome.handle} can post again.` };
}
