import { eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { comments, reviews } from "@/db/schema";
import { deleteComment, editComment, postComment } from "@/lib/comments/write";
import { getThreadPage } from "@/lib/comments/queries";
import { reloadEnv } from "@/lib/env";
import { MARKDOWN_RENDERER_VERSION } from "@/lib/markdown";
import { rerenderStale } from "@/lib/markdown/stored";
import { getReview, listFeedReviews, listFilmReviews } from "@/lib/reviews/queries";
import { saveReviewAction } from "@/app/films/[slug]/review/actions";
import { GET as siteFeed } from "@/app/feeds/reviews.xml/route";
import { addFilm, addMember, form } from "../support/community";
import { useTestDatabase } from "../support/database";
import { Redirected, session as auth } from "../support/session";

/** Counts every call that parses Markdown for a reader: rendering and Markdown excerpts. */
const parsed = vi.hoisted(() => ({ renders: 0, excerpts: 0 }));
vi.mock("@/lib/markdown", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/markdown")>();
  return {
    ...original,
    renderMarkdown: (source: string) => {
      parsed.renders++;
      return original.renderMarkdown(source);
    },
    markdownExcerpt: (source: string, maxLength?: number) => {
      parsed.excerpts++;
      return original.markdownExcerpt(source, maxLength);
    },
  };
});

const t = useTestDatabase();

/** The review form as the page sends it: the film's slug in a hidden field. */
function withFilm(slug: string, data: FormData): FormData {
  data.set("film", slug);
  return data;
}

beforeEach(() => {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  reloadEnv();
  parsed.renders = 0;
  parsed.excerpts = 0;
});

const BODY = "A *quiet* film about **listening**. See [the script](https://example.com/her).";
const HTML =
  '<p>A <em>quiet</em> film about <strong>listening</strong>. See <a href="https://example.com/her" rel="nofollow ugc noopener">the script</a>.</p>';

async function publishReview(body = BODY): Promise<{ reviewId: number; filmId: number; slug: string }> {
  const film = await addFilm(t.db, "Stored Film");
  auth.user = await addMember(t.db);
  const data = form({ halfStars: "6", verdict: "Worth a second look.", body, intent: "publish" });
  try {
    await saveReviewAction(null, withFilm(film.slug, data));
  } catch (error) {
    if (!(error instanceof Redirected)) throw error;
    return { reviewId: Number(error.url.split("/").pop()), filmId: film.id, slug: film.slug };
  }
  throw new Error("expected the publish to redirect");
}

async function storedReview(id: number) {
  const [row] = await t.db
    .select({ html: reviews.bodyHtml, version: reviews.bodyHtmlVersion })
    .from(reviews)
    .where(eq(reviews.id, id));
  return row!;
}

async function storedComments(ids: number[]) {
  return t.db
    .select({ id: comments.id, html: comments.bodyHtml, version: comments.bodyHtmlVersion })
    .from(comments)
    .where(inArray(comments.id, ids))
    .orderBy(comments.id);
}

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  t.queries.reset();
  await run();
  return t.queries.count;
}

describe("a review's HTML", () => {
  it("is stored when the review is saved, and again when it is edited", async () => {
    const { reviewId, slug } = await publishReview();
    expect(await storedReview(reviewId)).toEqual({ html: HTML, version: MARKDOWN_RENDERER_VERSION });
    const edit = form({ halfStars: "6", verdict: "Worth a second look.", body: "Now _quieter_.", intent: "publish" });
    await saveReviewAction(null, withFilm(slug, edit)).catch((error: unknown) => {
      if (!(error instanceof Redirected)) throw error;
    });
    expect(await storedReview(reviewId)).toEqual({
      html: "<p>Now <em>quieter</em>.</p>",
      version: MARKDOWN_RENDERER_VERSION,
    });
  });

  it("is read from the row by the review page, the lists and the feeds, without parsing Markdown", async () => {
    const { reviewId, filmId } = await publishReview();
    parsed.renders = 0;
    parsed.excerpts = 0;
    const detail = await getReview(reviewId);
    const list = await listFilmReviews(filmId, { sort: "newest", page: 1 });
    const feed = await listFeedReviews({ filmId });
    const xml = await (await siteFeed()).text();
    expect(detail!.html).toBe(HTML);
    expect(list.items[0]!.excerpt).toBe("A quiet film about listening. See the script.");
    expect(feed[0]!.html).toBe(HTML);
    expect(xml).toContain("&lt;em&gt;quiet&lt;/em&gt;");
    expect(parsed).toEqual({ renders: 0, excerpts: 0 });
  });

  it("is rendered on the first read when missing or outdated, stored, and then read from the row", async () => {
    const { reviewId } = await publishReview();
    await t.db.update(reviews).set({ bodyHtml: null, bodyHtmlVersion: null }).where(eq(reviews.id, reviewId));
    parsed.renders = 0;
    expect(await countQueries(async () => expect((await getReview(reviewId))!.html).toBe(HTML))).toBe(2);
    expect(parsed.renders).toBe(1);
    expect(await storedReview(reviewId)).toEqual({ html: HTML, version: MARKDOWN_RENDERER_VERSION });
    expect(await countQueries(() => getReview(reviewId))).toBe(1);
    expect(parsed.renders).toBe(1);

    await t.db
      .update(reviews)
      .set({ bodyHtmlVersion: MARKDOWN_RENDERER_VERSION - 1 })
      .where(eq(reviews.id, reviewId));
    expect((await getReview(reviewId))!.html).toBe(HTML);
    expect(parsed.renders).toBe(2);
    expect((await storedReview(reviewId)).version).toBe(MARKDOWN_RENDERER_VERSION);
  });

  it("renders the feed's missing rows in one batched update, however many there are", async () => {
    for (let i = 0; i < 3; i++) await publishReview(`Review number *${i}*.`);
    const measure = async () => {
      await t.db
        .update(reviews)
        .set({ bodyHtml: null })
        .where(sql`true`);
      return countQueries(() => listFeedReviews({}));
    };
    const withMissing = await measure();
    expect(await countQueries(() => listFeedReviews({}))).toBe(withMissing - 1);
    await publishReview("One more.");
    expect(await measure()).toBe(withMissing);
    const rows = await t.db.select({ html: reviews.bodyHtml }).from(reviews);
    expect(rows.every((row) => row.html?.startsWith("<p>"))).toBe(true);
  });

  it("is refused with a sentence next to the body field when the Markdown breaks a limit", async () => {
    const film = await addFilm(t.db, "Refused Film");
    auth.user = await addMember(t.db);
    const state = await saveReviewAction(
      null,
      withFilm(
        film.slug,
        form({ halfStars: "6", verdict: "Deep.", body: `${">".repeat(40)} nested`, intent: "publish" }),
      ),
    );
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: { body: ["Quotes can be nested at most 8 deep (line 1)."] },
      values: { body: `${">".repeat(40)} nested` },
    });
  });
});

describe("a comment's HTML", () => {
  it("is stored when posted, replaced when edited and erased when deleted", async () => {
    const { reviewId } = await publishReview();
    const member = await addMember(t.db);
    const posted = await postComment(member, { reviewId, body: "I *agree*." });
    if (!posted.ok) throw new Error(posted.message);
    const commentId = posted.value.commentId;
    expect(await storedComments([commentId])).toEqual([
      { id: commentId, html: "<p>I <em>agree</em>.</p>", version: MARKDOWN_RENDERER_VERSION },
    ]);
    expect(await editComment(member, { commentId: String(commentId), body: "I **agree**." })).toMatchObject({
      ok: true,
    });
    expect((await storedComments([commentId]))[0]!.html).toBe("<p>I <strong>agree</strong>.</p>");
    await deleteComment(member, { commentId });
    expect((await storedComments([commentId]))[0]!.html).toBe("");
  });

  it("is refused with a sentence next to the body field when the Markdown breaks a limit", async () => {
    const { reviewId } = await publishReview();
    const member = await addMember(t.db);
    expect(await postComment(member, { reviewId, body: `${"*a ".repeat(400)}` })).toMatchObject({
      ok: false,
      fieldErrors: {
        body: [expect.stringMatching(/^A paragraph can have at most 300 emphasis marks \(\*, _ or ~\) \(line 1\)/)],
      },
    });
  });

  it("renders a thread's missing rows on its first read in one extra query, then reads them from the rows", async () => {
    const { reviewId } = await publishReview();
    const member = await addMember(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const posted = await postComment(member, { reviewId, body: `Thought *${i}*.` });
      if (!posted.ok) throw new Error(posted.message);
      const commentId = posted.value.commentId;
      ids.push(commentId);
    }
    parsed.renders = 0;
    const stored = await countQueries(() => getThreadPage(reviewId, 1, null));
    expect(parsed.renders).toBe(0);

    await t.db
      .update(comments)
      .set({ bodyHtml: null })
      .where(inArray(comments.id, ids.slice(0, 3)));
    await t.db.update(comments).set({ bodyHtmlVersion: 0 }).where(eq(comments.id, ids[3]!));
    let page: Awaited<ReturnType<typeof getThreadPage>> = null;
    expect(await countQueries(async () => (page = await getThreadPage(reviewId, 1, null)))).toBe(stored + 1);
    expect(page!.threads.map((thread) => thread.html)).toEqual(ids.map((_, i) => `<p>Thought <em>${i}</em>.</p>`));
    expect(parsed.renders).toBe(4);
    expect((await storedComments(ids)).every((row) => row.version === MARKDOWN_RENDERER_VERSION && row.html)).toBe(
      true,
    );

    expect(await countQueries(() => getThreadPage(reviewId, 1, null))).toBe(stored);
    expect(parsed.renders).toBe(4);
  });

  it("shows a comment written by another path beyond the limits as plain paragraphs, and keeps the thread", async () => {
    const { reviewId } = await publishReview();
    const member = await addMember(t.db);
    const posted = await postComment(member, { reviewId, body: "Fine." });
    if (!posted.ok) throw new Error(posted.message);
    const commentId = posted.value.commentId;
    const body = `${">".repeat(5000)} <b>deep</b>\n\n${"*a ".repeat(3000)}`;
    await t.db.update(comments).set({ body, bodyHtml: null }).where(eq(comments.id, commentId));
    const started = performance.now();
    const page = await getThreadPage(reviewId, 1, null);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(page!.threads).toHaveLength(1);
    expect(page!.threads[0]!.html).toBe(
      `<p>${">".repeat(5000)} &#x3C;b>deep&#x3C;/b></p>\n<p>${"*a ".repeat(3000).trim()}</p>`,
    );
  });
});

describe("npm run markdown:rerender", () => {
  it("renders every missing or outdated row again in batches, reporting progress", async () => {
    const { reviewId } = await publishReview();
    const member = await addMember(t.db);
    for (let i = 0; i < 5; i++)
      expect(await postComment(member, { reviewId, body: `Batch *${i}*.` })).toMatchObject({ ok: true });
    await t.db
      .update(comments)
      .set({ bodyHtml: null })
      .where(sql`true`);
    await t.db
      .update(reviews)
      .set({ bodyHtmlVersion: 0 })
      .where(sql`true`);
    const total = (await t.db.select({ id: comments.id }).from(comments)).length;

    const progress: [number, number][] = [];
    const done = await rerenderStale(t.db, "comments", { batchSize: 2, onProgress: (d, n) => progress.push([d, n]) });
    expect(done).toBe(total);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress).toHaveLength(1 + Math.ceil(total / 2));
    expect(await rerenderStale(t.db, "reviews")).toBeGreaterThan(0);

    const rows = await t.db
      .select({ body: comments.body, html: comments.bodyHtml, version: comments.bodyHtmlVersion })
      .from(comments);
    for (const row of rows) {
      expect(row).toMatchObject({
        html: row.body ? expect.stringMatching(/^<p>/) : "",
        version: MARKDOWN_RENDERER_VERSION,
      });
    }
    expect(await rerenderStale(t.db, "comments")).toBe(0);
    expect(await rerenderStale(t.db, "reviews")).toBe(0);
  });
});
