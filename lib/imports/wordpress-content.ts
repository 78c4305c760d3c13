import "server-only";
import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import rehypeParse from "rehype-parse";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { VERDICT_MAX } from "@/lib/reviews/schema";

/**
 * WordPress post and comment HTML into Marquee's Markdown, and the rating
 * line a film blog closes its reviews with ("My Rating: 4/4 – verdict",
 * "3½/4", "★★★½") into a rating in half stars and a verdict.
 */

const BLOCK_START =
  /^<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|figure|hr|section|article|dl|address)\b/i;

/**
 * WordPress stores classic-editor posts without <p> tags and adds them when
 * it shows a post (wpautop): blank lines are paragraphs, single line breaks
 * are <br>. This does the same for the common cases so paragraphs survive.
 */
export function autop(html: string): string {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, "");
  return withoutComments
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

/** Shortcodes such as [caption] and [embed] mean nothing outside WordPress: their tags go, their text stays. */
function stripShortcodes(html: string): string {
  return html.replace(/\[\/?(caption|gallery|embed|video|audio|playlist|wp_caption)\b[^\]]*\]/gi, "");
}

const INLINE = new Set([
  "a",
  "abbr",
  "b",
  "cite",
  "code",
  "del",
  "em",
  "i",
  "ins",
  "kbd",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strong",
  "sub",
  "sup",
  "u",
]);

function textOf(node: RootContent | ElementContent): string {
  if (node.type === "text") return node.value;
  if (node.type === "element") {
    if (node.tagName === "br") return "\n";
    const inner = node.children.map(textOf).join("");
    return INLINE.has(node.tagName) ? inner : ` ${inner} `;
  }
  return "";
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

export interface RatingLine {
  /** 0–8. */
  halfStars: number;
  /** The words after the rating, if any. */
  verdict: string;
}

const LEAD = String.raw`(?:(?:my|our|final)\s+)?(?:rating|score|grade|verdict)\s*[:\-–—]?\s*`;
const TAIL = String.raw`\s*(?:[–—\-:|]\s*(?<verdict>.*))?$`;
const NUMERIC = new RegExp(
  String.raw`^(?:${LEAD})?(?<whole>[0-4])?(?<half>\s*½|\.5|\.0)?\s*(?:\/|out\s+of)\s*4(?:\s*stars?)?\.?${TAIL}`,
  "iu",
);
const STARS = new RegExp(String.raw`^(?:${LEAD})?(?<stars>★{0,4})(?<half>½)?☆*${TAIL}`, "iu");

/** Reads one line as a rating line, or null. "3½/4", "My Rating: 3.5/4 – Tender", "★★★½ – Tender". */
export function parseRatingLine(line: string): RatingLine | null {
  const text = oneLine(line);
  const numeric = NUMERIC.exec(text);
  if (numeric?.groups && (numeric.groups.whole !== undefined || numeric.groups.half?.includes("½"))) {
    const whole = Number(numeric.groups.whole ?? 0);
    const half = numeric.groups.half && !numeric.groups.half.includes(".0") ? 1 : 0;
    const halfStars = whole * 2 + half;
    if (halfStars > 8) return null;
    return { halfStars, verdict: cleanVerdict(numeric.groups.verdict ?? "") };
  }
  const stars = STARS.exec(text);
  if (stars?.groups && (stars.groups.stars || stars.groups.half)) {
    const halfStars = (stars.groups.stars?.length ?? 0) * 2 + (stars.groups.half ? 1 : 0);
    return { halfStars, verdict: cleanVerdict(stars.groups.verdict ?? "") };
  }
  return null;
}

/** A verdict is one line of at most VERDICT_MAX characters: cut at a word, with an ellipsis. */
export function fitVerdict(text: string): string {
  const line = oneLine(text);
  if (line.length <= VERDICT_MAX) return line;
  const cut = line.slice(0, VERDICT_MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > VERDICT_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, "")}…`;
}

const QUOTE_PAIRS: Record<string, string> = { '"': '"', "“": "”", "'": "'", "‘": "’" };

/** The verdict without the quotation marks a blogger may wrap it in. */
function cleanVerdict(text: string): string {
  const line = oneLine(text);
  const close = QUOTE_PAIRS[line[0] ?? ""];
  const unquoted = close && line.length > 1 && line.endsWith(close) ? line.slice(1, -1) : line;
  return fitVerdict(unquoted);
}

/** The first sentence of a text, as a verdict when the post gives none. */
export function firstSentence(text: string): string {
  const line = oneLine(text);
  const match = /^(.+?[.!?])(\s|$)/.exec(line);
  return fitVerdict(match ? match[1]! : line);
}

const isElement = (node: RootContent): node is Element => node.type === "element";

/**
 * Finds the closing rating line in the last two blocks of the post (a block
 * of its own, or the last line of a paragraph after a <br>), takes it out of
 * the tree and returns it.
 */
function takeRatingLine(tree: HastRoot): RatingLine | null {
  const blocks = tree.children.filter((node) => isElement(node) || (node.type === "text" && node.value.trim() !== ""));
  for (const block of blocks.slice(-2).reverse()) {
    const whole = parseRatingLine(textOf(block));
    if (whole) {
      tree.children = tree.children.filter((node) => node !== block);
      return whole;
    }
    if (!isElement(block)) continue;
    const lastBreak = block.children.findLastIndex((child) => child.type === "element" && child.tagName === "br");
    if (lastBreak < 0) continue;
    const tail = parseRatingLine(
      block.children
        .slice(lastBreak + 1)
        .map(textOf)
        .join(""),
    );
    if (tail) {
      block.children = block.children.slice(0, lastBreak);
      return tail;
    }
  }
  return null;
}

function parseHtml(html: string): HastRoot {
  return unified()
    .use(rehypeParse, { fragment: true })
    .parse(autop(stripShortcodes(html)));
}

async function toMarkdown(tree: HastRoot): Promise<string> {
  const processor = unified()
    .use(rehypeRemark)
    .use(remarkGfm)
    .use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*", rule: "-", fences: true });
  const mdast = await processor.run(tree);
  return processor.stringify(mdast).trim();
}

export interface ConvertedPost {
  markdown: string;
  /** The post's text without markup, for a verdict when the rating line has none. */
  plainText: string;
  rating: RatingLine | null;
}

/** A post's HTML as Markdown, with its closing rating line taken out (when it has one). */
export async function convertPost(html: string): Promise<ConvertedPost> {
  const tree = parseHtml(html);
  const rating = takeRatingLine(tree);
  const plainText = oneLine(tree.children.map(textOf).join(" "));
  return { markdown: await toMarkdown(tree), plainText, rating };
}

/** A comment's HTML as Markdown. */
export async function convertComment(html: string): Promise<string> {
  return toMarkdown(parseHtml(html));
}

/** Text with its entities decoded and its tags dropped: for titles. */
export function plainTitle(html: string): string {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  return oneLine(tree.children.map(textOf).join("")).replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}
