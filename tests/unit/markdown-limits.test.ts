import { beforeAll, describe, expect, it } from "vitest";
import { plainParagraphs, renderMarkdown } from "@/lib/markdown";
import { htmlExcerpt } from "@/lib/markdown/excerpt";
import { MARKDOWN_LIMITS, markdownLimitProblem } from "@/lib/markdown/limits";
import { editCommentSchema, postCommentSchema } from "@/lib/comments/schema";
import { reviewFormSchema } from "@/lib/reviews/schema";

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n");

/**
 * Shapes that made micromark slow (seconds on 20,000 characters) or
 * overflowed the stack before the limits, and a few more of the same kind.
 */
const PATHOLOGICAL: Record<string, string> = {
  "20,000 asterisks mid-line": `a${"*".repeat(19_998)}a`,
  "20,000 underscores mid-line": `a ${"_".repeat(19_997)}`,
  "20,000 tildes mid-line": `a ${"~".repeat(19_997)}`,
  "20,000 backticks": "`".repeat(20_000),
  "20,000 characters of open emphasis": "*a ".repeat(6_666),
  "20,000 characters of nested emphasis": `${"*a ".repeat(3_333)}b${" a*".repeat(3_333)}`,
  "20,000 characters of alternating * and _": `${"*_".repeat(9_999)}x`,
  "strong and emphasis, one paragraph": "**a *b ".repeat(2_800),
  "5,000 nested >": `${">".repeat(5_000)} x`,
  "5,000 nested > with spaces": `${"> ".repeat(5_000)}x`,
  "quotes deepening line by line": lines(1_500, (i) => `${">".repeat(Math.min(i + 1, 12))} x`),
  "5,000 nested list markers": `${"- ".repeat(5_000)}x`,
  "ordered list markers nested": `${"1. ".repeat(3_000)}x`,
  "lists nested by indentation": lines(900, (i) => `${" ".repeat(i * 2)}- x`),
  "quotes and lists interleaved": `${"> - ".repeat(2_500)}x`,
  "10,000 nested brackets": `${"[".repeat(10_000)}x${"]".repeat(10_000)}`,
  "20,000 open brackets": "[".repeat(20_000),
  "5,000 unfinished links": "[a](".repeat(5_000),
  "3,300 bare addresses": "www.a ".repeat(3_300),
  "a table of 1,900 rows": `|a|b|\n|-|-|\n${"|x|y|\n".repeat(1_900)}`,
  "10,000 lines": "a\n".repeat(10_000),
  "100,000 characters": "word ".repeat(20_000),
};

/** Within the limits and full of syntax: how a long, careful review looks. */
const LONG_REVIEW = Array.from(
  { length: 40 },
  (_, i) => `## Part ${i + 1}

Theodore writes *other people's* letters, and the film is **kind** to him: nobody is a villain.
[The score](https://example.com/score-${i}) does a lot of the work, and so does \`the earpiece\`.

> A quote from the script,
> > and a reply to it.

- one thing
  - a smaller thing
    1. and a detail
- ~~another~~ thing, with my_snake_case note

---
`,
).join("\n");

beforeAll(() => {
  renderMarkdown(LONG_REVIEW); // The first render loads and compiles the pipeline.
});

describe("pathological Markdown is rendered or refused within 50 ms", () => {
  // The fastest of three renders: a busy machine or a garbage collection can slow one render,
  // while an input that makes the renderer blow up is slow every time.
  it.each(Object.entries(PATHOLOGICAL))("%s", (_, source) => {
    let html = "";
    let elapsed = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      html = renderMarkdown(source);
      elapsed = Math.min(elapsed, performance.now() - started);
    }
    expect(elapsed).toBeLessThan(50);
    expect(html.length).toBeGreaterThan(0);
    expect(html).not.toMatch(/<(?!\/?(p|br)>)/);
  });

  it("refuses each of them before parsing, with a sentence", () => {
    for (const [name, source] of Object.entries(PATHOLOGICAL)) {
      expect(markdownLimitProblem(source), name).toMatch(/\.$/);
    }
  });
});

describe("the limits", () => {
  it("let a long review full of Markdown through, and render it as Markdown", () => {
    expect(markdownLimitProblem(LONG_REVIEW)).toBeNull();
    const html = renderMarkdown(LONG_REVIEW);
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<em>other people's</em>");
    expect(html).toContain("<del>another</del>");
  });

  it("name what to change", () => {
    expect(markdownLimitProblem(`${">".repeat(9)} deep`)).toBe("Quotes can be nested at most 8 deep (line 1).");
    expect(markdownLimitProblem(`${">".repeat(8)} deep enough`)).toBeNull();
    expect(markdownLimitProblem(`ok\n${"- ".repeat(11)}x`)).toBe("Lists can be nested at most 10 deep (line 2).");
    expect(markdownLimitProblem(`a ${"*".repeat(17)} b`)).toBe("Use at most 16 “*” in a row (line 1).");
    expect(markdownLimitProblem("x".padEnd(30, "`"))).toBe("Use at most 16 backticks in a row (line 1).");
    expect(markdownLimitProblem(`${"[".repeat(9)}x`)).toBe("Square brackets can be nested at most 8 deep (line 1).");
    expect(markdownLimitProblem("a\n".repeat(MARKDOWN_LIMITS.lines))).toBe("Use at most 2,000 lines; this has 2,001.");
    expect(markdownLimitProblem("*a* ".repeat(151))).toMatch(/^A paragraph can have at most 300 emphasis marks/);
    const dense = Array.from({ length: 11 }, () => "*a* ".repeat(100)).join("\n\n");
    expect(markdownLimitProblem(dense)).toBe("Use at most 2,000 emphasis marks (*, _ or ~) (line 21).");
  });

  it("count emphasis per paragraph, and not snake_case or a rule", () => {
    const paragraph = "*a* ".repeat(100);
    expect(markdownLimitProblem(Array.from({ length: 9 }, () => paragraph).join("\n\n"))).toBeNull();
    expect(markdownLimitProblem("snake_case_name ".repeat(400))).toBeNull();
    expect(markdownLimitProblem("before\n\n********************\n\nafter")).toBeNull();
    expect(markdownLimitProblem("before\n\n* * * * * * * * * * * * * * * * * *\n\nafter")).toBeNull();
  });

  it("skip the inside of a fenced code block at the top level, but not one inside a quote", () => {
    const code = `\`\`\`\n${"> ".repeat(50)}\n[[[[[[[[[[[[\n\`\`\`\n\nafter`;
    expect(markdownLimitProblem(code)).toBeNull();
    expect(markdownLimitProblem(`> \`\`\`\n${"> ".repeat(50)}`)).toMatch(/^Quotes/);
    // An unclosed fence runs to the end: the parser reads the rest as code too.
    expect(markdownLimitProblem(`\`\`\`\n${"[".repeat(50)}`)).toBeNull();
  });
});

describe("the forms refuse a body beyond the limits next to the field", () => {
  const review = {
    halfStars: "7",
    verdict: "Tender and strange.",
    body: `${">".repeat(20)} too deep`,
    intent: "publish",
  };

  it("on the review form", () => {
    const parsed = reviewFormSchema.safeParse(review);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([
      expect.objectContaining({ path: ["body"], message: "Quotes can be nested at most 8 deep (line 1)." }),
    ]);
  });

  it("on the comment forms", () => {
    const posted = postCommentSchema.safeParse({ reviewId: "1", body: `Look: ${"[".repeat(12)}` });
    expect(posted.error!.issues).toEqual([
      expect.objectContaining({ path: ["body"], message: "Square brackets can be nested at most 8 deep (line 1)." }),
    ]);
    const edited = editCommentSchema.safeParse({ commentId: "1", body: `${"- ".repeat(30)}x` });
    expect(edited.error!.issues[0]).toMatchObject({
      path: ["body"],
      message: "Lists can be nested at most 10 deep (line 1).",
    });
  });

  it("say only the length once when the body is too long", () => {
    const parsed = reviewFormSchema.safeParse({ ...review, body: "a".repeat(20_001) });
    expect(parsed.error!.issues.map((issue) => issue.message)).toEqual([
      "Keep the review to 20,000 characters; it has 20,001.",
    ]);
  });
});

describe("the fallback for Markdown that cannot be rendered", () => {
  it("shows the text escaped, as paragraphs", () => {
    const source = `${">".repeat(9)} <script>alert(1)</script> & "more"\n\nsecond *paragraph*`;
    expect(renderMarkdown(source)).toBe(
      '<p>>>>>>>>>> &#x3C;script>alert(1)&#x3C;/script> &#x26; "more"</p>\n<p>second *paragraph*</p>',
    );
  });

  it("is what plainParagraphs gives, with blank lines as paragraph breaks", () => {
    expect(plainParagraphs("one\ntwo\n\n\n three \n")).toBe("<p>one\ntwo</p>\n<p>three</p>");
  });
});

describe("htmlExcerpt", () => {
  it("takes the words of stored HTML without tags, entities or footnotes", () => {
    const html = renderMarkdown("# Title\n\nSome *emphasis* & a [link](https://x.example)[^1].\n\n[^1]: A note.");
    expect(htmlExcerpt(html)).toBe("Title Some emphasis & a link.");
  });

  it("drops a tag or entity cut off at the end", () => {
    expect(htmlExcerpt('<p>one &amp; two</p>\n<p>three <a href="x')).toBe("one & two three");
    expect(htmlExcerpt("<p>one &am")).toBe("one");
  });
});
