import { count, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { comments, films, importItems, ratings, reviews, users } from "@/db/schema";
import { getThreadPage, type CommentView } from "@/lib/comments/queries";
import { thoughtsHeading } from "@/lib/comments/schema";
import type { TreeNode } from "@/lib/comments/tree";
import { describeSummary } from "@/lib/imports/schema";
import { importWordPress } from "@/lib/imports/wordpress";
import { getMemberByHandle } from "@/lib/members/queries";
import { formatRating } from "@/lib/ratings/scale";
import { getReview } from "@/lib/reviews/queries";
import { useTestDatabase } from "../support/database";
import { chunked, wxr, type TestComment } from "../support/wxr";

vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

const t = useTestDatabase();

const at = (minute: number) => `2014-01-14 09:${String(minute).padStart(2, "0")}:00`;

/** A discussion six replies deep, with entities, a reply to spam and the blogger joining in. */
const discussion: TestComment[] = [
  { id: 11, author: "Ana Ruiz", content: "Lovely review. The <em>letters</em> scene got me.", date: at(1) },
  { id: 12, parent: 11, author: "Ben Okoro", content: "Same here &mdash; and the score!", date: at(2) },
  { id: 13, parent: 12, author: "Ana Ruiz", content: "Arcade Fire &amp; Owen Pallett, yes.", date: at(3) },
  { id: 14, parent: 13, author: "Ben Okoro", content: "Level four.", date: at(4) },
  { id: 15, parent: 14, author: "Ana Ruiz", content: "Level five, as deep as it goes.", date: at(5) },
  { id: 16, parent: 15, author: "Ben Okoro", content: "A sixth reply sits beside the fifth.", date: at(6) },
  { id: 17, author: "Cy", content: "Is it <strong>really</strong> a 4/4? Maybe 3½.", date: at(7) },
  { id: 18, author: "Spammer", content: "Cheap pills", approved: "spam", date: at(8) },
  { id: 19, parent: 18, author: "Dee", content: "Replying to the spam by mistake.", date: at(9) },
  { id: 20, author: "Ed", content: "Waiting for approval", approved: "0", date: at(10) },
  { id: 21, author: "Fay", content: "Binned", approved: "trash", date: at(11) },
  { id: 22, author: "Other Blog", content: "Linked from elsewhere", type: "pingback", date: at(12) },
  { id: 23, parent: 17, author: "Reel Thoughts", userId: 1, content: "It is a 4 for me, Cy.", date: at(13) },
];

const herPost = {
  id: 101,
  title: "Her (2013)",
  content: [
    "Theodore writes other people&#8217;s love letters for a living.",
    "",
    "Then he meets <em>Samantha</em>, an operating system with a voice like a smile.",
    "",
    "<strong>My Rating:</strong> 4/4 – A love story for the near future, told with tenderness",
  ].join("\n"),
  comments: discussion,
};

const exportFile = wxr({
  authors: [{ id: 1, login: "reel", displayName: "Reel Thoughts" }],
  posts: [
    herPost,
    {
      id: 102,
      title: "Notes on Lost Highway",
      content: "<p>David Lynch&#8217;s Lost Highway (1997) is a Möbius strip.</p><p>More on that later.</p>",
    },
    { id: 103, title: "About this blog", content: "<p>Hello.</p>", type: "page" },
    { id: 104, title: "Unfinished", content: "<p>Draft.</p>", status: "draft" },
    {
      id: 105,
      title: "Upstream Color (2013)",
      content: "<p>Pigs, orchids and a sound man.</p>\n<p>★★★½ – Strange and lovely</p>",
      categories: ["Essays"],
    },
  ],
});

const flatten = (threads: TreeNode<CommentView>[]): TreeNode<CommentView>[] =>
  threads.flatMap((node) => [node, ...flatten(node.replies)]);

async function tableCounts() {
  const [r] = await t.db.select({ n: count() }).from(reviews);
  const [c] = await t.db.select({ n: count() }).from(comments);
  const [f] = await t.db.select({ n: count() }).from(films);
  const [u] = await t.db.select({ n: count() }).from(users);
  const [g] = await t.db.select({ n: count() }).from(ratings);
  const [i] = await t.db.select({ n: count() }).from(importItems);
  return { reviews: r!.n, comments: c!.n, films: f!.n, users: u!.n, ratings: g!.n, importItems: i!.n };
}

async function reviewIdOf(filmTitle: string): Promise<number> {
  const [row] = await t.db
    .select({ id: reviews.id })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .where(eq(films.title, filmTitle));
  if (!row) throw new Error(`No review of ${filmTitle}`);
  return row.id;
}

describe("importing a WordPress export", () => {
  let herFilmId = 0;
  beforeAll(async () => {
    const [her] = await t.db
      .insert(films)
      .values({ slug: "her", title: "Her", year: 2013 })
      .returning({ id: films.id });
    herFilmId = her!.id;
    await t.db.insert(films).values({ slug: "her-1998", title: "Her", year: 1998 });
  });

  it("imports the published posts of the chosen category, their authors and their approved comments", async () => {
    const progress: [number, number][] = [];
    const result = await importWordPress(t.db, chunked(exportFile), {
      category: "films",
      onProgress: (done, total) => progress.push([done, total]),
    });
    if (!result.ok) throw new Error(result.message);
    const { summary } = result.value;
    expect(summary).toMatchObject({
      postsImported: 2,
      draftsWithoutRating: ["Notes on Lost Highway"],
      postsSkipped: 3,
      commentsImported: 9,
      commentsSkipped: { pending: 1, spam: 1, trash: 1, pingbacks: 1 },
      filmsMatched: 1,
      filmsCreated: 1,
      membersCreated: 1,
    });
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(describeSummary(summary)[0]).toBe(
      "2 posts imported as reviews, 1 of them left as drafts without a rating line: “Notes on Lost Highway”.",
    );
    expect(result.value.changed).toEqual(expect.arrayContaining(["reviews", "catalogue", "members"]));
    // Stored like any review and comment: the HTML is rendered on write, beside the Markdown.
    const unrendered = await t.db.select({ n: count() }).from(comments).where(isNull(comments.bodyHtml));
    expect(unrendered[0]!.n).toBe(0);
    const [her] = await t.db.select({ bodyHtml: reviews.bodyHtml }).from(reviews).where(eq(reviews.filmId, herFilmId));
    expect(her!.bodyHtml).toContain("<em>Samantha</em>");
  });

  it("shows the review page's verdict line, rating and “N thoughts on “Her”” with the threads in order", async () => {
    const reviewId = await reviewIdOf("Her");
    const review = await getReview(reviewId);
    expect(review).toMatchObject({
      status: "published",
      halfStars: 8,
      verdict: "A love story for the near future, told with tenderness",
      author: { name: "Reel Thoughts" },
      film: { title: "Her", year: 2013 },
    });
    expect(formatRating(review!.halfStars!)).toBe("4/4");
    expect(review!.publishedAt?.toISOString()).toBe("2014-01-13T10:00:00.000Z");
    expect(review!.body).toBe(
      "Theodore writes other people’s love letters for a living.\n\nThen he meets _Samantha_, an operating system with a voice like a smile.",
    );

    const page = await getThreadPage(reviewId, 1, null);
    expect(thoughtsHeading(page!.count, page!.filmTitle)).toBe("9 thoughts on “Her”");
    const shape = (nodes: TreeNode<CommentView>[]): unknown[] =>
      nodes.map((n) => [n.author?.name ?? n.guestName, ...(n.replies.length ? [shape(n.replies)] : [])]);
    expect(shape(page!.threads)).toEqual([
      ["Ana Ruiz", [["Ben Okoro", [["Ana Ruiz", [["Ben Okoro", [["Ana Ruiz"], ["Ben Okoro"]]]]]]]]],
      ["Cy", [["Reel Thoughts"]]],
      ["Dee"],
    ]);
    const all = flatten(page!.threads);
    expect(all.map((c) => c.depth)).toEqual([0, 1, 2, 3, 4, 4, 0, 1, 0]);
    expect(all.every((c) => c.signedWith === "wordpress")).toBe(true);
    expect(all[0]!.createdAt.toISOString()).toBe("2014-01-14T09:01:00.000Z");
    expect(all[2]!.html).toContain("Arcade Fire &#x26; Owen Pallett");
    expect(all[1]!.html).toContain("Same here — and the score!");
    // The blogger's reply is signed by the imported member; readers are guests.
    expect(all[7]!.author?.name).toBe("Reel Thoughts");
    expect(all[0]!.author).toBeNull();
  });

  it("keeps no e-mail or IP address and creates the author as a member without a sign-in account", async () => {
    const stored = JSON.stringify(await t.db.select().from(comments)) + JSON.stringify(await t.db.select().from(users));
    expect(stored).not.toContain("@example.com");
    expect(stored).not.toContain("192.0.2.10");
    const [author] = await t.db
      .select({ handle: users.handle, importedFrom: users.importedFrom, email: users.email })
      .from(users)
      .where(eq(users.name, "Reel Thoughts"));
    expect(author).toEqual({ handle: "reel", importedFrom: "wordpress", email: null });
    expect(await getMemberByHandle("reel")).toMatchObject({ name: "Reel Thoughts", importedFrom: "wordpress" });
  });

  it("leaves a post without a rating line as a draft, its film created with the year from its text", async () => {
    const review = await getReview(await reviewIdOf("Notes on Lost Highway"));
    expect(review).toMatchObject({ status: "draft", halfStars: null, film: { year: 1997 } });
    expect(review!.verdict).toBe("David Lynch’s Lost Highway (1997) is a Möbius strip.");
    const [film] = await t.db.select({ ratingCount: films.ratingCount }).from(films).where(eq(films.id, herFilmId));
    expect(film!.ratingCount).toBe(1);
  });

  it("adds nothing when the same export is imported again", async () => {
    const before = await tableCounts();
    const result = await importWordPress(t.db, chunked(exportFile, 4096), { category: "Films" });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.summary).toMatchObject({
      postsImported: 0,
      postsAlreadyImported: 2,
      commentsImported: 0,
      commentsAlreadyImported: 9,
      filmsCreated: 0,
      membersCreated: 0,
    });
    expect(await tableCounts()).toEqual(before);
    const page = await getThreadPage(await reviewIdOf("Her"), 1, null);
    expect(page!.count).toBe(9);
  });

  it("adds only the new comments of a later export, in their threads", async () => {
    const later = wxr({
      authors: [{ id: 1, login: "reel", displayName: "Reel Thoughts" }],
      posts: [
        {
          ...herPost,
          comments: [...discussion, { id: 24, parent: 16, author: "Gil", content: "Late to this one.", date: at(30) }],
        },
      ],
    });
    const result = await importWordPress(t.db, chunked(later));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.summary).toMatchObject({ postsImported: 0, commentsImported: 1, commentsAlreadyImported: 9 });
    const page = await getThreadPage(await reviewIdOf("Her"), 1, null);
    const gil = flatten(page!.threads).find((c) => c.guestName === "Gil");
    expect(gil?.depth).toBe(4);
  });

  it("imports every category without the option, and reads star ratings", async () => {
    const result = await importWordPress(t.db, chunked(exportFile));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.summary).toMatchObject({ postsImported: 1, postsAlreadyImported: 2 });
    const review = await getReview(await reviewIdOf("Upstream Color"));
    expect(review).toMatchObject({ status: "published", halfStars: 7, verdict: "Strange and lovely" });
  });

  it("does not bring back a review deleted since the import, even when the export has new comments on it", async () => {
    const upstream = await reviewIdOf("Upstream Color");
    await t.db.delete(reviews).where(eq(reviews.id, upstream));
    const later = wxr({
      posts: [
        {
          id: 105,
          title: "Upstream Color (2013)",
          content: "<p>Pigs, orchids and a sound man.</p>\n<p>★★★½ – Strange and lovely</p>",
          comments: [{ id: 90, author: "Hal", content: "New here.", date: at(40) }],
        },
      ],
    });
    const result = await importWordPress(t.db, chunked(later));
    if (!result.ok) throw new Error(result.message);
    expect(result.value.summary).toMatchObject({ postsImported: 0, postsAlreadyImported: 1, commentsImported: 0 });
    expect(result.value.summary.notes).toEqual([
      "“Upstream Color (2013)” was imported before and its review has since been deleted; left out.",
    ]);
    await expect(reviewIdOf("Upstream Color")).rejects.toThrow();
  });

  it("stops a malformed file with the line and what was expected, saving nothing", async () => {
    const before = await tableCounts();
    const broken = wxr({
      posts: [
        { id: 201, title: "Alien (1979)", content: "<p>In space.</p><p>4/4</p>" },
        { id: 202, title: "Aliens (1986)", content: "<p>More.</p><p>3.5/4</p>" },
      ],
    }).replace(
      "<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<category",
      "<wp:post_type><![CDATA[post]]></wp:post_typo>\n\t\t<category",
    );
    const line = broken.split("\n").findIndex((l) => l.includes("</wp:post_typo>")) + 1;
    const result = await importWordPress(t.db, chunked(broken));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(result.ok ? "" : result.message).toBe(
      `This is not a WordPress export we can read. Line ${line}: expected </wp:post_type> to close the <wp:post_type> still open here.`,
    );
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses a file that ends early or is not an export", async () => {
    const cut = await importWordPress(t.db, chunked(exportFile.slice(0, 2000)));
    expect(cut.ok ? "" : cut.message).toMatch(/Line \d+: the file ended before <\/\S+>/);
    const html = await importWordPress(t.db, chunked("<html><body>Hi</body></html>"));
    expect(html.ok ? "" : html.message).toContain(
      "Line 1: expected <rss> (a WordPress export) to start the file, found <html>.",
    );
    const feed = await importWordPress(t.db, chunked('<rss version="2.0"><channel><title>x</title></channel></rss>'));
    expect(feed.ok ? "" : feed.message).toContain("this RSS feed is not a WordPress export");
  });
});
