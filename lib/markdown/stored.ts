import "server-only";
import { and, asc, count, gt, isNull, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { comments, reviews } from "@/db/schema";
import { logger } from "@/lib/log";
import { MARKDOWN_RENDERER_VERSION, renderMarkdown } from "./index";

/** The tables whose rows keep Markdown in `body` and its HTML in `body_html`. */
export type MarkdownTable = "reviews" | "comments";

const TABLES = { reviews, comments } as const;

/** What a read selects to show a body: its source and what is stored of its HTML. */
export interface StoredBody {
  id: number;
  body: string;
  bodyHtml: string | null;
  bodyHtmlVersion: number | null;
}

/** Whether a row's stored HTML can be shown as it is. */
export function isCurrent(
  row: Pick<StoredBody, "bodyHtml" | "bodyHtmlVersion">,
): row is { bodyHtml: string; bodyHtmlVersion: number } {
  return row.bodyHtml !== null && row.bodyHtmlVersion === MARKDOWN_RENDERER_VERSION;
}

/**
 * Stores freshly rendered HTML for `rendered` rows in one statement. A row
 * whose body changed since it was read (an edit racing this read) keeps the
 * HTML its own write stored: the update matches on the body it rendered.
 */
export async function storeRendered(
  db: Database,
  table: MarkdownTable,
  rendered: { id: number; body: string; html: string }[],
): Promise<void> {
  if (rendered.length === 0) return;
  const target = TABLES[table];
  const values = sql.join(
    rendered.map((row) => sql`(${row.id}::integer, ${row.body}::text, ${row.html}::text)`),
    sql`, `,
  );
  await db.execute(sql`update ${target}
    set body_html = fresh.html, body_html_version = ${MARKDOWN_RENDERER_VERSION}
    from (values ${values}) as fresh (id, body, html)
    where ${target.id} = fresh.id and ${target.body} = fresh.body`);
}

/**
 * The HTML of each row, by id: the stored HTML when it is of the current
 * renderer, else rendered now and stored (one batched update for all such
 * rows, so a page's reads stay a fixed number of queries). Rows written by
 * another path (an import, a restore, a hand fix in SQL) render once, on
 * their first read. A failed store is logged, not thrown: the reader still
 * gets the page, and the next read tries again.
 */
export async function htmlOfRows(
  db: Database,
  table: MarkdownTable,
  rows: readonly StoredBody[],
): Promise<Map<number, string>> {
  const html = new Map<number, string>();
  const rendered: { id: number; body: string; html: string }[] = [];
  for (const row of rows) {
    if (isCurrent(row)) {
      html.set(row.id, row.bodyHtml);
      continue;
    }
    const fresh = renderMarkdown(row.body);
    html.set(row.id, fresh);
    rendered.push({ id: row.id, body: row.body, html: fresh });
  }
  try {
    await storeRendered(db, table, rendered);
  } catch (error) {
    logger.error(
      { event: "markdown.store_failed", table, rows: rendered.length, err: error },
      "Could not store rendered Markdown",
    );
  }
  return html;
}

/**
 * Renders again, in batches of `batchSize` rows in id order, every row of
 * `table` whose HTML is missing or of an older renderer, and stores it; one
 * read and one write per batch. Reports progress after each batch. Safe to
 * run while the site serves: a row edited meanwhile keeps its own HTML.
 */
export async function rerenderStale(
  db: Database,
  table: MarkdownTable,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const target = TABLES[table];
  const batchSize = options.batchSize ?? 200;
  const stale = or(
    isNull(target.bodyHtml),
    isNull(target.bodyHtmlVersion),
    ne(target.bodyHtmlVersion, MARKDOWN_RENDERER_VERSION),
  );
  const [counted] = await db.select({ n: count() }).from(target).where(stale);
  const total = counted?.n ?? 0;
  let done = 0;
  let after = 0;
  options.onProgress?.(done, total);
  for (;;) {
    const batch = await db
      .select({ id: target.id, body: target.body })
      .from(target)
      .where(and(stale, gt(target.id, after)))
      .orderBy(asc(target.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    await storeRendered(
      db,
      table,
      batch.map((row) => ({ id: row.id, body: row.body, html: renderMarkdown(row.body) })),
    );
    done += batch.length;
    after = batch[batch.length - 1]!.id;
    options.onProgress?.(Math.min(done, total), total);
  }
  return done;
}
