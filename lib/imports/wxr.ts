import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * A streaming reader for WordPress eXtended RSS (WXR), the file WordPress's
 * Tools → Export writes. It reads the file in chunks and hands back one post
 * at a time, so a large blog never sits in memory whole. Nothing here touches
 * the database. E-mail addresses and IP addresses in the file are never read.
 */

export interface WxrAuthor {
  /** wp:author_id, which comments by the author name in wp:comment_user_id. */
  id: string;
  login: string;
  displayName: string;
}

export interface WxrComment {
  id: string;
  /** "0" for a reply to the post. */
  parentId: string;
  authorName: string;
  /** The author's wp:author_id when a blog user wrote it, else "0". */
  userId: string;
  date: Date | null;
  content: string;
  /** "1" approved, "0" pending, "spam", "trash", "post-trashed". */
  approved: string;
  /** "" or "comment" for a comment; "pingback", "trackback". */
  type: string;
}

export interface WxrCategory {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  /** The line the <item> starts on, for messages. */
  line: number;
  postId: string;
  title: string;
  /** The post's HTML (content:encoded). */
  content: string;
  excerpt: string;
  /** The author's login (dc:creator). */
  creator: string;
  status: string;
  postType: string;
  date: Date | null;
  categories: WxrCategory[];
  comments: WxrComment[];
}

export interface WxrSite {
  title: string;
  /** wp:base_blog_url, else wp:base_site_url, else the channel's link: what qualifies the ids. */
  url: string;
}

export type WxrEvent =
  { kind: "author"; author: WxrAuthor } | { kind: "site"; site: WxrSite } | { kind: "item"; item: WxrItem };

/** A file that is not a well-formed WordPress export: where, and what was expected there. */
export class WxrError extends Error {
  constructor(
    readonly line: number,
    readonly expected: string,
  ) {
    super(`Line ${line}: ${expected}`);
    this.name = "WxrError";
  }
}

/** WordPress writes dates as "2014-01-13 10:00:00"; the _gmt fields are UTC, and "0000-00-00 …" means none. */
export function parseWxrDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match || match[1] === "0000") return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? null : date;
}

function emptyItem(line: number): WxrItem {
  return {
    line,
    postId: "",
    title: "",
    content: "",
    excerpt: "",
    creator: "",
    status: "",
    postType: "",
    date: null,
    categories: [],
    comments: [],
  };
}

function emptyComment(): WxrComment {
  return { id: "", parentId: "0", authorName: "", userId: "0", date: null, content: "", approved: "", type: "" };
}

/** A parser message as "what was expected here". `lastClosed` is the element the parser was closing. */
function explain(message: string, lastClosed: string): string {
  if (message.includes("unexpected close tag") && lastClosed) {
    return `expected </${lastClosed}> to close the <${lastClosed}> still open here.`;
  }
  const unclosed = /unclosed tag: (\S+)/.exec(message);
  if (unclosed) return `the file ended before </${unclosed[1]}>; expected the rest of the export.`;
  if (message.includes("undefined entity")) {
    return "expected an XML entity (&amp; &lt; &gt; &quot; &apos; or a numeric one); HTML entities such as &nbsp; belong inside CDATA.";
  }
  if (message.includes("text data outside of root node") || message.includes("only one root")) {
    return "expected nothing after </rss>.";
  }
  return `expected well-formed XML (${message.replace(/^\d+:\d+: /, "").replace(/\.$/, "")}).`;
}

/**
 * Reads a WXR file from `chunks` and yields the site, each author and each
 * item (post, page, attachment…) in file order. Throws a WxrError naming the
 * line when the file is not well-formed XML or not a WordPress export.
 */
export async function* readWxr(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const decoder = new TextDecoder("utf-8");
  const open: string[] = [];
  const queue: WxrEvent[] = [];
  let text = "";
  let lastClosed = "";
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let author: Partial<WxrAuthor> | null = null;
  let category: Omit<WxrCategory, "name"> | null = null;
  let sawChannel = false;
  let siteSent = false;
  const site: WxrSite & { baseSite: string; baseBlog: string; link: string } = {
    title: "",
    url: "",
    baseSite: "",
    baseBlog: "",
    link: "",
  };
  let isExport = false;

  const flushSite = () => {
    if (siteSent) return;
    siteSent = true;
    site.url = (site.baseBlog || site.baseSite || site.link || "unknown-site").replace(/\/+$/, "");
    queue.push({ kind: "site", site: { title: site.title, url: site.url } });
  };

  parser.on("opentag", (tag: SaxesTagPlain) => {
    const parent = open[open.length - 1];
    if (open.length === 0 && tag.name !== "rss") {
      throw new WxrError(parser.line, `expected <rss> (a WordPress export) to start the file, found <${tag.name}>.`);
    }
    if (parent === "rss" && tag.name === "channel") sawChannel = true;
    if (parent === "channel" && tag.name === "item") {
      flushSite();
      item = emptyItem(parser.line);
    } else if (parent === "channel" && tag.name === "wp:author") {
      author = {};
    } else if (parent === "item" && tag.name === "wp:comment") {
      comment = emptyComment();
    } else if (parent === "item" && tag.name === "category") {
      category = { domain: String(tag.attributes.domain ?? ""), nicename: String(tag.attributes.nicename ?? "") };
    }
    open.push(tag.name);
    text = "";
  });
  parser.on("text", (chunk) => {
    text += chunk;
  });
  parser.on("cdata", (chunk) => {
    text += chunk;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    open.pop();
    lastClosed = tag.name;
    const parent = open[open.length - 1];
    const value = text;
    text = "";
    if (parent === "channel") {
      if (tag.name === "title") site.title = value.trim();
      else if (tag.name === "link") site.link = value.trim();
      else if (tag.name === "wp:base_site_url") site.baseSite = value.trim();
      else if (tag.name === "wp:base_blog_url") site.baseBlog = value.trim();
      else if (tag.name === "wp:wxr_version") isExport = true;
      else if (tag.name === "wp:author" && author) {
        if (!author.login) throw new WxrError(parser.line, "expected <wp:author_login> in this <wp:author>.");
        const done: WxrAuthor = {
          id: author.id ?? "",
          login: author.login,
          displayName: author.displayName || author.login,
        };
        queue.push({ kind: "author", author: done });
        author = null;
      } else if (tag.name === "item" && item) {
        const finished: WxrItem = item;
        if (!/^\d+$/.test(finished.postId)) {
          throw new WxrError(
            parser.line,
            `expected a numeric <wp:post_id> in the <item> that starts on line ${finished.line}.`,
          );
        }
        queue.push({ kind: "item", item: finished });
        item = null;
      }
    } else if (parent === "wp:author" && author) {
      if (tag.name === "wp:author_id") author.id = value.trim();
      else if (tag.name === "wp:author_login") author.login = value.trim();
      else if (tag.name === "wp:author_display_name") author.displayName = value.trim();
    } else if (parent === "item" && item) {
      switch (tag.name) {
        case "title":
          item.title = value.trim();
          break;
        case "content:encoded":
          item.content = value;
          break;
        case "excerpt:encoded":
          item.excerpt = value;
          break;
        case "dc:creator":
          item.creator = value.trim();
          break;
        case "wp:post_id":
          item.postId = value.trim();
          break;
        case "wp:status":
          item.status = value.trim();
          break;
        case "wp:post_type":
          item.postType = value.trim();
          break;
        case "wp:post_date_gmt":
          item.date = parseWxrDate(value) ?? item.date;
          break;
        case "wp:post_date":
          item.date ??= parseWxrDate(value);
          break;
        case "category":
          if (category) item.categories.push({ ...category, name: value.trim() });
          category = null;
          break;
        case "wp:comment":
          if (comment) {
            if (!/^\d+$/.test(comment.id)) {
              throw new WxrError(parser.line, "expected a numeric <wp:comment_id> in this <wp:comment>.");
            }
            item.comments.push(comment);
          }
          comment = null;
          break;
      }
    } else if (parent === "wp:comment" && comment) {
      switch (tag.name) {
        case "wp:comment_id":
          comment.id = value.trim();
          break;
        case "wp:comment_parent":
          comment.parentId = value.trim() || "0";
          break;
        case "wp:comment_author":
          comment.authorName = value.trim();
          break;
        case "wp:comment_user_id":
          comment.userId = value.trim() || "0";
          break;
        case "wp:comment_date_gmt":
          comment.date = parseWxrDate(value) ?? comment.date;
          break;
        case "wp:comment_date":
          comment.date ??= parseWxrDate(value);
          break;
        case "wp:comment_content":
          comment.content = value;
          break;
        case "wp:comment_approved":
          comment.approved = value.trim();
          break;
        case "wp:comment_type":
          comment.type = value.trim();
          break;
      }
    }
  });

  const feed = (chunk: string | null) => {
    try {
      if (chunk === null) parser.close();
      else parser.write(chunk);
    } catch (error) {
      if (error instanceof WxrError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new WxrError(parser.line, explain(message, lastClosed));
    }
  };

  for await (const chunk of chunks) {
    feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    while (queue.length > 0) yield queue.shift()!;
  }
  const rest = decoder.decode();
  if (rest) feed(rest);
  feed(null);
  if (!sawChannel)
    throw new WxrError(parser.line, "expected a <channel> inside <rss>: this is not a WordPress export.");
  if (!isExport) {
    throw new WxrError(
      parser.line,
      "expected <wp:wxr_version> in the <channel>: this RSS feed is not a WordPress export.",
    );
  }
  flushSite();
  while (queue.length > 0) yield queue.shift()!;
}
