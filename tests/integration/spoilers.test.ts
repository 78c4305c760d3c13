import { describe, expect, it } from "vitest";
import { diaryEntries, ratings, reviews } from "@/db/schema";
import { SPOILER_IN_FEED, withoutSpoilers } from "@/lib/markdown/spoilers";
import { hasSeenFilmOfReview } from "@/lib/ratings/seen";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { addFilm, addMember } from "../support/community";
import { useTestDatabase } from "../support/database";
import { markdownExcerpt, MARKDOWN_RENDERER_VERSION, renderMarkdown, SPOILER_IN_EXCERPT } from "@/lib/markdown";

const SPOILER_OPEN =
  '<label class="spoiler" data-spoiler=""><input type="checkbox" class="spoiler-toggle"><span class="spoiler-cover"><span aria-hidden="true">Spoiler</span><span class="spoiler-state-hidden">Spoiler, hidden</span><span class="spoiler-state-shown">Spoiler, shown</span></span><span class="spoiler-text">';
const SPOILER_CLOSE = "</span></label>";
const spoiler = (inner: string) => `${SPOILER_OPEN}${inner}${SPOILER_CLOSE}`;

describe("spoiler marks", () => {
  it("render as a hidden span with its checkbox and words for screen readers", () => {
    expect(renderMarkdown("He was ||dead all along||.")).toBe(`<p>He was ${spoiler("dead all along")}.</p>`);
  });

  it("keep emphasis and links inside, and take several per paragraph", () => {
    expect(renderMarkdown("||*Rosebud* is a [sled](https://example.com)|| and ||the end||")).toBe(
      `<p>${spoiler('<em>Rosebud</em> is a <a href="https://example.com" rel="nofollow ugc noopener">sled</a>')} and ${spoiler("the end")}</p>`,
    );
  });

  it("leave code spans and code blocks as typed", () => {
    expect(renderMarkdown("Type `||x||` to mark one.")).toBe("<p>Type <code>||x||</code> to mark one.</p>");
    expect(renderMarkdown("```\n||x||\n```")).toBe("<pre><code>||x||\n</code></pre>");
  });

  it("leave an unclosed or empty mark as typed", () => {
    expect(renderMarkdown("Open || without a close")).toBe("<p>Open || without a close</p>");
    expect(renderMarkdown("||a|| and ||b")).toBe(`<p>${spoiler("a")} and ||b</p>`);
    expect(renderMarkdown("Nothing |||| here")).toBe("<p>Nothing |||| here</p>");
  });

  it("do not nest: marks inside a spoiler stay as typed", () => {
    const html = renderMarkdown("||outer *||inner||* end||");
    expect(html.match(/<label/g)).toHaveLength(1);
    expect(html).toContain("<em>||inner||</em>");
    // Sequential marks pair in order.
    expect(renderMarkdown("||a ||b|| c||")).toBe(`<p>${spoiler("a ")}b${spoiler(" c")}</p>`);
  });

  it("make no spoiler inside a link's text", () => {
    expect(renderMarkdown("[||x||](https://example.com)")).toBe(
      '<p><a href="https://example.com" rel="nofollow ugc noopener">||x||</a></p>',
    );
  });

  it("stay safe: raw HTML inside a mark is dropped, never run", () => {
    for (const source of ["||<script>alert(1)</script>||", "||<img src=x onerror=alert(1)>||", "||<input>||"]) {
      const html = renderMarkdown(source);
      expect(html).not.toMatch(/<script|onerror|<img/i);
      expect(html.match(/<input/g) ?? []).toHaveLength(html.includes("<label") ? 1 : 0);
    }
    // The raw tag is dropped; what is left is a spoiler with nothing in it.
    expect(renderMarkdown("||<script>||")).toBe(`<p>${spoiler("")}</p>`);
  });

  it("keep task-list checkboxes as text, so the only input is a spoiler's", () => {
    const html = renderMarkdown("- [x] seen ||it||\n- [ ] not yet");
    expect(html.match(/<input/g)).toHaveLength(1);
    expect(html).toContain("☑");
    expect(html).toContain("☐");
  });

  it("go through the input bounds like any Markdown", () => {
    // Over the length limit: the text comes back as typed, escaped.
    expect(renderMarkdown("||a|| ".repeat(5_000))).not.toContain("<label");
    // Thousands of marks in one paragraph render in one pass.
    const started = Date.now();
    expect(renderMarkdown("||a|| ".repeat(3_000)).match(/<label/g)).toHaveLength(3_000);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("are taken out of the HTML a feed carries", () => {
    const html = renderMarkdown("It ends ||badly|| and ||*sadly*||.");
    expect(withoutSpoilers(html)).toBe(`<p>It ends ${SPOILER_IN_FEED} and ${SPOILER_IN_FEED}.</p>`);
  });

  it("are hidden in excerpts", () => {
    expect(markdownExcerpt("The twist: ||she is the killer||.")).toBe(`The twist: ${SPOILER_IN_EXCERPT}.`);
  });

  it("changed the stored HTML's version, so old rows render again", () => {
    expect(MARKDOWN_RENDERER_VERSION).toBeGreaterThanOrEqual(2);
  });
});

describe("who sees spoilers open", () => {
  const t = useTestDatabase();

  it("is a reader who rated or logged the film, told by the viewer payload in one query", async () => {
    const film = await addFilm(t.db, "Vertigo");
    const author = await addMember(t.db);
    const rater = await addMember(t.db);
    const logger = await addMember(t.db);
    const stranger = await addMember(t.db);
    const [review] = await t.db
      .insert(reviews)
      .values({ filmId: film.id, authorId: author.id, body: "||Twist||", verdict: "Dizzying", status: "published" })
      .returning({ id: reviews.id });
    await t.db.insert(ratings).values({ userId: rater.id, filmId: film.id, halfStars: 7 });
    await t.db.insert(diaryEntries).values({ userId: logger.id, filmId: film.id, watchedOn: "2026-11-30" });

    for (const [member, seen] of [
      [rater, true],
      [logger, true],
      [stranger, false],
    ] as const) {
      expect((await buildViewerPayload(member, `/reviews/${review!.id}`)).review?.seen, member.handle).toBe(seen);
      expect((await buildViewerPayload(member, `/films/${film.slug}`)).film?.seen, member.handle).toBe(seen);
    }
    expect(await buildViewerPayload(null, `/reviews/${review!.id}`)).toEqual({ member: null });

    t.queries.reset();
    expect(await hasSeenFilmOfReview(rater.id, review!.id)).toBe(true);
    expect(t.queries.count).toBe(1);
  });
});
