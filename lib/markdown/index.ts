import "server-only";
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from "hast";
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent as MdastContent } from "mdast";
import rehypeExternalLinks from "rehype-external-links";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { cutExcerpt } from "./excerpt";
import { markdownLimitProblem } from "./limits";
import { isSpoilerLabel, remarkSpoilers, SPOILER_CLASSES, spoilerControl, spoilerHandler } from "./spoilers";

/**
 * Members write reviews in Markdown. What reaches a page is built only from
 * Markdown syntax: raw HTML is dropped when the Markdown becomes HTML, and the
 * sanitizer runs last, after every step that makes HTML, against an allow-list.
 */

/**
 * Tags members' Markdown may never produce: images and form controls. The
 * one exception is the checkbox of a spoiler mark, which the renderer adds
 * itself after every other input became text (rehypeBeforeSanitize), and
 * which the schema below lets through as a bare checkbox with its class.
 */
const FORBIDDEN_TAGS = new Set(["img", "picture", "source", "input", "video", "audio", "iframe"]);

const LINK_REL = ["nofollow", "ugc", "noopener"];

/** The `id` prefix the sanitizer adds; in-page links are rewritten to match. */
const CLOBBER_PREFIX = "user-content-";

const globalAttributes = (defaultSchema.attributes?.["*"] ?? []).filter(
  // A `name` (like an unprefixed `id`) could clobber globals in the page's scripts.
  (attribute) => (Array.isArray(attribute) ? attribute[0] : attribute) !== "name",
);

export const markdownSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !FORBIDDEN_TAGS.has(tag)), "label", "input"],
  attributes: {
    ...defaultSchema.attributes,
    "*": globalAttributes,
    a: [...(defaultSchema.attributes?.a ?? []), ["rel", ...LINK_REL]],
    img: [],
    input: [
      ["type", "checkbox"],
      ["className", SPOILER_CLASSES.toggle],
    ],
    label: [["className", SPOILER_CLASSES.root], "dataSpoiler"],
    span: [
      ["className", SPOILER_CLASSES.cover, SPOILER_CLASSES.text, SPOILER_CLASSES.whenHidden, SPOILER_CLASSES.whenShown],
      ["ariaHidden", "true"],
    ],
  },
  // Any input that reaches the sanitizer is a checkbox, whatever made it.
  required: { input: { type: "checkbox" } },
  clobber: ["ariaDescribedBy", "ariaLabelledBy", "id", "name"],
  clobberPrefix: CLOBBER_PREFIX,
};

/** Replaces every node below `tree`, parents before children; iterative, so depth cannot overflow the stack. */
function mapMdast(tree: MdastNodes, replace: (node: MdastContent) => MdastContent): void {
  const pending: MdastNodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (!("children" in node)) continue;
    const parent = node as { children: MdastContent[] };
    parent.children = parent.children.map(replace);
    pending.push(...parent.children);
  }
}

/**
 * Images become plain links to the picture: reviews never load a remote file
 * into a reader's page, and the text of the image stays readable.
 */
function remarkImagesAsLinks() {
  return (tree: MdastRoot) => {
    mapMdast(tree, (node) => {
      if (node.type === "image") {
        return {
          type: "link",
          url: node.url,
          title: node.title ?? null,
          children: [{ type: "text", value: node.alt || node.url }],
        };
      }
      if (node.type === "imageReference") {
        return {
          type: "linkReference",
          identifier: node.identifier,
          label: node.label ?? null,
          referenceType: node.referenceType,
          children: [{ type: "text", value: node.alt || node.label || node.identifier }],
        };
      }
      return node;
    });
  };
}

/**
 * Calls `visit` on every element below `tree`; a returned array replaces the
 * element (and is not visited further). Iterative, like every walk here.
 */
function visitElements(tree: HastRoot, visit: (element: Element) => ElementContent[] | null): void {
  const pending: (HastRoot | Element)[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const children: (HastContent | ElementContent)[] = [];
    for (const child of node.children) {
      if (child.type === "element") {
        const replacement = visit(child);
        if (replacement) {
          children.push(...replacement);
          continue;
        }
        pending.push(child);
      }
      children.push(child);
    }
    node.children = children as typeof node.children;
  }
}

const HEADING = /^h([1-6])$/;

/**
 * Before sanitizing: headings move one level down (a review sits under the
 * page's own h1), GFM task-list checkboxes become ☐/☑ (a bare checkbox has no
 * label), and in-page links such as footnotes point at the prefixed ids the
 * sanitizer gives their targets.
 */
function rehypeBeforeSanitize() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => {
      const heading = HEADING.exec(element.tagName);
      if (heading) element.tagName = `h${Math.min(Number(heading[1]) + 1, 6)}`;
      if (element.tagName === "input") {
        return [{ type: "text", value: element.properties.checked ? "☑" : "☐" }];
      }
      let href = element.properties.href;
      if (element.tagName === "a" && typeof href === "string") {
        // "HTTP://…" is the same link as "http://…"; the sanitizer's protocol list is lower-case.
        const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
        if (scheme) href = element.properties.href = scheme[1]!.toLowerCase() + href.slice(scheme[1]!.length);
        if (href.startsWith("#") && href.length > 1) element.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
        // Every link a member writes gets the same rel, on this site or off it.
        element.properties.rel = LINK_REL;
      }
      return null;
    });
  };
}

/** After rehypeBeforeSanitize (which turns every other input into text): each spoiler gets its checkbox. */
function rehypeSpoilerControls() {
  return (tree: HastRoot) => {
    visitElements(tree, (element) => (isSpoilerLabel(element) ? [spoilerControl(element)] : null));
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkImagesAsLinks)
  .use(remarkSpoilers)
  // No allowDangerousHtml: raw HTML in the Markdown is dropped here. No
  // prefix either: the sanitizer prefixes every id once, and hrefs follow.
  .use(remarkRehype, { clobberPrefix: "", handlers: spoilerHandler })
  .use(rehypeExternalLinks, { rel: LINK_REL, protocols: ["http", "https", "mailto"] })
  .use(rehypeBeforeSanitize)
  .use(rehypeSpoilerControls)
  .use(rehypeSanitize, markdownSchema)
  .use(rehypeStringify)
  .freeze();

/** The fallback's path to HTML: the same sanitizer, last, then the same serializer. */
const plainProcessor = unified().use(rehypeSanitize, markdownSchema).use(rehypeStringify).freeze();

/**
 * Bumped whenever a change here changes the HTML of some Markdown; stored
 * HTML of an older version is rendered again (on read, or by
 * `npm run markdown:rerender`).
 */
export const MARKDOWN_RENDERER_VERSION = 2;

/** Deeper than anything the limits let through; the later steps recurse, so nothing deeper reaches them. */
const MAX_TREE_DEPTH = 100;

function deeperThan(tree: MdastRoot, limit: number): boolean {
  const pending: [MdastNodes, number][] = [[tree, 0]];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return true;
    if ("children" in node) for (const child of node.children) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * The text as it was typed, escaped: a paragraph per blank-line-separated
 * block. For Markdown that breaks the limits or the renderer; built as a
 * flat tree so it passes the same sanitizer.
 */
export function plainParagraphs(source: string): string {
  const tree: HastRoot = { type: "root", children: [] };
  for (const block of source.split(/\r?\n[ \t]*\r?\n/)) {
    const value = block.trim();
    if (!value) continue;
    if (tree.children.length > 0) tree.children.push({ type: "text", value: "\n" });
    tree.children.push({ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value }] });
  }
  return plainProcessor.stringify(plainProcessor.runSync(tree));
}

/**
 * Renders a member's Markdown to HTML that is safe to put in a page as is.
 * Never throws: Markdown beyond the structural limits (lib/markdown/limits),
 * or that the renderer cannot handle, comes back as escaped plain paragraphs.
 */
export function renderMarkdown(source: string): string {
  if (markdownLimitProblem(source) !== null) return plainParagraphs(source);
  try {
    const tree = processor.parse(source);
    if (deeperThan(tree, MAX_TREE_DEPTH)) return plainParagraphs(source);
    return processor.stringify(processor.runSync(tree));
  } catch {
    return plainParagraphs(source);
  }
}

/** The stored form of a body: its HTML and the renderer version, to spread into an insert or update. */
export function renderStored(source: string): { bodyHtml: string; bodyHtmlVersion: number } {
  return { bodyHtml: renderMarkdown(source), bodyHtmlVersion: MARKDOWN_RENDERER_VERSION };
}

/**
 * The links a reader sees in HTML this renderer wrote: each `<a href>` except
 * in-page ones (footnote marks and back-links). Counted on the rendered tree's
 * output, so reference-style links, autolinks and images (which render as
 * links) count as what they render; a link written in plain text, which does
 * not render as one, does not.
 */
export function countLinks(html: string): number {
  return html.match(/<a\s[^>]*?href="(?!#)/g)?.length ?? 0;
}

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkSpoilers).freeze();

/** What an excerpt says in place of a spoiler's words. */
export const SPOILER_IN_EXCERPT = "[spoiler]";

/** The words of a Markdown tree without its syntax; iterative, in document order. */
function plainText(tree: MdastNodes): string {
  const parts: string[] = [];
  const pending: (MdastNodes | string)[] = [tree];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item === "string") {
      parts.push(item);
      continue;
    }
    const node = item;
    if (node.type === "html") continue;
    if (node.type === "spoiler") {
      parts.push(SPOILER_IN_EXCERPT);
      continue;
    }
    if ("value" in node && typeof node.value === "string") parts.push(node.value);
    else if (node.type === "image") parts.push(node.alt ?? "");
    else if ("children" in node) {
      const separator = node.type === "root" || node.type === "list" || node.type === "blockquote" ? " " : "";
      const children = node.children as MdastNodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        pending.push(children[i]!);
        if (i > 0 && separator) pending.push(separator);
      }
    }
  }
  return parts.join("");
}

/**
 * The words of a Markdown text without its syntax, cut at a word boundary
 * to at most `maxLength` characters (with "…" when cut). For lists and feeds.
 */
export function markdownExcerpt(source: string, maxLength = 280): string {
  let text = source;
  if (markdownLimitProblem(source) === null) {
    try {
      text = plainText(parser.runSync(parser.parse(source)) as MdastRoot);
    } catch {
      // The text as typed is a fine excerpt of Markdown the parser cannot read.
    }
  }
  return cutExcerpt(text, maxLength);
}
