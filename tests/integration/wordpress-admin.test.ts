import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { comments, films, moderationLog, ratings, reviewLikes, reviews, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { createMember } from "../support/actors";
import { useTestDatabase } from "../support/database";
import { wxr } from "../support/wxr";

const auth = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth", () => ({ getCurrentUser: async () => auth.current }));
const updated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: (tag: string) => updated.push(tag),
}));

const { importWordPressAction, handOverAction } = await import("@/app/admin/import/actions");
const { listImportedMembers } = await import("@/lib/imports/admin");

const t = useTestDatabase();

const exportFile = wxr({
  authors: [{ id: 7, login: "cinephile", displayName: "The Cinephile" }],
  posts: [
    {
      id: 1,
      title: "Her (2013)",
      creator: "cinephile",
      content: "<p>A film about a man and his phone.</p><p>My Rating: 3½/4 – Warm, odd, wise</p>",
      comments: [
        { id: 1, author: "Reader", content: "Agreed.", date: "2014-02-01 10:00:00" },
        { id: 2, parent: 1, author: "The Cinephile", userId: 7, content: "Thanks!", date: "2014-02-01 11:00:00" },
      ],
    },
    {
      id: 2,
      title: "Heat (1995)",
      creator: "cinephile",
      content: "<p>The diner scene.</p><p>4/4</p>",
    },
  ],
});

function upload(text: string, name = "export.xml", category?: string): FormData {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "text/xml" }));
  if (category !== undefined) form.set("category", category);
  return form;
}

let admin: CurrentUser;
let member: CurrentUser;

beforeAll(async () => {
  admin = await createMember(t.db, { role: "admin" });
  member = await createMember(t.db);
});

describe("the admin upload", () => {
  it("is refused to members, and nothing is imported", async () => {
    auth.current = member;
    const state = await importWordPressAction(null, upload(exportFile));
    expect(state).toMatchObject({ ok: false, message: "Only admins can do that." });
    const [row] = await t.db.select({ n: count() }).from(reviews);
    expect(row!.n).toBe(0);
  });

  it("asks for a file when none is chosen", async () => {
    auth.current = admin;
    const state = await importWordPressAction(null, upload(""));
    expect(state.ok).toBe(false);
    if (!state.ok) expect(state.fieldErrors.file?.[0]).toContain("Choose the export file");
  });

  it("names the line of a malformed file", async () => {
    auth.current = admin;
    const state = await importWordPressAction(null, upload(exportFile.replace("</wp:post_id>", "</wp:postid>")));
    expect(state.ok).toBe(false);
    expect(state.message).toMatch(/^This is not a WordPress export we can read\. Line \d+: expected <\/wp:post_id>/);
  });

  it("imports the export and shows the summary, logging who imported it", async () => {
    auth.current = admin;
    updated.length = 0;
    const state = await importWordPressAction(null, upload(exportFile));
    expect(state).toMatchObject({ ok: true, message: "The import is done." });
    if (!state.ok) return;
    expect(state.data).toEqual({
      lines: expect.arrayContaining([
        "2 posts imported as reviews.",
        "2 comments imported.",
        "0 films matched in the catalogue, 2 created.",
        "1 author added as an imported member.",
      ]),
    });
    expect(updated).toEqual(expect.arrayContaining(["reviews", "catalogue", "moderation"]));
    expect(await listImportedMembers()).toEqual([
      { handle: "cinephile", name: "The Cinephile", importedFrom: "wordpress", reviews: 2 },
    ]);
    const [log] = await t.db
      .select({ actorId: moderationLog.actorId, details: moderationLog.details })
      .from(moderationLog)
      .where(eq(moderationLog.action, "import.wordpress"));
    expect(log).toMatchObject({ actorId: admin.id, details: { postsImported: 2, commentsImported: 2 } });
  });
});

describe("handing an imported member to a real one", () => {
  it("is refused for members who signed up themselves", async () => {
    auth.current = admin;
    const other = await createMember(t.db);
    const state = await handOverAction(null, formOf({ from: member.handle, to: other.handle }));
    expect(state).toMatchObject({
      ok: false,
      message: `@${member.handle} signed up themselves; only imported members can be handed over.`,
    });
  });

  it("is refused when both reviewed the same film, changing nothing", async () => {
    auth.current = admin;
    const rival = await createMember(t.db);
    const [heat] = await t.db.select({ id: films.id }).from(films).where(eq(films.title, "Heat"));
    await t.db.insert(reviews).values({ filmId: heat!.id, authorId: rival.id, body: "b", verdict: "v" });
    const state = await handOverAction(null, formOf({ from: "@cinephile", to: rival.handle }));
    expect(state).toMatchObject({
      ok: false,
      message: `@${rival.handle} has already reviewed a film that @cinephile reviewed; delete one of each pair first.`,
    });
    const [still] = await t.db.select({ id: users.id }).from(users).where(eq(users.handle, "cinephile"));
    expect(still).toBeDefined();
  });

  it("moves reviews, ratings and comments to the member, with a log row; a later import maps to them", async () => {
    auth.current = admin;
    const blogger = await createMember(t.db, { handle: "blogger" });
    const [herReview] = await t.db
      .select({ id: reviews.id, filmId: reviews.filmId })
      .from(reviews)
      .innerJoin(films, eq(films.id, reviews.filmId))
      .where(eq(films.title, "Her"));
    // The blogger had liked their old review before joining; it becomes their own, so the like goes.
    await t.db.insert(reviewLikes).values({ reviewId: herReview!.id, userId: blogger.id });
    const state = await handOverAction(null, formOf({ from: "cinephile", to: "@blogger" }));
    expect(state).toMatchObject({
      ok: true,
      message: "@cinephile's 2 reviews, 2 ratings and 1 comment are now @blogger's.",
    });

    const owned = await t.db.select({ n: count() }).from(reviews).where(eq(reviews.authorId, blogger.id));
    expect(owned[0]!.n).toBe(2);
    const [rating] = await t.db
      .select({ halfStars: ratings.halfStars })
      .from(ratings)
      .where(and(eq(ratings.userId, blogger.id), eq(ratings.filmId, herReview!.filmId)));
    expect(rating!.halfStars).toBe(7);
    const [film] = await t.db
      .select({ ratingCount: films.ratingCount })
      .from(films)
      .where(eq(films.id, herReview!.filmId));
    expect(film!.ratingCount).toBe(1);
    const mine = await t.db.select({ n: count() }).from(comments).where(eq(comments.authorId, blogger.id));
    expect(mine[0]!.n).toBe(1);
    const [review] = await t.db
      .select({ likeCount: reviews.likeCount })
      .from(reviews)
      .where(eq(reviews.id, herReview!.id));
    expect(review!.likeCount).toBe(0);
    expect(await t.db.select({ id: users.id }).from(users).where(eq(users.handle, "cinephile"))).toEqual([]);
    const [log] = await t.db
      .select({ actorId: moderationLog.actorId, targetId: moderationLog.targetId, details: moderationLog.details })
      .from(moderationLog)
      .where(eq(moderationLog.action, "member.hand_over"));
    expect(log).toMatchObject({ actorId: admin.id, targetId: blogger.id, details: { from: "cinephile", reviews: 2 } });

    const again = await importWordPressAction(null, upload(exportFile));
    expect(again.ok && again.data?.lines).toEqual(expect.arrayContaining(["0 authors added as imported members."]));
    const [users2] = await t.db.select({ n: count() }).from(users).where(eq(users.importedFrom, "wordpress"));
    expect(users2!.n).toBe(0);
  });
});

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}
