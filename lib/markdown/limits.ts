/**
 * Structural limits on members' Markdown, checked before it is parsed. The
 * parser (micromark) is fast on prose but super-linear or recursive on some
 * shapes: hundreds of emphasis marks in one paragraph, thousands of nested
 * quotes or lists, deep brackets. These limits refuse those shapes and no
 * writing a person does: a review several screens long stays far below each.
 *
 * Pure and client-safe: the review and comment forms use it to say what to
 * change, and the renderer uses it to decide whether to parse at all. One
 * pass over the text, no recursion, no regular expression that backtracks.
 */

export const MARKDOWN_LIMITS = {
  /** Characters in the whole text (the longest body the site accepts). */
  length: 20_000,
  lines: 2_000,
  /** Block quotes inside block quotes. */
  quoteDepth: 8,
  /** Lists inside lists, by markers and indentation. */
  listDepth: 10,
  /** `*`, `_`, `~` or backticks in a row (a line of only `*`, `-` or `_` is a rule, and exempt). */
  run: 16,
  /** Square brackets inside square brackets. */
  bracketDepth: 8,
  /** Emphasis marks (runs of `*`, `_` or `~`) in one paragraph. */
  marksPerParagraph: 300,
  /** Emphasis marks in the whole text: each costs the parser far more than a letter. */
  marks: 2_000,
  /** Links in the whole text: `[`, bare `www.` and `://` addresses, and `@` (email addresses). */
  links: 500,
  /** Rows of one table (lines with a `|` in one block). */
  tableRows: 300,
} as const;

const count = (n: number) => n.toLocaleString("en-GB");

const SPACE = 0x20;
const TAB = 0x09;

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 0x0d) return false;
  }
  return true;
}

/** A thematic break: three or more of one of `*`, `-`, `_` and nothing else but spaces (at most a hundred characters). */
function isRule(line: string): boolean {
  if (line.length > 100) return false;
  let mark = "";
  let marks = 0;
  for (const ch of line) {
    if (ch === " " || ch === "\t" || ch === "\r") continue;
    if (ch !== "*" && ch !== "-" && ch !== "_") return false;
    if (mark && ch !== mark) return false;
    mark = ch;
    marks++;
  }
  return marks >= 3;
}

interface Prefix {
  quotes: number;
  lists: number;
  /** Index of the first character after the container markers. */
  end: number;
  /** Columns of indentation before the first marker (0 for a top-level line). */
  leading: number;
}

/**
 * The container markers that open a line: `>` for quotes, `-`, `+`, `*` or
 * `1.` / `1)` for list items, with the indentation between them. A nested
 * list continued by indentation needs at least two columns per level, so
 * half the extra indentation counts as list levels too: an upper bound on
 * how deep the line's content sits.
 */
function readPrefix(line: string): Prefix {
  let i = 0;
  let quotes = 0;
  let markers = 0;
  let extra = 0;
  let leading = -1;
  for (;;) {
    let columns = 0;
    while (i < line.length && (line[i] === " " || line[i] === "\t")) {
      columns += line[i] === "\t" ? 4 : 1;
      i++;
    }
    if (leading < 0) leading = columns;
    // One space after a marker belongs to it; the rest is indentation.
    extra += quotes + markers === 0 ? columns : Math.max(0, columns - 1);
    const ch = line[i];
    const next = line[i + 1];
    const endsMarker = next === undefined || next === " " || next === "\t" || next === "\r";
    if (ch === ">") {
      quotes++;
      i++;
      continue;
    }
    if ((ch === "-" || ch === "+" || ch === "*") && endsMarker) {
      markers++;
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x39) j++;
    if (j > i && (line[j] === "." || line[j] === ")")) {
      const after = line[j + 1];
      if (after === undefined || after === " " || after === "\t" || after === "\r") {
        markers++;
        i = j + 1;
        continue;
      }
    }
    return { quotes, lists: markers > 0 ? markers + Math.floor(extra / 2) : 0, end: i, leading };
  }
}

/** The opening of a fenced code block (three or more backticks or tildes), or null. */
function fenceOf(line: string, from: number): { mark: string; size: number } | null {
  const mark = line[from];
  if (mark !== "`" && mark !== "~") return null;
  let size = 0;
  while (line[from + size] === mark) size++;
  if (size < 3) return null;
  // A backtick fence's info string cannot contain a backtick.
  if (mark === "`" && line.indexOf("`", from + size) !== -1) return null;
  return { mark, size };
}

function closesFence(line: string, fence: { mark: string; size: number }): boolean {
  let i = 0;
  while (i < 3 && line[i] === " ") i++;
  let size = 0;
  while (line[i + size] === fence.mark) size++;
  return size >= fence.size && isBlank(line.slice(i + size));
}

const tooManyLinks = (at: string) => `Use at most ${MARKDOWN_LIMITS.links} links${at}.`;

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The first limit `source` breaks, as a sentence for the member ("Quotes can
 * be nested at most 8 deep."), or null when it is within all of them.
 */
export function markdownLimitProblem(source: string): string | null {
  const limits = MARKDOWN_LIMITS;
  if (source.length > limits.length) {
    return `Keep it to ${count(limits.length)} characters; it has ${count(source.length)}.`;
  }
  let lines = 1;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 0x0a) lines++;
  if (lines > limits.lines) return `Use at most ${count(limits.lines)} lines; this has ${count(lines)}.`;

  let fence: { mark: string; size: number } | null = null;
  let marks = 0;
  let allMarks = 0;
  let links = 0;
  let brackets = 0;
  let tableRows = 0;
  let lineNumber = 0;
  for (const line of source.split("\n")) {
    lineNumber++;
    const at = ` (line ${count(lineNumber)})`;
    // Only a fence outside any quote or list is skipped: nothing but its
    // closing line (or the end) ends it, so the parser sees plain text too.
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (isBlank(line)) {
      marks = 0;
      brackets = 0;
      tableRows = 0;
      continue;
    }
    const prefix = readPrefix(line);
    if (prefix.quotes > limits.quoteDepth) {
      return `Quotes can be nested at most ${limits.quoteDepth} deep${at}.`;
    }
    if (prefix.lists > limits.listDepth && !isRule(line)) {
      return `Lists can be nested at most ${limits.listDepth} deep${at}.`;
    }
    if (prefix.quotes === 0 && prefix.lists === 0 && prefix.leading <= 3) {
      const opening = fenceOf(line, prefix.end);
      if (opening) {
        if (opening.size > limits.run) {
          return `Use at most ${limits.run} ${opening.mark === "`" ? "backticks" : "“~”"} in a row${at}.`;
        }
        fence = opening;
        continue;
      }
    }
    if (isRule(line)) continue;
    if (line.includes("|") && ++tableRows > limits.tableRows) {
      return `A table can have at most ${limits.tableRows} rows${at}.`;
    }

    for (let i = prefix.end; i < line.length; i++) {
      const ch = line[i]!;
      if (ch === "\\") {
        i++;
        continue;
      }
      if (ch === "*" || ch === "_" || ch === "~" || ch === "`") {
        let size = 1;
        while (line[i + size] === ch) size++;
        if (size > limits.run) {
          const what = ch === "`" ? "backticks" : `“${ch}”`;
          return `Use at most ${limits.run} ${what} in a row${at}.`;
        }
        // An underscore inside a word (snake_case) can neither open nor close emphasis.
        const inWord = ch === "_" && isWordChar(line[i - 1]) && isWordChar(line[i + size]);
        if (ch !== "`" && !inWord && ++allMarks > limits.marks) {
          return `Use at most ${count(limits.marks)} emphasis marks (*, _ or ~)${at}.`;
        }
        if (ch !== "`" && !inWord && ++marks > limits.marksPerParagraph) {
          return `A paragraph can have at most ${limits.marksPerParagraph} emphasis marks (*, _ or ~)${at}; add a blank line to split it.`;
        }
        i += size - 1;
        continue;
      }
      if (ch === "[") {
        if (++brackets > limits.bracketDepth) {
          return `Square brackets can be nested at most ${limits.bracketDepth} deep${at}.`;
        }
        if (++links > limits.links) return tooManyLinks(at);
      } else if (ch === "]" && brackets > 0) {
        brackets--;
      } else if (
        ch === "@" ||
        (ch === ":" && line.startsWith("//", i + 1)) ||
        (ch === "w" && line.startsWith("ww.", i + 1))
      ) {
        if (++links > limits.links) return tooManyLinks(at);
      }
    }
  }
  return null;
}

/** For zod's `superRefine` on a Markdown field: adds the first broken limit as the field's issue. */
export function refineMarkdown(
  value: string,
  ctx: { addIssue: (issue: { code: "custom"; message: string }) => void },
): void {
  // The field's own maximum already says how long it may be.
  if (value.length > MARKDOWN_LIMITS.length) return;
  const problem = markdownLimitProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}
