import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth";
import {
  authorize,
  commentControls,
  mayModerateReview,
  mayOpenAdmin,
  mayOpenModeration,
  mayReadComment,
  mayReadReview,
  mayReadSuspensions,
  maySeeCommentSource,
  memberControls,
  queueControls,
  refuseCommentDelete,
  refuseCommentEdit,
  refuseCommentReport,
  refuseReinstatement,
  refuseReplyTo,
  refuseReviewLike,
  refuseSuspension,
  type CommentFacts,
  type Moderator,
} from "@/lib/policy";

const person = (id: string, role: CurrentUser["role"] = "member", suspended = false): CurrentUser => ({
  id,
  handle: id,
  name: id,
  image: null,
  role,
  suspended,
});

const author = person("author");
const reader = person("reader");
const suspendedAuthor = person("author", "member", true);
const moderator = person("rosa", "moderator") as Moderator;
const suspendedModerator = person("rosa", "moderator", true);
const admin = person("ada", "admin") as Moderator;
const now = new Date("2026-12-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const comment = (state: CommentFacts["state"], postedMinutesAgo = 1): CommentFacts => ({
  authorId: author.id,
  state,
  createdAt: minutesAgo(postedMinutesAgo),
});

describe("what an action requires", () => {
  it("lets anyone through for a visitor action", () => {
    expect(authorize(null, "visitor")).toEqual({ ok: true, value: null });
  });

  it("wants a session for a member action, suspended or not", () => {
    expect(authorize(null, "member")).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(authorize(suspendedAuthor, "member")).toMatchObject({ ok: true });
  });

  it("refuses visitors and suspended members a posting action, each with its own sentence", () => {
    expect(authorize(null, "poster")).toMatchObject({
      ok: false,
      code: "unauthenticated",
      message: expect.stringMatching(/^Sign in/),
    });
    expect(authorize(suspendedAuthor, "poster")).toMatchObject({
      ok: false,
      code: "forbidden",
      message: expect.stringMatching(/suspended/),
    });
    expect(authorize(author, "poster")).toMatchObject({ ok: true, value: author });
  });

  it("keeps moderation for moderators and admins who are not suspended", () => {
    expect(authorize(reader, "moderator")).toMatchObject({ ok: false, code: "forbidden" });
    expect(authorize(suspendedModerator, "moderator")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/suspended/),
    });
    expect(authorize(moderator, "moderator").ok).toBe(true);
    expect(authorize(admin, "moderator").ok).toBe(true);
  });

  it("keeps admin actions for admins", () => {
    expect(authorize(moderator, "admin")).toMatchObject({ ok: false, code: "forbidden" });
    expect(authorize(admin, "admin").ok).toBe(true);
  });

  it("uses an action's own wording when it has one", () => {
    expect(authorize(null, "admin", { signedOut: "Only admins can change the blocklist." })).toMatchObject({
      message: "Only admins can change the blocklist.",
    });
  });
});

describe("comments", () => {
  it("lets the author edit a visible comment for 15 minutes, and nobody else", () => {
    expect(refuseCommentEdit(author, comment("visible", 14), now)).toBeNull();
    expect(refuseCommentEdit(author, comment("visible", 15), now)).toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/15 minutes/),
    });
    expect(refuseCommentEdit(reader, comment("visible"), now)).toMatchObject({
      message: "You can only change your own comments.",
    });
    expect(refuseCommentEdit(moderator, comment("visible"), now)).toMatchObject({ code: "forbidden" });
    expect(refuseCommentEdit(author, comment("removed"), now)).toMatchObject({
      message: expect.stringMatching(/moderator removed/),
    });
    expect(refuseCommentEdit(author, comment("deleted"), now)).toMatchObject({ code: "not_found" });
    expect(refuseCommentEdit(author, null, now)).toMatchObject({ code: "not_found" });
  });

  it("lets the author delete their comment unless a moderator removed it", () => {
    expect(refuseCommentDelete(author, comment("visible"))).toBeNull();
    expect(refuseCommentDelete(author, comment("held"))).toBeNull();
    expect(refuseCommentDelete(author, comment("removed"))).toMatchObject({ code: "forbidden" });
    expect(refuseCommentDelete(reader, comment("visible"))).toMatchObject({ code: "forbidden" });
    expect(refuseCommentDelete(moderator, comment("visible"))).toMatchObject({ code: "forbidden" });
  });

  it("takes replies only under visible comments", () => {
    expect(refuseReplyTo(comment("visible"))).toBeNull();
    for (const state of ["held", "removed", "deleted"] as const) expect(refuseReplyTo(comment(state))).not.toBeNull();
  });

  it("takes reports of other people's comments that still exist", () => {
    expect(refuseCommentReport(reader, comment("visible"))).toBeNull();
    expect(refuseCommentReport(author, comment("visible"))).toMatchObject({
      message: "You cannot report your own comment.",
    });
    expect(refuseCommentReport(reader, comment("deleted"))).toMatchObject({ code: "not_found" });
  });

  it("shows held words to their author and moderators only, and removed words to moderators only", () => {
    expect(mayReadComment(null, comment("visible"))).toBe(true);
    expect(mayReadComment(reader, comment("held"))).toBe(false);
    expect(mayReadComment(author, comment("held"))).toBe(true);
    expect(mayReadComment(moderator, comment("held"))).toBe(true);
    expect(mayReadComment(moderator, comment("removed"))).toBe(false);
    expect(maySeeCommentSource(moderator, comment("removed"))).toBe(true);
    expect(maySeeCommentSource(reader, comment("removed"))).toBe(false);
    expect(maySeeCommentSource(author, comment("visible"))).toBe(true);
    expect(maySeeCommentSource(author, comment("deleted"))).toBe(false);
  });

  it("gives each reader exactly the controls the writes would allow", () => {
    expect(commentControls(null, comment("visible"), now)).toEqual({
      edit: false,
      delete: false,
      reply: false,
      report: false,
      remove: false,
      restore: false,
      approve: false,
    });
    expect(commentControls(reader, comment("visible"), now)).toMatchObject({
      reply: true,
      report: true,
      edit: false,
      delete: false,
      remove: false,
    });
    expect(commentControls(author, comment("visible"), now)).toMatchObject({
      edit: true,
      delete: true,
      report: false,
      reply: true,
    });
    expect(commentControls(author, comment("visible", 20), now)).toMatchObject({ edit: false, delete: true });
    expect(commentControls(suspendedAuthor, comment("visible"), now)).toMatchObject({
      edit: false,
      reply: false,
      report: false,
      delete: true,
    });
    expect(commentControls(moderator, comment("visible"), now)).toMatchObject({
      remove: true,
      restore: false,
      approve: false,
    });
    expect(commentControls(moderator, comment("held"), now)).toMatchObject({
      remove: true,
      approve: true,
      reply: false,
    });
    expect(commentControls(moderator, comment("removed"), now)).toMatchObject({ remove: false, restore: true });
    expect(commentControls(suspendedModerator, comment("visible"), now)).toMatchObject({ remove: false });
    expect(commentControls(moderator, comment("deleted"), now)).toMatchObject({ remove: false, restore: false });
  });
});

describe("reviews", () => {
  const published = { authorId: author.id, status: "published" as const };
  it("takes likes of other people's published reviews", () => {
    expect(refuseReviewLike(reader, published)).toBeNull();
    expect(refuseReviewLike(author, published)).toMatchObject({ message: "You cannot like your own review." });
    expect(refuseReviewLike(reader, { ...published, status: "draft" })).toMatchObject({ code: "not_found" });
    expect(refuseReviewLike(reader, null)).toMatchObject({ code: "not_found" });
  });

  it("shows drafts to their author, hidden reviews to the author and moderators", () => {
    expect(mayReadReview(null, published)).toBe(true);
    expect(mayReadReview(author, { ...published, status: "draft" })).toBe(true);
    expect(mayReadReview(moderator, { ...published, status: "draft" })).toBe(false);
    expect(mayReadReview(moderator, { ...published, status: "hidden" })).toBe(true);
    expect(mayReadReview(reader, { ...published, status: "hidden" })).toBe(false);
  });

  it("lets moderators hide or restore anything but a draft", () => {
    expect(mayModerateReview(moderator, "published")).toBe(true);
    expect(mayModerateReview(moderator, "hidden")).toBe(true);
    expect(mayModerateReview(moderator, "draft")).toBe(false);
    expect(mayModerateReview(reader, "published")).toBe(false);
    expect(mayModerateReview(suspendedModerator, "published")).toBe(false);
  });
});

describe("members", () => {
  const target = (role: CurrentUser["role"], suspended = false) => ({
    id: `t-${role}`,
    handle: `t-${role}`,
    role,
    suspended,
  });

  it("lets moderators suspend members, admins also moderators, and nobody an admin or themselves", () => {
    expect(refuseSuspension(moderator, target("member"))).toBeNull();
    expect(refuseSuspension(moderator, target("moderator"))).toMatchObject({
      message: "Only an admin can suspend a moderator.",
    });
    expect(refuseSuspension(admin, target("moderator"))).toBeNull();
    expect(refuseSuspension(admin, target("admin"))).toMatchObject({ code: "forbidden" });
    expect(refuseSuspension(moderator, { ...target("moderator"), id: moderator.id })).toMatchObject({
      message: "You cannot suspend yourself.",
    });
    expect(refuseSuspension(moderator, target("member", true))).toMatchObject({ code: "conflict" });
  });

  it("lifts suspensions by the same rule", () => {
    expect(refuseReinstatement(moderator, target("member", true))).toBeNull();
    expect(refuseReinstatement(moderator, target("moderator", true))).toMatchObject({
      message: "Only an admin can reinstate a moderator.",
    });
    expect(refuseReinstatement(admin, target("moderator", true))).toBeNull();
    expect(refuseReinstatement(moderator, target("member"))).toMatchObject({ code: "conflict" });
  });

  it("offers suspend or reinstate on a member's page to moderators only", () => {
    expect(memberControls(reader, target("member"))).toEqual({ suspend: false, reinstate: false });
    expect(memberControls(moderator, target("member"))).toEqual({ suspend: true, reinstate: false });
    expect(memberControls(moderator, target("member", true))).toEqual({ suspend: false, reinstate: true });
  });

  it("offers a queue entry's decisions by its state, and suspension only where it is allowed", () => {
    const entry = { removed: false, held: true, reportCount: 2, author: target("member") };
    expect(queueControls(moderator, entry)).toEqual({ remove: true, dismiss: true, approve: true, suspend: true });
    expect(queueControls(moderator, { ...entry, author: target("member", true) }).suspend).toBe(false);
    expect(queueControls(moderator, { ...entry, author: target("moderator") }).suspend).toBe(false);
    expect(queueControls(moderator, { ...entry, removed: true, reportCount: 0 })).toMatchObject({
      remove: false,
      dismiss: false,
      approve: false,
    });
    expect(queueControls(moderator, { ...entry, author: null }).suspend).toBe(false);
  });
});

describe("pages", () => {
  it("opens moderation to unsuspended moderators and admin pages to admins", () => {
    expect(mayOpenModeration(moderator)).toBe(true);
    expect(mayOpenModeration(suspendedModerator)).toBe(false);
    expect(mayOpenModeration(reader)).toBe(false);
    expect(mayOpenAdmin(admin)).toBe(true);
    expect(mayOpenAdmin(moderator)).toBe(false);
    expect(mayOpenAdmin(null)).toBe(false);
  });

  it("tells only those who may open moderation that a member is suspended", () => {
    expect(mayReadSuspensions(moderator)).toBe(true);
    expect(mayReadSuspensions(admin)).toBe(true);
    expect(mayReadSuspensions(suspendedModerator)).toBe(false);
    expect(mayReadSuspensions(reader)).toBe(false);
    expect(mayReadSuspensions(null)).toBe(false);
  });
});
