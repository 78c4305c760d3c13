import { describe, expect, it } from "vitest";
import { markdownExcerpt, renderMarkdown } from "@/lib/markdown";

/** Markdown and HTML that try to run script, load remote content or restyle the page. */
const PAYLOADS: string[] = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "Text <script\n>alert(1)</script\n> after",
  "<img src=x onerror=alert(1)>",
  "<IMG SRC=\"javascript:alert('XSS');\">",
  '<img src="https://evil.example/pixel.gif">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  "<style>body { display: none }</style>",
  '<div style="background:url(javascript:alert(1))">styled</div>',
  '<a href="javascript:alert(1)">html link</a>',
  '<a href="#" onclick="alert(1)">click</a>',
  '<p onmouseover="alert(1)">hover</p>',
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  '<form action="javascript:alert(1)"><button>go</button></form>',
  "<input autofocus onfocus=alert(1)>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  "[markdown link](javascript:alert(1))",
  "[mixed case](JaVaScRiPt:alert(1))",
  "[vbscript](vbscript:msgbox(1))",
  "[data uri](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[entity](&#106;avascript:alert(1))",
  "[hex entity](&#x6A;avascript&#x3A;alert(1))",
  "[named colon](javascript&colon;alert(1))",
  "[tab in scheme](java\tscript:alert(1))",
  "[newline in scheme](<java\nscript:alert(1)>)",
  "[leading space]( javascript:alert(1))",
  "[angle brackets](<javascript:alert(1)>)",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "<data:text/html,<script>alert(1)</script>>",
  "[reference link][evil]\n\n[evil]: javascript:alert(1)",
  "[reference data][d]\n\n[d]: data:text/html,<script>alert(1)</script>",
  "![image](javascript:alert(1))",
  "![tracking pixel](https://evil.example/pixel.gif)",
  "![ref image][pic]\n\n[pic]: https://evil.example/pixel.gif",
  '[link "title" onmouseover=alert(1)](https://example.com "x\\" onmouseover=\\"alert(1)")',
  "**<b onmouseover=alert(1)>bold</b>**",
  "> <script>alert('in a quote')</script>",
  "- item <img src=x onerror=alert(1)>\n- [link](javascript:alert(1))",
  "```html\n<script>alert(1)</script>\n```",
  "`<script>alert(1)</script>`",
  "| a | b |\n| - | - |\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
  "<!-- <script>alert(1)</script> -->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  '<a href="jav&#x09;ascript:alert(1)">tab entity</a>',
  '[footnote clobber][^location]\n\n[^location]: <a name="location" id="location">x</a>',
  '<a id="cookie" name="cookie">clobber</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<textarea><script>alert(1)</script></textarea>",
  "<xmp><script>alert(1)</script></xmp>",
];

const FORBIDDEN_TAG =
  /<\s*\/?\s*(script|iframe|svg|style|img|object|embed|form|input|math|meta|base|link|textarea|xmp|noscript|body|frame|frameset)\b/i;

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&amp;/g, "&");
}

function attributes(html: string): { name: string; value: string }[] {
  const found: { name: string; value: string }[] = [];
  for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) {
    for (const match of tag.matchAll(/\s([^\s=>"'/]+)(?:=("([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      found.push({ name: match[1]!.toLowerCase(), value: decodeEntities(match[3] ?? match[4] ?? match[5] ?? "") });
    }
  }
  return found;
}

describe("renderMarkdown refuses script, remote content and styling", () => {
  it("has at least forty payloads to try", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(PAYLOADS)("neutralises %j", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(FORBIDDEN_TAG);
    for (const { name, value } of attributes(html)) {
      expect(name, html).not.toMatch(/^on/);
      expect(name, html).not.toBe("style");
      expect(name, html).not.toBe("src");
      expect(name, html).not.toBe("srcdoc");
      const scheme = value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
      expect(scheme, html).not.toMatch(/^(javascript|vbscript|data):/);
      if (name === "id" || name === "name") expect(value, html).toMatch(/^user-content-/);
    }
  });
});

describe("renderMarkdown renders the Markdown members use", () => {
  it("renders emphasis and strong text", () => {
    expect(renderMarkdown("*quiet* and **loud**")).toBe("<p><em>quiet</em> and <strong>loud</strong></p>");
  });

  it("gives links rel nofollow ugc noopener and no target", () => {
    const html = renderMarkdown("Read [the interview](https://example.com/jonze).");
    expect(html).toContain('<a href="https://example.com/jonze" rel="nofollow ugc noopener">the interview</a>');
    expect(html).not.toContain("target=");
  });

  it("turns bare URLs into links with the same rel", () => {
    expect(renderMarkdown("See https://example.com today")).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener">https://example.com</a>',
    );
  });

  it("renders lists, code and blockquotes", () => {
    const html = renderMarkdown("- one\n- two\n\n1. first\n\n> quoted\n\n`inline`\n\n```\nblock\n```");
    expect(html).toContain("<ul>\n<li>one</li>\n<li>two</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>first</li>\n</ol>");
    expect(html).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(html).toContain("<code>inline</code>");
    expect(html).toContain("<pre><code>block\n</code></pre>");
  });

  it("shows an image as a link to it, never as an image", () => {
    expect(renderMarkdown("![The poster](https://example.com/her.jpg)")).toBe(
      '<p><a href="https://example.com/her.jpg" rel="nofollow ugc noopener">The poster</a></p>',
    );
  });

  it("moves headings one level down and keeps footnote links working", () => {
    const html = renderMarkdown("# Heading\n\nA claim[^1].\n\n[^1]: The source.");
    expect(html).toContain("<h2>Heading</h2>");
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).not.toContain("user-content-user-content");
  });

  it("shows raw HTML's text but not its tags", () => {
    expect(renderMarkdown("a <b>bold</b> claim")).toBe("<p>a bold claim</p>");
  });
});

describe("markdownExcerpt", () => {
  it("keeps the words and drops the syntax", () => {
    expect(markdownExcerpt("# Title\n\nSome *emphasis* and a [link](https://x.example).")).toBe(
      "Title Some emphasis and a link.",
    );
  });

  it("cuts at a word boundary with an ellipsis", () => {
    const excerpt = markdownExcerpt("one two three four five six seven eight nine ten", 20);
    expect(excerpt.length).toBeLessThanOrEqual(20);
    expect(excerpt).toBe("one two three four…");
  });

  it("leaves out raw HTML", () => {
    expect(markdownExcerpt("before <script>alert(1)</script> after")).toBe("before alert(1) after");
  });
});

describe("links members write", () => {
  it("keep an upper-case scheme's link, and every link gets the same rel", () => {
    const html = renderMarkdown("[loud](HTTP://example.com/x) and [home](/films/her)");
    expect(html).toContain('<a href="http://example.com/x" rel="nofollow ugc noopener">loud</a>');
    expect(html).toContain('<a href="/films/her" rel="nofollow ugc noopener">home</a>');
    expect(renderMarkdown("[x](JAVASCRIPT:alert(1))")).not.toMatch(/href=/i);
  });
});
