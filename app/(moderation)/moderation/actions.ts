"use server";

import { defineAction } from "@/lib/forms/define-action";
import {
  approveComment,
  dismissReports,
  hideReview,
  removeComment,
  restoreComment,
  restoreReview,
} from "@/lib/moderation/comments";
import { reinstateMember, suspendMember } from "@/lib/moderation/members";
import {
  approveCommentSchema,
  dismissReportsSchema,
  hideReviewSchema,
  reinstateMemberSchema,
  removeCommentSchema,
  restoreCommentSchema,
  restoreReviewSchema,
  suspendMemberSchema,
} from "@/lib/moderation/schema";

/** The moderation steps, on review pages and in the queue. Each writes a moderation log row. */

export const removeCommentAction = defineAction({
  requires: "moderator",
  schema: removeCommentSchema,
  run: removeComment,
  message: "The comment is removed; its text is kept and can be restored.",
});

export const restoreCommentAction = defineAction({
  requires: "moderator",
  schema: restoreCommentSchema,
  run: restoreComment,
  message: "The comment is restored.",
});

export const approveCommentAction = defineAction({
  requires: "moderator",
  schema: approveCommentSchema,
  run: approveComment,
  message: "The comment is approved and now shows in its thread.",
});

export const dismissReportsAction = defineAction({
  requires: "moderator",
  schema: dismissReportsSchema,
  run: dismissReports,
  message: "The reports are dismissed.",
});

export const hideReviewAction = defineAction({
  requires: "moderator",
  schema: hideReviewSchema,
  run: hideReview,
  message: "The review is hidden from readers.",
});

export const restoreReviewAction = defineAction({
  requires: "moderator",
  schema: restoreReviewSchema,
  run: restoreReview,
  message: "The review is published again.",
});

export const suspendMemberAction = defineAction({
  requires: "moderator",
  words: { forbidden: "Only moderators and admins can do that." },
  schema: suspendMemberSchema,
  run: suspendMember,
  message: (value) => `@${value.handle} is suspended and signed out everywhere.`,
});

export const reinstateMemberAction = defineAction({
  requires: "moderator",
  words: { forbidden: "Only moderators and admins can do that." },
  schema: reinstateMemberSchema,
  run: reinstateMember,
  message: (value) => `@${value.handle} can post again.`,
});
