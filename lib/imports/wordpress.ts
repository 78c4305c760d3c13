import "server-only";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { comments, films, importItems, ratings, reviews, users } from "@/db/schema";
import { freeHandle } from "@/lib/auth/adapter";
import { suggestHandle } from "@/lib/auth/handle";
import { tags, type Tag } from "@/lib/cache/tags";
import { placeReply } from "@/lib/comments/tree";
import { renderStored } from "@/lib/markdown";
import type { DatabaseOrTransaction } from "@/lib/moderation/log";
import { fail, ok, type Result } from "@/lib/result";
import { slugify, uniqueSlug } from "@/db/slug";
import { emptySummary, type WordPressImportSummary } from "./schema";
import { convertComment, convertPost, firstSentence, plainTitle, type ConvertedPost } from "./wordpress-content";
import { readWxr, WxrError, type WxrAuthor, type WxrComment, type WxrItem } from "./wxr";

/**
 * The WordPress import: a WordPress export (WXR) into reviews, their films,
 * their authors (members without a sign-in account) and their approved
 * comment threads. The command line and the admin page both call
 * importWordPress. Every post and its comments are saved in one
 * transaction; what was imported is recorded in import_items, so running the
 * same export again adds nothing (and a later export adds only what is new).
 */

export const WORDPRESS_SOURCE = "wordpress";
/** The provider value that signs imported comments (shown as "via WordPress import"). */
export const WORDPRESS_PROVIDER = "wordpress";

/** Opens the export afresh each time it is called: the import reads it twice (check, then import). */
export type WxrSource = () => AsyncIterable<string | Uint8Array>;

export interface WordPressImportOptions {
  /** Only posts in this category (its name or its slug). */
  category?: string;
  /** Called after each post: posts done, posts to do. */
  onProgress?: (done: number, total: number) => void;
}

export interface WordPressImportResult {
  summary: WordPressImportSummary;
  changed: Tag[];
}

const sameCategory = (item: WxrItem, category: string) => {
  const wanted = category.trim().toLowerCase();
  return item.categories.some(
    (c) => c.domain === "category" && (c.name.toLowerCase() === wanted || c.nicename.toLowerCase() === wanted),
  );
};

function isWanted(item: WxrItem, options: WordPressImportOptions): boolean {
  if (item.postType !== "post" || item.status !== "publish") return false;
  return options.category ? sameCategory(item, options.category) : true;
}

/** "Her (2013)" → Her, 2013. Else a year from the post's tags or categories, else "(2013)" in its text. */
export function filmFromPost(
  title: string,
  item: Pick<WxrItem, "categories">,
  text: string,
): { title: string; year: number | null } {
  const plausible = (year: number) => (year >= 1870 && year <= 2100 ? year : null);
  const titled = /^(.*\S)\s*\((\d{4})\)\s*$/.exec(title);
  if (titled) return { title: titled[1]!.trim(), year: plausible(Number(titled[2])) };
  const tagged = item.categories.find((c) => /^\d{4}$/.test(c.name.trim()));
  if (tagged) return { title, year: plausible(Number(tagged.name.trim())) };
  const inText = /\((\d{4})\)/.exec(text);
  return { title, year: inText ? plausible(Number(inText[1])) : null };
}

type Tx = DatabaseOrTransaction;

async function mappedIds(tx: Tx, kind: string, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx
    .select({ externalId: importItems.externalId, localId: importItems.localId })
    .from(importItems)
    .where(
      and(
        eq(importItems.source, WORDPRESS_SOURCE),
        eq(importItems.kind, kind),
        inArray(importItems.externalId, externalIds),
      ),
    );
  return new Map(rows.map((row) => [row.externalId, row.localId]));
}

async function remember(tx: Tx, kind: string, externalId: string, localId: string): Promise<void> {
  await tx
    .insert(importItems)
    .values({ source: WORDPRESS_SOURCE, externalId, kind, localId })
    .onConflictDoUpdate({
      target: [importItems.source, importItems.externalId, importItems.kind],
      set: { localId: sql`excluded.local_id` },
    });
}

interface Run {
  site: string;
  authors: Map<string, WxrAuthor>;
  summary: WordPressImportSummary;
  changed: Set<Tag>;
}

/** The member an export's author became, created (without any sign-in account) on first sight. */
async function memberFor(tx: Tx, run: Run, login: string): Promise<string> {
  const externalId = `${run.site}#author:${login}`;
  const known = (await mappedIds(tx, "member", [externalId])).get(externalId);
  if (known) {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, known)).limit(1);
    if (exists) return exists.id;
  }
  const author = run.authors.get(login);
  const name = author?.displayName || login || "WordPress author";
  const handle = await freeHandle(tx, suggestHandle(login || name).slice(0, 26));
  const [row] = await tx
    .insert(users)
    .values({ handle, name, importedFrom: WORDPRESS_SOURCE })
    .returning({ id: users.id });
  await remember(tx, "member", externalId, row!.id);
  run.summary.membersCreated++;
  run.changed.add(tags.members);
  return row!.id;
}

async function filmFor(tx: Tx, run: Run, wanted: { title: string; year: number | null }): Promise<number> {
  const sameTitle = sql`lower(${films.title}) = lower(${wanted.title})`;
  const [match] = await tx
    .select({ id: films.id })
    .from(films)
    .where(wanted.year ? and(sameTitle, eq(films.year, wanted.year)) : sameTitle)
    .orderBy(sql`${films.ratingCount} desc`, sql`${films.year} desc nulls last`, films.id)
    .limit(1);
  if (match) {
    run.summary.filmsMatched++;
    return match.id;
  }
  const base = slugify(wanted.title);
  const taken = new Set(
    (
      await tx
        .select({ slug: films.slug })
        .from(films)
        .where(like(films.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  const [created] = await tx
    .insert(films)
    .values({ slug: uniqueSlug(base, wanted.year, taken), title: wanted.title, year: wanted.year })
    .returning({ id: films.id });
  run.summary.filmsCreated++;
  run.changed.add(tags.catalogue);
  return created!.id;
}

type Stored = { markdown: string } & ReturnType<typeof renderStored>;

/** A post with its text converted and rendered, done before its transaction opens: rendering takes a while. */
interface Prepared {
  title: string;
  film: { title: string; year: number | null };
  /** From the rating line, else the excerpt's or the post's first sentence. */
  verdict: string;
  post: ConvertedPost;
  body: Stored;
  /** Approved comments' bodies by WordPress comment id; an empty one is skipped. */
  comments: Map<string, Stored>;
}

const stored = (markdown: string): Stored => ({ markdown, ...renderStored(markdown) });

async function prepare(item: WxrItem): Promise<Prepared> {
  const post = await convertPost(item.content);
  const title = plainTitle(item.title) || `Post ${item.postId}`;
  const film = filmFromPost(title, item, post.plainText);
  const verdict =
    post.rating?.verdict || firstSentence(item.excerpt ? plainTitle(item.excerpt) : post.plainText) || film.title;
  const bodies = new Map<string, Stored>();
  for (const c of item.comments) {
    if (skipReason(c) === null) bodies.set(c.id, stored(await convertComment(c.content)));
  }
  return { title, film, verdict, post, body: stored(post.markdown || verdict), comments: bodies };
}

/** Creates the post's review (and the author's rating), or finds the one an earlier run made (null: none to add comments to). */
async function reviewFor(tx: Tx, run: Run, item: WxrItem, prepared: Prepared): Promise<number | null> {
  const externalId = `${run.site}#post:${item.postId}`;
  const known = (await mappedIds(tx, "review", [externalId])).get(externalId);
  if (known) {
    const [exists] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(eq(reviews.id, Number(known)))
      .limit(1);
    run.summary.postsAlreadyImported++;
    if (exists) return exists.id;
    // Deleted here since the earlier run: an import does not bring it back.
    run.summary.notes.push(`“${prepared.title}” was imported before and its review has since been deleted; left out.`);
    return null;
  }
  const { title, post, film, verdict } = prepared;
  const authorId = await memberFor(tx, run, item.creator);
  const filmId = await filmFor(tx, run, film);
  const date = item.date ?? new Date();
  const published = post.rating !== null;
  if (post.rating) {
    await tx
      .insert(ratings)
      .values({ userId: authorId, filmId, halfStars: post.rating.halfStars, ratedAt: date })
      .onConflictDoNothing();
  }
  const [row] = await tx
    .insert(reviews)
    .values({
      filmId,
      authorId,
      body: prepared.body.markdown,
      bodyHtml: prepared.body.bodyHtml,
      bodyHtmlVersion: prepared.body.bodyHtmlVersion,
      verdict,
      status: published ? "published" : "draft",
      createdAt: date,
      publishedAt: published ? date : null,
    })
    .onConflictDoNothing()
    .returning({ id: reviews.id });
  if (!row) {
    run.summary.notes.push(
      `“${title}” was not imported: its author already has a review of ${film.title}${film.year ? ` (${film.year})` : ""}.`,
    );
    return null;
  }
  await remember(tx, "review", externalId, String(row.id));
  run.summary.postsImported++;
  if (!published) run.summary.draftsWithoutRating.push(title);
  for (const tag of [tags.review(row.id), tags.film(filmId), tags.member(authorId), tags.reviews]) run.changed.add(tag);
  return row.id;
}

function skipReason(comment: WxrComment): keyof WordPressImportSummary["commentsSkipped"] | null {
  if (comment.type === "pingback" || comment.type === "trackback") return "pingbacks";
  if (comment.approved === "1") return null;
  if (comment.approved === "spam") return "spam";
  if (comment.approved === "trash" || comment.approved === "post-trashed") return "trash";
  return "pending";
}

interface Placed {
  id: number;
  parentId: number | null;
  depth: number;
  threadRootId: number | null;
}

/**
 * Adds the post's approved comments not imported before, parents first, each
 * under its nearest approved ancestor and at most five levels deep (deeper
 * replies sit beside their parent at the deepest level, as on the site).
 */
async function importComments(tx: Tx, run: Run, item: WxrItem, prepared: Prepared, reviewId: number): Promise<void> {
  const byId = new Map(item.comments.map((c) => [c.id, c]));
  const approved = item.comments.filter((c) => {
    const reason = skipReason(c);
    if (reason) run.summary.commentsSkipped[reason]++;
    return reason === null;
  });
  if (approved.length === 0) return;
  const externalOf = (c: WxrComment) => `${run.site}#comment:${c.id}`;
  const known = await mappedIds(tx, "comment", approved.map(externalOf));
  const placed = new Map<string, Placed>();
  const knownIds = [...known.values()].map(Number);
  if (knownIds.length > 0) {
    const rows = await tx
      .select({
        id: comments.id,
        parentId: comments.parentId,
        depth: comments.depth,
        threadRootId: comments.threadRootId,
      })
      .from(comments)
      .where(inArray(comments.id, knownIds));
    const rowById = new Map(rows.map((row) => [row.id, row]));
    for (const c of approved) {
      const row = rowById.get(Number(known.get(externalOf(c))));
      if (row) placed.set(c.id, row);
    }
  }
  const members = new Map<string, string>();
  for (const author of run.authors.values()) if (author.id) members.set(author.id, author.login);

  const approvedIds = new Set(approved.map((c) => c.id));
  /** The nearest ancestor that is imported too (a reply to a spam comment joins the one above it). */
  const parentOf = (c: WxrComment): WxrComment | null => {
    const seen = new Set<string>([c.id]);
    let parent = byId.get(c.parentId);
    while (parent && !approvedIds.has(parent.id)) {
      if (seen.has(parent.id)) return null;
      seen.add(parent.id);
      parent = byId.get(parent.parentId);
    }
    return parent && !seen.has(parent.id) ? parent : null;
  };

  const ordered = [...approved].sort(
    (a, b) => (a.date?.getTime() ?? 0) - (b.date?.getTime() ?? 0) || Number(a.id) - Number(b.id),
  );
  const visiting = new Set<string>();
  const place = async (c: WxrComment): Promise<Placed | null> => {
    const done = placed.get(c.id);
    if (done) return done;
    if (visiting.has(c.id)) return null;
    visiting.add(c.id);
    const parentComment = parentOf(c);
    const parent = parentComment ? await place(parentComment) : null;
    const body = prepared.comments.get(c.id);
    if (!body?.markdown) {
      run.summary.notes.push(
        `A comment by ${c.authorName || "a reader"} on “${prepared.title}” was empty and was skipped.`,
      );
      return null;
    }
    const position = parent ? placeReply(parent) : { parentId: null, depth: 0, threadRootId: null, answeredId: null };
    const login = c.userId !== "0" ? members.get(c.userId) : undefined;
    const authorId = login ? await memberFor(tx, run, login) : null;
    const [row] = await tx
      .insert(comments)
      .values({
        reviewId,
        authorId,
        authorName: authorId ? null : c.authorName || "Anonymous",
        parentId: position.parentId,
        threadRootId: position.threadRootId,
        depth: position.depth,
        answeredId: position.answeredId,
        body: body.markdown,
        bodyHtml: body.bodyHtml,
        bodyHtmlVersion: body.bodyHtmlVersion,
        signedWithProvider: WORDPRESS_PROVIDER,
        signedWithAccountId: c.id,
        createdAt: c.date ?? item.date ?? new Date(),
      })
      .returning({ id: comments.id });
    const id = row!.id;
    if (position.threadRootId === null) await tx.update(comments).set({ threadRootId: id }).where(eq(comments.id, id));
    const result: Placed = { id, ...position, threadRootId: position.threadRootId ?? id };
    placed.set(c.id, result);
    await remember(tx, "comment", externalOf(c), String(id));
    run.summary.commentsImported++;
    run.changed.add(tags.review(reviewId));
    return result;
  };
  for (const c of ordered) {
    if (placed.has(c.id)) run.summary.commentsAlreadyImported++;
  }
  for (const c of ordered) await place(c);
}

/**
 * True when an earlier run imported the post and every approved comment on
 * it: it is counted and left alone without converting anything, so a second
 * run of a large export is quick. (The review may since have been deleted by
 * its author; it is not brought back.)
 */
async function nothingNew(db: Database, run: Run, item: WxrItem): Promise<boolean> {
  const post = `${run.site}#post:${item.postId}`;
  if (!(await mappedIds(db, "review", [post])).has(post)) return false;
  const approved = item.comments.filter((c) => skipReason(c) === null);
  const known = await mappedIds(
    db,
    "comment",
    approved.map((c) => `${run.site}#comment:${c.id}`),
  );
  if (known.size < approved.length) return false;
  run.summary.postsAlreadyImported++;
  run.summary.commentsAlreadyImported += approved.length;
  for (const c of item.comments) {
    const reason = skipReason(c);
    if (reason) run.summary.commentsSkipped[reason]++;
  }
  return true;
}

/** Reads the whole export once without saving anything: a malformed file stops here, before any post is saved. */
async function check(source: WxrSource, options: WordPressImportOptions): Promise<number> {
  let total = 0;
  for await (const event of readWxr(source())) {
    if (event.kind === "item" && isWanted(event.item, options)) total++;
  }
  return total;
}

/**
 * Imports the WordPress export `source` into `db`. A file that is not a
 * well-formed export fails ("invalid", with the line and what was expected)
 * before anything is saved; otherwise each post is saved with its comments in
 * one transaction, and the summary says what was imported and skipped.
 */
export async function importWordPress(
  db: Database,
  source: WxrSource,
  options: WordPressImportOptions = {},
): Promise<Result<WordPressImportResult>> {
  let total: number;
  try {
    total = await check(source, options);
  } catch (error) {
    if (error instanceof WxrError)
      return fail("invalid", `This is not a WordPress export we can read. ${error.message}`);
    throw error;
  }
  const run: Run = { site: "", authors: new Map(), summary: emptySummary(), changed: new Set() };
  let done = 0;
  options.onProgress?.(0, total);
  for await (const event of readWxr(source())) {
    if (event.kind === "site") run.site = event.site.url;
    else if (event.kind === "author") run.authors.set(event.author.login, event.author);
    else if (!isWanted(event.item, options)) run.summary.postsSkipped++;
    else {
      const item = event.item;
      if (await nothingNew(db, run, item)) {
        options.onProgress?.(++done, total);
        continue;
      }
      const prepared = await prepare(item);
      await db.transaction(async (tx) => {
        const reviewId = await reviewFor(tx, run, item, prepared);
        if (reviewId !== null) await importComments(tx, run, item, prepared, reviewId);
      });
      options.onProgress?.(++done, total);
    }
  }
  if (options.category && total === 0) {
    run.summary.notes.push(`No published post is in the category “${options.category}”.`);
  }
  return ok({ summary: run.summary, changed: [...run.changed] });
}
