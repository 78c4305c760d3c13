import type { CurrentUser } from "@/lib/auth";
import { hasRole } from "@/lib/auth/roles";
import { COMMENT_EDIT_WINDOW_MS } from "@/lib/comments/rules";
import { fail, type Failure, type Result } from "@/lib/result";

/**
 * Who may do what: the one module that decides. The action wrapper asks it
 * what an action requires, the domain writes ask it about the thing they
 * change, and the thread query asks it which controls a reader gets. No
 * component decides a permission. No server imports.
 */

/** What an action needs of whoever calls it. */
export type Requirement = "visitor" | "member" | "poster" | "moderator" | "admin";

/** Signed in and not suspended. */
export type Poster = CurrentUser & { suspended: false };
export type Moderator = Poster & { role: "moderator" | "admin" };
export type Admin = Poster & { role: "admin" };

export type ActorFor<R extends Requirement> = R extends "visitor"
  ? CurrentUser | null
  : R extends "member"
    ? CurrentUser
    : R extends "poster"
      ? Poster
      : R extends "moderator"
        ? Moderator
        : Admin;

/** The sentences a refusal uses; each action may word them for its own page. */
export interface RefusalWords {
  signedOut?: string;
  suspended?: string;
  forbidden?: string;
}

export const SIGN_IN_TO_POST = "Sign in to rate films, write reviews and like them.";
export const SUSPENDED_CANNOT_POST =
  "Your account is suspended, so you cannot rate, review or like for now. You can still read everything.";
export const SIGN_IN_TO_COMMENT = "Sign in to join the conversation.";
export const SUSPENDED_CANNOT_COMMENT =
  "Your account is suspended, so you cannot post or report. You can still read and sign in.";

const DEFAULT_WORDS: Record<Exclude<Requirement, "visitor">, Required<RefusalWords>> = {
  member: { signedOut: "Your session has ended. Sign in again.", suspended: "", forbidden: "" },
  poster: { signedOut: SIGN_IN_TO_POST, suspended: SUSPENDED_CANNOT_POST, forbidden: "" },
  moderator: {
    signedOut: "Sign in as a moderator to do that.",
    suspended: "Your account is suspended, so you cannot moderate.",
    forbidden: "Only moderators can do that.",
  },
  admin: {
    signedOut: "Sign in as an admin to do that.",
    suspended: "Your account is suspended, so you cannot change settings.",
    forbidden: "Only admins can do that.",
  },
};

/**
 * Checks `actor` against what an action requires and hands back the actor
 * narrowed to that requirement, or the refusal to show.
 */
export function authorize<R extends Requirement>(
  actor: CurrentUser | null,
  requires: R,
  words: RefusalWords = {},
): Result<ActorFor<R>> {
  // TypeScript cannot narrow a conditional type by the checks below; each cast
  // is sound because the line before it has just proved what ActorFor<R> says.
  if (requires === "visitor") return { ok: true, value: actor as ActorFor<R> };
  const defaults = DEFAULT_WORDS[requires as Exclude<Requirement, "visitor">];
  if (!actor) return fail("unauthenticated", words.signedOut ?? defaults.signedOut);
  if (requires === "member") return { ok: true, value: actor as ActorFor<R> };
  if (requires !== "poster" && !hasRole(actor.role, requires)) {
    return fail("forbidden", words.forbidden ?? defaults.forbidden);
  }
  if (actor.suspended) return fail("forbidden", (words.suspended ?? defaults.suspended) + suspensionDetails(actor));
  return { ok: true, value: actor as ActorFor<R> };
}

export function isPoster(actor: CurrentUser | null): actor is Poster {
  return actor !== null && !actor.suspended;
}

export function isModerator(actor: CurrentUser | null): actor is Moderator {
  return isPoster(actor) && hasRole(actor.role, "moderator");
}

/**
 * Whether a member is suspended at `now`. A suspension with an end that has
 * passed is over by itself: nothing has to run to lift it, and every reader
 * of the columns asks this.
 */
export function isSuspended(
  row: { suspendedAt: Date | null; suspendedUntil: Date | null },
  now: Date = new Date(),
): boolean {
  return row.suspendedAt !== null && (row.suspendedUntil === null || row.suspendedUntil > now);
}

/** "12 January 2027": a suspension's last day (it ends when that day ends, UTC), as every message writes it. */
export function suspensionEndText(until: string): string {
  return new Date(new Date(until).getTime() - 1).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** The reason and end of `actor`'s suspension, as a sentence or two to follow a refusal ("" when unknown). */
export function suspensionDetails(actor: CurrentUser): string {
  const s = actor.suspension;
  if (!s) return "";
  const parts: string[] = [];
  if (s.reason) parts.push(`Reason: ${s.reason}`);
  parts.push(s.until ? `It ends after ${suspensionEndText(s.until)}.` : "It lasts until a moderator lifts it.");
  return " " + parts.join(" ").replace(/([^.!?])( It )/, "$1.$2");
}

/** Moderators and admins post without the flood limits and without holds. */
export function skipsPostingLimits(actor: CurrentUser): boolean {
  return hasRole(actor.role, "moderator");
}

// ---------------------------------------------------------------- comments

export type CommentState = "visible" | "deleted" | "removed" | "held";

/** A comment's state from its row's timestamps: deleted by its author, removed by a moderator, held, or visible. */
export function commentStateOf(row: {
  deletedAt: Date | null;
  removedAt: Date | null;
  heldAt: Date | null;
}): CommentState {
  if (row.deletedAt) return "deleted";
  if (row.removedAt) return "removed";
  if (row.heldAt) return "held";
  return "visible";
}

/** What the rules need to know about a comment. */
export interface CommentFacts {
  authorId: string | null;
  state: CommentState;
  createdAt: Date;
}

/** May `viewer` read the comment's words? Visible ones, and held ones for their author and moderators. */
export function mayReadComment(viewer: CurrentUser | null, comment: CommentFacts): boolean {
  if (comment.state === "visible") return true;
  if (comment.state !== "held" || !viewer) return false;
  return comment.authorId === viewer.id || hasRole(viewer.role, "moderator");
}

/** May `viewer` see the raw text: its author (for the edit form), and moderators of removed or held comments. */
export function maySeeCommentSource(viewer: CurrentUser | null, comment: CommentFacts): boolean {
  if (!viewer || comment.state === "deleted") return false;
  if (comment.authorId === viewer.id) return true;
  return hasRole(viewer.role, "moderator") && (comment.state === "removed" || comment.state === "held");
}

function ownComment(actor: CurrentUser, comment: CommentFacts | null): Failure | null {
  if (!comment || comment.state === "deleted") return fail("not_found", "That comment does not exist.");
  if (comment.authorId !== actor.id) return fail("forbidden", "You can only change your own comments.");
  return null;
}

/** Why `actor` may not edit the comment now, or null when they may: their own, visible, within 15 minutes. */
export function refuseCommentEdit(actor: CurrentUser, comment: CommentFacts | null, now: Date): Failure | null {
  const notOwn = ownComment(actor, comment);
  if (notOwn || !comment) return notOwn;
  if (comment.state === "removed") return fail("forbidden", "A moderator removed this comment; it cannot be edited.");
  if (now.getTime() - comment.createdAt.getTime() >= COMMENT_EDIT_WINDOW_MS) {
    return fail("forbidden", "Comments can be edited for 15 minutes after posting; this one can no longer be changed.");
  }
  return null;
}

/** Why `actor` may not delete the comment, or null: their own, not removed by a moderator. */
export function refuseCommentDelete(actor: CurrentUser, comment: CommentFacts | null): Failure | null {
  const notOwn = ownComment(actor, comment);
  if (notOwn || !comment) return notOwn;
  if (comment.state === "removed")
    return fail("forbidden", "A moderator removed this comment; it stays for the record.");
  return null;
}

/** Why nobody may reply to `parent` (gone or held), or null. */
export function refuseReplyTo(parent: CommentFacts): Failure | null {
  if (parent.state !== "visible") {
    return fail("forbidden", "You cannot reply to a comment that was deleted, removed or is awaiting moderation.");
  }
  return null;
}

/** Why `actor` may not report the comment, or null: someone else's comment that still exists. */
export function refuseCommentReport(actor: CurrentUser, comment: CommentFacts | null): Failure | null {
  if (!comment || comment.state === "deleted") return fail("not_found", "That comment does not exist.");
  if (comment.authorId === actor.id) return fail("forbidden", "You cannot report your own comment.");
  return null;
}

/** The controls `viewer` gets on one comment: each is exactly what the write would allow. */
export interface CommentControls {
  edit: boolean;
  delete: boolean;
  reply: boolean;
  report: boolean;
  /** Remove a visible or held comment. */
  remove: boolean;
  /** Restore a removed comment. */
  restore: boolean;
  /** Approve a held comment. */
  approve: boolean;
}

export function commentControls(viewer: CurrentUser | null, comment: CommentFacts, now: Date): CommentControls {
  const poster = isPoster(viewer);
  const moderator = isModerator(viewer);
  return {
    edit: poster && refuseCommentEdit(viewer, comment, now) === null && comment.state === "visible",
    delete: viewer !== null && refuseCommentDelete(viewer, comment) === null,
    reply: poster && refuseReplyTo(comment) === null,
    report: poster && comment.state === "visible" && refuseCommentReport(viewer, comment) === null,
    remove: moderator && (comment.state === "visible" || comment.state === "held"),
    restore: moderator && comment.state === "removed",
    approve: moderator && comment.state === "held",
  };
}

// ----------------------------------------------------------------- reviews

/** Why `actor` may not like the review, or null: a published review by someone else. */
export function refuseReviewLike(
  actor: CurrentUser,
  review: { authorId: string; status: "draft" | "published" | "hidden" } | null,
): Failure | null {
  if (!review || review.status !== "published") {
    return fail("not_found", "That review is not published, so it cannot be liked.");
  }
  if (review.authorId === actor.id) return fail("forbidden", "You cannot like your own review.");
  return null;
}

/** May `viewer` hide or restore a review in this state (drafts are nobody's to moderate). */
export function mayModerateReview(viewer: CurrentUser | null, status: "draft" | "published" | "hidden"): boolean {
  return isModerator(viewer) && status !== "draft";
}

/** Can `viewer` read a review in this state: published for everyone; drafts and hidden ones for the author; hidden ones for moderators. */
export function mayReadReview(
  viewer: CurrentUser | null,
  review: { authorId: string; status: "draft" | "published" | "hidden" },
): boolean {
  if (review.status === "published") return true;
  if (!viewer) return false;
  if (review.authorId === viewer.id) return true;
  return review.status === "hidden" && hasRole(viewer.role, "moderator");
}

// ----------------------------------------------------------------- members

/**
 * Why `actor` may not suspend `target`, or null. Moderators suspend members;
 * admins also suspend moderators; nobody suspends an admin or themselves.
 */
export function refuseSuspension(
  actor: CurrentUser,
  target: { id: string; handle: string; role: CurrentUser["role"]; suspended: boolean },
): Failure | null {
  if (target.id === actor.id) return fail("forbidden", "You cannot suspend yourself.");
  if (target.role === "admin") return fail("forbidden", "An admin cannot be suspended; change their role first.");
  if (target.role === "moderator" && !hasRole(actor.role, "admin")) {
    return fail("forbidden", "Only an admin can suspend a moderator.");
  }
  if (target.suspended) return fail("conflict", `@${target.handle} is already suspended.`);
  return null;
}

/** Why `actor` may not lift `target`'s suspension, or null: the same rule as suspending. */
export function refuseReinstatement(
  actor: CurrentUser,
  target: { handle: string; role: CurrentUser["role"]; suspended: boolean },
): Failure | null {
  if (target.role !== "member" && !hasRole(actor.role, "admin")) {
    return fail("forbidden", "Only an admin can reinstate a moderator.");
  }
  if (!target.suspended) return fail("conflict", `@${target.handle} is not suspended.`);
  return null;
}

/** What a viewer of a member's page may do to that member. */
export function memberControls(
  viewer: CurrentUser | null,
  target: { id: string; handle: string; role: CurrentUser["role"]; suspended: boolean },
): { suspend: boolean; reinstate: boolean } {
  if (!isModerator(viewer)) return { suspend: false, reinstate: false };
  return {
    suspend: refuseSuspension(viewer, target) === null,
    reinstate: refuseReinstatement(viewer, target) === null,
  };
}

/** The decisions a moderator gets on a queue entry. */
export function queueControls(
  viewer: Moderator,
  item: {
    removed: boolean;
    held: boolean;
    reportCount: number;
    author: { id: string; handle: string; role: CurrentUser["role"]; suspended: boolean } | null;
  },
): { remove: boolean; dismiss: boolean; approve: boolean; suspend: boolean } {
  return {
    remove: !item.removed,
    dismiss: item.reportCount > 0,
    approve: item.held && !item.removed,
    suspend: item.author !== null && refuseSuspension(viewer, item.author) === null,
  };
}

// ------------------------------------------------------------------- pages

/** Who gets the moderation pages: moderators and admins who are not suspended. */
export function mayOpenModeration(viewer: CurrentUser | null): viewer is Moderator {
  return isModerator(viewer);
}

/**
 * Who is told, on a member's page, that the member is suspended: the people
 * who see suspensions on /moderation. The page itself is shared by every
 * reader, so the marker comes only through their viewer payload.
 */
export function mayReadSuspensions(viewer: CurrentUser | null): viewer is Moderator {
  return mayOpenModeration(viewer);
}

/** Who gets the admin pages. */
export function mayOpenAdmin(viewer: CurrentUser | null): boolean {
  return viewer !== null && hasRole(viewer.role, "admin");
}

// ----------------------------------------------------------------- imports

/**
 * Why the imported member `from` may not be handed to `to`, or null: `from`
 * came from an import (no sign-in account of their own) and `to` is a real
 * member. Only admins get this far (the action requires "admin").
 */
export function refuseHandOver(
  from: { handle: string; importedFrom: string | null } | null,
  to: { handle: string; importedFrom: string | null } | null,
): Failure | null {
  if (!from) return fail("not_found", "There is no member with that handle to hand over.");
  if (!to) return fail("not_found", "There is no member with that handle to receive them.");
  if (!from.importedFrom) {
    return fail("forbidden", `@${from.handle} signed up themselves; only imported members can be handed over.`);
  }
  if (to.importedFrom) return fail("forbidden", `@${to.handle} is imported too; hand them to a member who signs in.`);
  if (from.handle === to.handle) return fail("invalid", "Choose a different member to hand them to.");
  return null;
}

// ------------------------------------------------------------------- lists

/** Who may see a list: anyone when it is public; its owner only when it is private. */
export function mayReadList(viewer: CurrentUser | null, list: { ownerId: string; isPublic: boolean }): boolean {
  return list.isPublic || (viewer !== null && viewer.id === list.ownerId);
}

/** Why `actor` may not change the list (its title, films or order), or null: only its owner does. */
export function refuseListEdit(
  actor: CurrentUser,
  list: { ownerId: string; isPublic: boolean } | null,
): Failure | null {
  if (!list || !mayReadList(actor, list)) return fail("not_found", "That list does not exist.");
  if (list.ownerId !== actor.id) return fail("forbidden", "Only the member who made this list can change it.");
  return null;
}

/** Why `actor` may not like the list, or null: a list they can see, made by someone else. */
export function refuseListLike(
  actor: CurrentUser,
  list: { ownerId: string; isPublic: boolean } | null,
): Failure | null {
  if (!list || !mayReadList(actor, list)) return fail("not_found", "That list does not exist.");
  if (list.ownerId === actor.id) return fail("forbidden", "You cannot like your own list.");
  return null;
}

// ----------------------------------------------------------------- follows

/** Why `actor` may not follow `target`, or null: any member but themselves. */
export function refuseFollow(actor: CurrentUser, target: { id: string } | null): Failure | null {
  if (!target) return fail("not_found", "There is no member with that handle.");
  if (target.id === actor.id) return fail("forbidden", "You cannot follow yourself.");
  return null;
}

// ------------------------------------------------------- diary, watchlist

/** Why `actor` may not delete the diary entry, or null: only the member who logged it. */
export function refuseDiaryEntryDelete(actor: CurrentUser, entry: { userId: string } | null): Failure | null {
  if (!entry) return fail("not_found", "That diary entry does not exist.");
  if (entry.userId !== actor.id) return fail("forbidden", "Only the member who logged this viewing can delete it.");
  return null;
}

/** Whether `viewer` gets the delete link on a diary entry: exactly when the write would allow it. */
export function mayDeleteDiaryEntry(viewer: CurrentUser | null, entry: { userId: string }): boolean {
  return viewer !== null && refuseDiaryEntryDelete(viewer, entry) === null;
}
