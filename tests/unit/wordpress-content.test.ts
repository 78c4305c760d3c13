import { describe, expect, it } from "vitest";
import { autop, convertPost, fitVerdict, parseRatingLine } from "@/lib/imports/wordpress-content";
import { filmFromPost } from "@/lib/imports/wordpress";

describe("the closing rating line", () => {
  it.each([
    ["My Rating: 4/4 – A love story for now", 8, "A love story for now"],
    ["My rating: 3.5/4 - Tender", 7, "Tender"],
    ["3½/4", 7, ""],
    ["½/4 — not for me", 1, "not for me"],
    ["Rating: 2 out of 4 stars", 4, ""],
    ["0/4", 0, ""],
    ["★★★½", 7, ""],
    ["★★☆☆ – “Uneven”", 4, "Uneven"],
    ["My Rating: ★★★★ – Perfect", 8, "Perfect"],
  ])("reads %s", (line, halfStars, verdict) => {
    expect(parseRatingLine(line)).toEqual({ halfStars, verdict });
  });

  it.each(["I liked it a lot.", "5/4", "2013/4", "Rating: great", ""])("finds no rating in %j", (line) => {
    expect(parseRatingLine(line)).toBeNull();
  });

  it("takes the rating from the last line of a paragraph and leaves the rest", async () => {
    const post = await convertPost("<p>It ends well.<br>\n<strong>My Rating:</strong> 3/4 – Quietly good</p>");
    expect(post.rating).toEqual({ halfStars: 6, verdict: "Quietly good" });
    expect(post.markdown).toBe("It ends well.");
  });

  it("leaves a post with no rating line as it is", async () => {
    const post = await convertPost("<p>First.</p><p>Second, with a 3/4 inside it.</p>");
    expect(post.rating).toBeNull();
    expect(post.markdown).toBe("First.\n\nSecond, with a 3/4 inside it.");
  });

  it("keeps verdicts to one short line", () => {
    const long = "word ".repeat(60);
    const fitted = fitVerdict(long);
    expect(fitted.length).toBeLessThanOrEqual(140);
    expect(fitted.endsWith("word…")).toBe(true);
  });
});

describe("WordPress markup", () => {
  it("makes paragraphs and line breaks from blank lines and newlines, as WordPress shows them", () => {
    expect(autop("One\ntwo\n\n<h2>Three</h2>\n\n<!-- wp:paragraph -->Four")).toBe(
      "<p>One<br>\ntwo</p>\n<h2>Three</h2>\n<p>Four</p>",
    );
  });

  it("converts HTML to Markdown, entities decoded and shortcodes dropped", async () => {
    const post = await convertPost(
      '[caption id="1"]<a href="https://example.com/a">A still</a>[/caption]\n\n<ul><li>One &amp; two</li></ul>\n\n<blockquote>Quoted</blockquote>',
    );
    expect(post.markdown).toBe("[A still](https://example.com/a)\n\n- One & two\n\n> Quoted");
  });
});

describe("the film a post is about", () => {
  const none = { categories: [] };
  it("reads the year from the title, a year category or the text", () => {
    expect(filmFromPost("Her (2013)", none, "")).toEqual({ title: "Her", year: 2013 });
    expect(filmFromPost("Her", { categories: [{ domain: "post_tag", nicename: "2013", name: "2013" }] }, "")).toEqual({
      title: "Her",
      year: 2013,
    });
    expect(filmFromPost("Lost Highway", none, "Lynch's Lost Highway (1997) is…")).toEqual({
      title: "Lost Highway",
      year: 1997,
    });
    expect(filmFromPost("Solaris", none, "No year here")).toEqual({ title: "Solaris", year: null });
  });
});
