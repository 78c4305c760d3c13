import { describe, expect, it } from "vitest";
import { buildRss, escapeXml, reviewToRssItem } from "@/lib/feeds/rss";
import { renderMarkdown } from "@/lib/markdown";
import { movieJsonLd, reviewJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";

describe("serializeJsonLd", () => {
  it("cannot be closed early by text inside it, and parses back to the same data", () => {
    const data = { name: "</script><script>alert(1)</script>", note: "a & b <!-- c --> \u2028" };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});

describe("schema.org data", () => {
  const movie = {
    url: "https://marquee.example/films/her",
    title: "Her",
    year: 2013,
    releaseDate: "2013-12-18",
    runtimeMinutes: 126,
    directors: [{ name: "Spike Jonze", url: "https://marquee.example/people/spike-jonze" }],
    cast: [{ name: "Joaquin Phoenix" }],
  };

  it("describes a rated film with an AggregateRating on the 0–4 scale", () => {
    expect(movieJsonLd({ ...movie, ratingCount: 2, halfStarsTotal: 15 })).toMatchObject({
      "@type": "Movie",
      datePublished: "2013-12-18",
      duration: "PT2H6M",
      director: [{ "@type": "Person", name: "Spike Jonze" }],
      actor: [{ "@type": "Person", name: "Joaquin Phoenix" }],
      aggregateRating: { "@type": "AggregateRating", ratingValue: 3.8, ratingCount: 2, bestRating: 4, worstRating: 0 },
    });
    expect(movieJsonLd({ ...movie, ratingCount: 0, halfStarsTotal: 0 })).not.toHaveProperty("aggregateRating");
  });

  it("describes a review with its Rating, author and the Movie it reviews", () => {
    const data = reviewJsonLd({
      url: "https://marquee.example/reviews/1",
      verdict: "A love story about listening.",
      body: "Plain text.",
      halfStars: 7,
      publishedAt: new Date("2024-01-02T03:04:05Z"),
      editedAt: null,
      author: { name: "Maya Okafor", url: "https://marquee.example/members/maya" },
      movie,
    });
    expect(data).toMatchObject({
      "@type": "Review",
      author: { "@type": "Person", name: "Maya Okafor" },
      itemReviewed: { "@type": "Movie", name: "Her" },
      reviewRating: { "@type": "Rating", ratingValue: 3.5, bestRating: 4, worstRating: 0 },
    });
    expect(data.itemReviewed).not.toHaveProperty("@context");
  });
});

describe("RSS", () => {
  it("escapes the XML specials and drops characters XML cannot carry", () => {
    expect(escapeXml(`<a href="x">'Tom' & Jerry</a>\u0000\u0008\uFFFE`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;Tom&apos; &amp; Jerry&lt;/a&gt;",
    );
  });

  it("builds an RSS 2.0 channel with absolute links and the review as escaped HTML", () => {
    const item = reviewToRssItem(
      {
        id: 7,
        author: { handle: "maya", name: "Maya & Co" },
        film: { slug: "her", title: "Her", year: 2013 },
        halfStars: 7,
        verdict: "Sweet </description> <b>and</b> sad",
        html: renderMarkdown("*Kind* film. <script>alert(1)</script>"),
        containsSpoilers: false,
        publishedAt: new Date("2024-01-02T03:04:05Z"),
        editedAt: null,
      },
      "https://marquee.example",
    );
    const xml = buildRss({
      title: "Reviews & more",
      link: "https://marquee.example/",
      self: "https://marquee.example/feeds/reviews.xml",
      description: "Latest",
      items: [item],
    });
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain("<title>Reviews &amp; more</title>");
    expect(xml).toContain("<title>Maya &amp; Co on Her (2013): 3½/4</title>");
    expect(xml).toContain("<link>https://marquee.example/reviews/7</link>");
    expect(xml).toContain("<pubDate>Tue, 02 Jan 2024 03:04:05 GMT</pubDate>");
    expect(xml).toContain("&lt;em&gt;Kind&lt;/em&gt;");
    expect(xml).not.toContain("<script");
    expect(xml).not.toContain("</description> <b>");
    expect(xml.match(/<description>/g)).toHaveLength(2);
  });

  it("holds back the body of a review with spoilers", () => {
    const item = reviewToRssItem(
      {
        id: 8,
        author: { handle: "jonas", name: "Jonas" },
        film: { slug: "her", title: "Her", year: null },
        halfStars: null,
        verdict: "The ending!",
        html: "<p>The twist is that…</p>",
        containsSpoilers: true,
        publishedAt: new Date(),
        editedAt: null,
      },
      "https://marquee.example",
    );
    expect(item.description).not.toContain("twist");
    expect(item.description).toContain("contains spoilers");
  });
});
