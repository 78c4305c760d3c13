import "server-only";
import { formatRating } from "@/lib/ratings/scale";
import type { FeedReview } from "@/lib/reviews/queries";
import { filmLabel } from "@/lib/text";
import { withoutSpoilers } from "@/lib/markdown/spoilers";

/**
 * Text for XML: the five special characters escaped, and characters XML 1.0
 * cannot carry at all (most control characters, lone surrogates) removed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export interface RssChannel {
  title: string;
  /** Absolute URL of the page the feed belongs to. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  description: string;
  items: RssItem[];
}

export interface RssItem {
  title: string;
  link: string;
  description: string;
  author: string;
  publishedAt: Date;
  categories?: string[];
}

/** An RSS 2.0 document with an atom:link to itself. */
export function buildRss(channel: RssChannel): string {
  const newest = channel.items[0]?.publishedAt;
  const items = channel.items
    .map((item) =>
      [
        "    <item>",
        `      <title>${escapeXml(item.title)}</title>`,
        `      <link>${escapeXml(item.link)}</link>`,
        `      <guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
        `      <dc:creator>${escapeXml(item.author)}</dc:creator>`,
        `      <pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
        ...(item.categories ?? []).map((c) => `      <category>${escapeXml(c)}</category>`),
        `      <description>${escapeXml(item.description)}</description>`,
        "    </item>",
      ].join("\n"),
    )
    .join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${escapeXml(channel.title)}</title>`,
    `    <link>${escapeXml(channel.link)}</link>`,
    `    <description>${escapeXml(channel.description)}</description>`,
    "    <language>en</language>",
    `    <atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [`    <lastBuildDate>${newest.toUTCString()}</lastBuildDate>`] : []),
    items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** A review as a feed item: the verdict line, then the body (held back when it has spoilers). */
export function reviewToRssItem(review: FeedReview, origin: string): RssItem {
  const film = filmLabel(review.film);
  const rating = review.halfStars === null ? "" : ` ${formatRating(review.halfStars)}`;
  const verdictLine = `<p><strong>My Rating:${escapeXml(rating) || " not rated"}</strong> – ${escapeXml(review.verdict)}</p>`;
  const body = review.containsSpoilers
    ? "<p><em>This review contains spoilers. Read it on Marquee.</em></p>"
    : withoutSpoilers(review.html);
  return {
    title: `${review.author.name} on ${film}:${rating || " review"}`,
    link: `${origin}/reviews/${review.id}`,
    author: review.author.name,
    publishedAt: review.publishedAt,
    categories: [review.film.title],
    description: `${body}\n${verdictLine}`,
  };
}

/** The response for a feed: RSS content type, and cacheable for a few minutes. */
export function rssResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
