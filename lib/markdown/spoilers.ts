import "server-only";
import type { Element, ElementContent } from "hast";
import type { Nodes as MdastNodes, Parent, PhrasingContent, Root as MdastRoot, Text } from "mdast";

/**
 * Spoiler marks: `||the twist||` in a review, a comment or a list
 * description. In the Markdown tree a pair of marks in one run of text (a
 * paragraph, a heading, a table cell, inside emphasis) becomes a `spoiler`
 * node; code spans are their own nodes, so marks inside them stay as typed.
 * Marks pair in order; one left without a partner stays as typed, as does
 * an empty pair. Spoilers do not nest (marks inside one stay as typed), and
 * none is made inside a link, whose text cannot hold the reveal control.
 */

export interface Spoiler extends Parent {
  type: "spoiler";
  children: PhrasingContent[];
}

declare module "mdast" {
  interface PhrasingContentMap {
    spoiler: Spoiler;
  }
  interface RootContentMap {
    spoiler: Spoiler;
  }
}

const MARK = "||";

/** The class names the stored HTML of a spoiler uses (and the sanitizer allows). */
export const SPOILER_CLASSES = {
  root: "spoiler",
  toggle: "spoiler-toggle",
  cover: "spoiler-cover",
  text: "spoiler-text",
  whenHidden: "spoiler-state-hidden",
  whenShown: "spoiler-state-shown",
} as const;

type Piece = PhrasingContent | { type: "mark" };

/** The children of one parent with every `||` in its text split out as a mark. */
function splitMarks(children: readonly PhrasingContent[]): { pieces: Piece[]; marks: number } {
  const pieces: Piece[] = [];
  let marks = 0;
  for (const child of children) {
    if (child.type !== "text" || !child.value.includes(MARK)) {
      pieces.push(child);
      continue;
    }
    const parts = child.value.split(MARK);
    parts.forEach((value, i) => {
      if (i > 0) {
        pieces.push({ type: "mark" });
        marks++;
      }
      if (value) pieces.push({ type: "text", value } satisfies Text);
    });
  }
  return { pieces, marks };
}

const literal = (): Text => ({ type: "text", value: MARK });

/** Pairs the marks among `children` into spoiler nodes; unpaired and empty ones become text again. */
function pairMarks(children: readonly PhrasingContent[]): PhrasingContent[] | null {
  const { pieces, marks } = splitMarks(children);
  if (marks < 2) return null;
  const out: PhrasingContent[] = [];
  let open: PhrasingContent[] | null = null;
  for (const piece of pieces) {
    if (piece.type === "mark") {
      if (open === null) {
        open = [];
      } else if (open.length === 0) {
        out.push(literal(), literal());
        open = null;
      } else {
        out.push({ type: "spoiler", children: open });
        open = null;
      }
      continue;
    }
    (open ?? out).push(piece);
  }
  if (open !== null) out.push(literal(), ...open);
  return mergeText(out);
}

/** Joins neighbouring text nodes, so a mark put back as text reads as one run. */
function mergeText(nodes: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.type === "text" && last?.type === "text") last.value += node.value;
    else merged.push(node);
  }
  return merged;
}

const NO_SPOILERS_INSIDE = new Set(["spoiler", "link", "linkReference", "inlineCode", "code", "html"]);

/** The remark step: every parent of inline content gets its marks paired. Iterative. */
export function remarkSpoilers() {
  return (tree: MdastRoot) => {
    const pending: MdastNodes[] = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (!("children" in node) || NO_SPOILERS_INSIDE.has(node.type)) continue;
      const parent = node as Parent;
      const inline = parent.children.some((child) => child.type === "text");
      if (inline) {
        const paired = pairMarks(parent.children as PhrasingContent[]);
        if (paired) parent.children = paired;
      }
      pending.push(...(parent.children as MdastNodes[]));
    }
  };
}

/** How remark-rehype turns a spoiler node into HTML; the control is added by `spoilerControl`. */
export const spoilerHandler = {
  spoiler(state: { all: (node: Spoiler) => ElementContent[] }, node: Spoiler): Element {
    return {
      type: "element",
      tagName: "label",
      properties: { className: [SPOILER_CLASSES.root], dataSpoiler: "" },
      children: state.all(node),
    };
  },
};

const span = (className: string, children: ElementContent[]): Element => ({
  type: "element",
  tagName: "span",
  properties: { className: [className] },
  children,
});

/**
 * The finished markup of one spoiler, built from the `label` the handler
 * made. It works without JavaScript: the label holds a checkbox, and the
 * site's CSS shows the text while it is checked (a click or Space on it).
 * A screen reader hears the checkbox's name, "Spoiler, hidden" or "Spoiler,
 * shown": the label's visually hidden words, of which CSS keeps only the
 * true one (the visible "Spoiler" is hidden from it, so it is said once).
 */
export function spoilerControl(label: Element): Element {
  return {
    ...label,
    children: [
      {
        type: "element",
        tagName: "input",
        properties: { type: "checkbox", className: [SPOILER_CLASSES.toggle] },
        children: [],
      },
      span(SPOILER_CLASSES.cover, [
        {
          type: "element",
          tagName: "span",
          properties: { ariaHidden: "true" },
          children: [{ type: "text", value: "Spoiler" }],
        },
        span(SPOILER_CLASSES.whenHidden, [{ type: "text", value: "Spoiler, hidden" }]),
        span(SPOILER_CLASSES.whenShown, [{ type: "text", value: "Spoiler, shown" }]),
      ]),
      span(SPOILER_CLASSES.text, label.children),
    ],
  };
}

/** Whether a hast element is a spoiler's label as the handler made it. */
export function isSpoilerLabel(element: Element): boolean {
  const className = element.properties.className;
  return element.tagName === "label" && Array.isArray(className) && className.includes(SPOILER_CLASSES.root);
}

/** What a feed shows in place of a spoiler's words. */
export const SPOILER_IN_FEED = "<em>[spoiler: read it on Marquee]</em>";

const STORED_SPOILER =
  /<label class="spoiler" data-spoiler="">[\s\S]*?<span class="spoiler-text">[\s\S]*?<\/span><\/label>/g;

/**
 * Stored HTML with each spoiler's words taken out, for places without the
 * site's CSS to hide them (a feed reader). Matches only the markup
 * `spoilerControl` writes: no span but the spoiler's own can be inside one.
 */
export function withoutSpoilers(html: string): string {
  return html.replace(STORED_SPOILER, SPOILER_IN_FEED);
}
