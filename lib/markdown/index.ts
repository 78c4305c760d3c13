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

/**
 * Members write reviews in Markdown. What reaches a page is built only from
 * Markdown syntax: raw HTML is dropped when the Markdown becomes HTML, and the
 * sanitizer runs last, after every step that makes HTML, against an allow-list.
 */

/** Tags members' Markdown may never produce: images and form controls. */
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
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !FORBIDDEN_TAGS.has(tag)),
  attributes: {
    ...defaultSchema.attributes,
    "*": globalAttributes,
    a: [...(defaultSchema.attributes?.a ?? []), ["rel", ...LINK_REL]],
    img: [],
    input: [],
  },
  required: {},
  clobber: ["ariaDescribedBy", "ariaLabelledBy", "id", "name"],
  clobberPrefix: CLOBBER_PREFIX,
};

function mapMdast(node: MdastNodes, replace: (node: MdastContent) => MdastContent): void {
  if (!("children" in node)) return;
  const parent = node as { children: MdastContent[] };
  parent.children = parent.children.map((child) => {
    const next = replace(child);
    mapMdast(next, replace);
    return next;
  });
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

function visitElements(node: HastRoot | Element, visit: (element: Element) => ElementContent[] | null): void {
  const children: (HastContent | ElementContent)[] = [];
  for (const child of node.children) {
    if (child.type === "element") {
      const replacement = visit(child);
      if (replacement) {
        children.push(...replacement);
        continue;
      }
      visitElements(child, visit);
    }
    children.push(child);
  }
  node.children = children as typeof node.children;
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

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkImagesAsLinks)
  // No allowDangerousHtml: raw HTML in the Markdown is dropped here. No
  // prefix either: the sanitizer prefixes every id once, and hrefs follow.
  .use(remarkRehype, { clobberPrefix: "" })
  .use(rehypeExternalLinks, { rel: LINK_REL, protocols: ["http", "https", "mailto"] })
  .use(rehypeBeforeSanitize)
  .use(rehypeSanitize, markdownSchema)
  .use(rehypeStringify)
  .freeze();

/** Renders a member's Markdown to HTML that is safe to put in a page as is. */
export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

function plainText(node: MdastNodes): string {
  if (node.type === "html") return "";
  if ("value" in node && typeof node.value === "string") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if (!("children" in node)) return "";
  const separator = node.type === "root" || node.type === "list" || node.type === "blockquote" ? " " : "";
  return (node.children as MdastNodes[]).map(plainText).join(separator);
}

/**
 * The words of a Markdown text without its syntax, cut at a word boundary
 * to at most `maxLength` characters (with "…" when cut). For lists and feeds.
 */
export function markdownExcerpt(source: string, maxLength = 280): string {
  const text = plainText(parser.parse(source)).replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?–—-]+$/u, "")}…`;
}
