/**
 * Excerpts for lists, feeds and structured data, taken from text or from the
 * stored HTML (so reading them never parses Markdown). Pure and client-safe.
 */

/** `text` with its whitespace collapsed, cut at a word boundary to at most `maxLength` characters ("…" when cut). */
export function cutExcerpt(text: string, maxLength: number): string {
  const words = text.replace(/\s+/g, " ").trim();
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?–—-]+$/u, "")}…`;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
    }
    return NAMED[body.toLowerCase()] ?? entity;
  });
}

/**
 * The words of HTML made by lib/markdown, without its tags, footnote marks
 * or footnotes, cut like `cutExcerpt`. `html` may be cut short (a prefix of
 * the stored HTML): a tag or entity broken at the end is dropped.
 */
export function htmlExcerpt(html: string, maxLength = 280): string {
  const text = html
    .replace(/<section data-footnotes[\s\S]*?(<\/section>|$)/g, " ")
    .replace(/<sup>[\s\S]*?(<\/sup>|$)/g, "")
    .replace(/<\/?(p|h[1-6]|li|ul|ol|blockquote|pre|table|thead|tbody|tr|td|th|hr|br|div|section)\b[^>]*(>|$)/g, " ")
    .replace(/<[^>]*(>|$)/g, "")
    .replace(/&[#a-z0-9]*$/i, "");
  return cutExcerpt(decodeEntities(text), maxLength);
}
