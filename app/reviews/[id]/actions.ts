"use server";

import {
  chooseSigningAccount,
  COMMENT_WORDS,
  deleteComment,
  editComment,
  postComment,
  reportComment,
} from "@/lib/comments/write";
import {
  commentIdSchema,
  editCommentSchema,
  postCommentSchema,
  reportCommentSchema,
  signingAccountSchema,
} from "@/lib/comments/schema";
import { defineAction } from "@/lib/forms/define-action";
import { likeReviewSchema } from "@/lib/reviews/schema";
import { setReviewLike } from "@/lib/reviews/write";

/** Likes (`like=1`) or unlikes (`like=0`) a review; the button shows the new state and count. */
export const likeReviewAction = defineAction({
  requires: "poster",
  schema: likeReviewSchema,
  run: setReviewLike,
  message: (value) => value.message,
  data: (value) => ({ liked: value.liked, likeCount: value.likeCount }),
});

/** Leave a Reply / Reply: posts as the signed-in member, signed by their current account. */
export const postCommentAction = defineAction({
  requires: "poster",
  words: COMMENT_WORDS,
  schema: postCommentSchema,
  run: postComment,
  message: (value) =>
    value.held
      ? "Thanks. Your comment is awaiting moderation; only you and the moderators can see it for now."
      : "Your comment is posted.",
});

/** Saves an edit to the member's own comment (within 15 minutes of posting). */
export const editCommentAction = defineAction({
  requires: "poster",
  words: COMMENT_WORDS,
  schema: editCommentSchema,
  run: editComment,
  message: (value) => (value.held ? "Saved. The edit is awaiting moderation." : "Your edit is saved."),
});

/** Deletes the member's own comment. */
export const deleteCommentAction = defineAction({
  requires: "member",
  words: COMMENT_WORDS,
  schema: commentIdSchema,
  run: deleteComment,
  message: "Your comment is deleted.",
});

/** Reports a comment to the moderators. */
export const reportCommentAction = defineAction({
  requires: "poster",
  words: COMMENT_WORDS,
  schema: reportCommentSchema,
  run: reportComment,
  message: "Thanks for the report. A moderator will look at it.",
});

/** Makes another linked account the one that signs the member's comments. */
export const chooseSigningAccountAction = defineAction({
  requires: "member",
  words: COMMENT_WORDS,
  schema: signingAccountSchema,
  run: chooseSigningAccount,
  message: "Your comments are now signed with that account.",
});
