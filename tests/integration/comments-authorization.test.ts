import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, blockedTerms, commentReports, comments, films, moderationLog, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { reloadEnv } from "@/lib/env";
import { createMember, formOf } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { session } from "../support/session";

const { postCommentAction, editCommentAction, deleteCommentAction, reportCommentAction, chooseSigningAccountAction } =
  await import("@/app/reviews/[id]/actions");
const {
  removeCommentAction,
  restoreCommentAction,
  approveCommentAction,
  dismissReportsAction,
  hideReviewAction,
  restoreReviewAction,
  suspendMemberAction,
  reinstateMemberAction,
} = await import("@/app/(moderation)/moderation/actions");
const { addBlockedTermAction } = await import("@/app/admin/blocklist/actions");

const t = useTestDatabase();

type Role = "visitor" | "member" | "author" | "suspended" | "moderator" | "admin";
const ROLES: Role[] = ["visitor", "member", "author", "suspended", "moderator", "admin"];
const actors = {} as Record<Exclude<Role, "visitor">, CurrentUser>;
let reviewId = 0;

beforeAll(async () => {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  reloadEnv();
  actors.member = await createMember(t.db);
  actors.author = await createMember(t.db);
  actors.suspended = await createMember(t.db, { suspended: true });
  actors.moderator = await createMember(t.db, { role: "moderator" });
  actors.admin = await createMember(t.db, { role: "admin" });
  const reviewer = await createMember(t.db);
  const [film] = await t.db
    .insert(films)
    .values({ slug: "matrix-film", title: "Matrix Film" })
    .returning({ id: films.id });
  const [review] = await t.db
    .insert(reviews)
    .values({
      filmId: film!.id,
      authorId: reviewer.id,
      body: "Body",
      verdict: "Fine",
      status: "published",
      publishedAt: new Date(),
    })
    .returning({ id: reviews.id });
  reviewId = review!.id;
});

/** A fresh comment by the "author" actor, in the state the action needs. */
async function targetComment(state: "visible" | "removed" | "held" | "reported" = "visible"): Promise<number> {
  const [row] = await t.db
    .insert(comments)
    .values({
      reviewId,
      authorId: actors.author.id,
      body: "A comment to act on",
      signedWithProvider: "google",
      signedWithAccountId: `acct-${actors.author.handle}`,
      removedAt: state === "removed" ? new Date() : null,
      removalReason: state === "removed" ? "Earlier removal" : null,
      heldAt: state === "held" ? new Date() : null,
    })
    .returning({ id: comments.id });
  await t.db.update(comments).set({ threadRootId: row!.id }).where(eq(comments.id, row!.id));
  if (state === "reported") {
    await t.db.insert(commentReports).values({ commentId: row!.id, reporterId: actors.member.id, reason: "spam" });
  }
  return row!.id;
}

async function snapshot(): Promise<string> {
  const parts = await Promise.all([
    t.db.select().from(comments).orderBy(comments.id),
    t.db.select().from(commentReports).orderBy(commentReports.id),
    t.db.select({ id: reviews.id, status: reviews.status }).from(reviews).orderBy(reviews.id),
    t.db.select({ n: sql<number>`count(*)::int` }).from(moderationLog),
    t.db.select({ id: users.id, suspendedAt: users.suspendedAt }).from(users).orderBy(users.id),
    t.db.select().from(blockedTerms).orderBy(blockedTerms.id),
  ]);
  return JSON.stringify(parts);
}

interface Action {
  name: string;
  allowed: Role[];
  /** Prepares what the action acts on (outside the comparison) and returns the form it sends. */
  setup(): Promise<FormData>;
  act(form: FormData): Promise<{ ok: boolean; message: string }>;
  /** Puts shared fixtures back after the call. */
  after?(): Promise<void>;
}

const everyoneWhoMayPost: Role[] = ["member", "author", "moderator", "admin"];
const moderators: Role[] = ["moderator", "admin"];
const setReviewStatus = (status: "published" | "hidden") => async () => {
  await t.db.update(reviews).set({ status }).where(eq(reviews.id, reviewId));
};

const ACTIONS: Action[] = [
  {
    name: "post a comment",
    allowed: everyoneWhoMayPost,
    setup: async () => formOf({ reviewId, body: "Hello there" }),
    act: (form) => postCommentAction(null, form),
  },
  {
    name: "reply to a comment",
    allowed: everyoneWhoMayPost,
    setup: async () => formOf({ reviewId, parentId: await targetComment(), body: "A reply" }),
    act: (form) => postCommentAction(null, form),
  },
  {
    name: "edit a comment",
    allowed: ["author"],
    setup: async () => formOf({ commentId: await targetComment(), body: "Edited words" }),
    act: (form) => editCommentAction(null, form),
  },
  {
    name: "delete a comment",
    allowed: ["author"],
    setup: async () => formOf({ commentId: await targetComment() }),
    act: (form) => deleteCommentAction(null, form),
  },
  {
    name: "report a comment",
    allowed: ["member", "moderator", "admin"],
    setup: async () => formOf({ commentId: await targetComment(), reason: "abuse", note: "" }),
    act: (form) => reportCommentAction(null, form),
  },
  {
    name: "remove a comment",
    allowed: moderators,
    setup: async () => formOf({ commentId: await targetComment(), rule: "personal-attack", reason: "Personal attack" }),
    act: (form) => removeCommentAction(null, form),
  },
  {
    name: "restore a comment",
    allowed: moderators,
    setup: async () => formOf({ commentId: await targetComment("removed"), reason: "Appeal upheld" }),
    act: (form) => restoreCommentAction(null, form),
  },
  {
    name: "approve a held comment",
    allowed: moderators,
    setup: async () => formOf({ commentId: await targetComment("held") }),
    act: (form) => approveCommentAction(null, form),
  },
  {
    name: "dismiss reports",
    allowed: moderators,
    setup: async () => formOf({ commentId: await targetComment("reported"), reason: "Fair criticism" }),
    act: (form) => dismissReportsAction(null, form),
  },
  {
    name: "hide a review",
    allowed: moderators,
    setup: async () => {
      await setReviewStatus("published")();
      return formOf({ reviewId, rule: "spam", reason: "Plagiarised text" });
    },
    act: (form) => hideReviewAction(null, form),
    after: setReviewStatus("published"),
  },
  {
    name: "restore a review",
    allowed: moderators,
    setup: async () => {
      await setReviewStatus("hidden")();
      return formOf({ reviewId, reason: "Cleared" });
    },
    act: (form) => restoreReviewAction(null, form),
    after: setReviewStatus("published"),
  },
  {
    name: "suspend a member",
    allowed: moderators,
    setup: async () => formOf({ handle: (await createMember(t.db)).handle, reason: "Repeated abuse" }),
    act: (form) => suspendMemberAction(null, form),
  },
  {
    name: "reinstate a member",
    allowed: moderators,
    setup: async () => formOf({ handle: (await createMember(t.db, { suspended: true })).handle, reason: "Served" }),
    act: (form) => reinstateMemberAction(null, form),
  },
  {
    name: "add a blocked term",
    allowed: ["admin"],
    setup: async () => formOf({ term: `spam-${Math.random().toString(36).slice(2, 8)}` }),
    act: (form) => addBlockedTermAction(null, form),
  },
];

describe.each(ACTIONS)("$name", (action) => {
  it.each(ROLES)("as %s", async (role) => {
    session.user = role === "visitor" ? null : actors[role];
    const form = await action.setup();
    const before = await snapshot();
    const result = await action.act(form);
    const after = await snapshot();
    await action.after?.();
    if (action.allowed.includes(role)) {
      expect(result, result.message).toMatchObject({ ok: true });
      expect(after).not.toBe(before);
    } else {
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/sign in|suspended|only|own|cannot/i);
      expect(after).toBe(before);
    }
  });
});

describe("choosing the account that signs comments", () => {
  it("switches to another linked account, even one whose id has colons, and refuses someone else's", async () => {
    const member = await createMember(t.db, { provider: "google" });
    await t.db
      .insert(accounts)
      .values({ userId: member.id, type: "oidc", provider: "oidc", providerAccountId: "realm:users:42" });
    session.user = member;
    const chosen = await chooseSigningAccountAction(null, formOf({ reviewId, account: "oidc:realm:users:42" }));
    expect(chosen).toMatchObject({ ok: true });
    const posted = await postCommentAction(null, formOf({ reviewId, body: "Signed with the other one" }));
    expect(posted).toMatchObject({ ok: true });
    const [row] = await t.db
      .select({ provider: comments.signedWithProvider, account: comments.signedWithAccountId })
      .from(comments)
      .where(eq(comments.body, "Signed with the other one"));
    expect(row).toEqual({ provider: "oidc", account: "realm:users:42" });

    const refused = await chooseSigningAccountAction(
      null,
      formOf({ reviewId, account: `google:acct-${actors.member.handle}` }),
    );
    expect(refused).toMatchObject({ ok: false, message: "That account is not linked to your profile." });
  });
});
