import { VERDICT_MAX } from "@/lib/reviews/schema";

/**
 * Letterboxd keeps a review's light formatting as a few HTML tags; Marquee
 * stores Markdown. This keeps emphasis, links, quotes and paragraphs and
 * drops every other tag (the Markdown renderer allows no HTML anyway).
 */
export function letterboxdReviewToMarkdown(text: string): string {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#0?39;/g, "'")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&");
  const markdown = text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p>/gi, "\n\n")
    .replace(/<\/?p>/gi, "\n")
    .replace(/<(i|em)>([\s\S]*?)<\/\1>/gi, "*$2*")
    .replace(/<(b|strong)>([\s\S]*?)<\/\1>/gi, "**$2**")
    .replace(/<a\s[^>]*href="([^"]+)"[^>]*>([\s\S]*?)<\/a>/gi, "[$2]($1)")
    .replace(
      /<blockquote>([\s\S]*?)<\/blockquote>/gi,
      (_, quote: string) =>
        `\n${quote
          .trim()
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n")}\n`,
    )
    .replace(/<[^>]+>/g, "");
  return decode(markdown)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Letterboxd has no verdict line, so an imported review's verdict is its
 * first sentence, cut at a word to fit the verdict's length.
 */
export function verdictFrom(markdown: string): string {
  const plain = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_>#`|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(plain)?.[1] ?? plain;
  if (sentence.length <= VERDICT_MAX) return sentence;
  const cut = sentence.slice(0, VERDICT_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1)).trimEnd()}…`;
}
