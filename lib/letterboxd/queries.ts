import "server-only";
import { and, desc, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { films, letterboxdImports } from "@/db/schema";
import type { FilmRef, ImportPreview, ImportSummary } from "./schema";

/** A member's saved imports, newest first, for the import page. */
export async function listConfirmedImports(
  userId: string,
): Promise<{ id: string; files: string[]; confirmedAt: Date; summary: ImportSummary | null }[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: letterboxdImports.id,
      files: letterboxdImports.files,
      confirmedAt: letterboxdImports.confirmedAt,
      summary: letterboxdImports.summary,
    })
    .from(letterboxdImports)
    .where(and(eq(letterboxdImports.userId, userId), isNotNull(letterboxdImports.confirmedAt)))
    .orderBy(desc(letterboxdImports.confirmedAt))
    .limit(20);
  return rows.map((row) => ({
    ...row,
    confirmedAt: row.confirmedAt!,
    summary: (row.summary as ImportSummary | null) ?? null,
  }));
}

/**
 * Films whose titles hold every word typed (the last one as a prefix), for
 * the import's film picker: "blade ru" finds "Blade Runner". At most 10.
 */
export async function searchFilmsForPicker(text: string): Promise<FilmRef[]> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  if (words.length === 0) return [];
  const query = sql`to_tsquery('simple', ${words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(" & ")})`;
  const db = await getDb();
  return db
    .select({ id: films.id, slug: films.slug, title: films.title, year: films.year })
    .from(films)
    .where(sql`${films.search} @@ ${query}`)
    .orderBy(sql`ts_rank(${films.search}, ${query}) desc`, sql`char_length(${films.title})`, films.title, films.year)
    .limit(10);
}

/** `userId`'s preview `importId`, or null when it is not theirs or is gone. */
export async function getLetterboxdImport(
  userId: string,
  importId: string,
): Promise<{
  id: string;
  preview: ImportPreview;
  summary: ImportSummary | null;
  confirmedAt: Date | null;
  expiresAt: Date;
} | null> {
  if (!/^[0-9a-f-]{36}$/i.test(importId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: letterboxdImports.id,
      preview: letterboxdImports.preview,
      summary: letterboxdImports.summary,
      confirmedAt: letterboxdImports.confirmedAt,
      expiresAt: letterboxdImports.expiresAt,
    })
    .from(letterboxdImports)
    .where(
      and(
        eq(letterboxdImports.id, importId),
        eq(letterboxdImports.userId, userId),
        or(gt(letterboxdImports.expiresAt, new Date()), sql`${letterboxdImports.confirmedAt} is not null`),
      ),
    );
  if (!row) return null;
  return { ...row, preview: row.preview as ImportPreview, summary: (row.summary as ImportSummary | null) ?? null };
}
