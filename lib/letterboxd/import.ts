import "server-only";
import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { diaryEntries, films, letterboxdImports, ratings, reviews, watchlistItems } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { consumeHourlyAllowance } from "@/lib/rate-limit";
import { fail, invalidField, ok, type Result } from "@/lib/result";
import { BODY_MAX } from "@/lib/reviews/schema";
import {
  LetterboxdFileError,
  normalizeTitle,
  parseLetterboxdExport,
  type LetterboxdFilm,
  type UploadedFile,
} from "./parse";
import { letterboxdReviewToMarkdown, verdictFrom } from "./review-text";
import {
  MAX_UPLOAD_BYTES,
  PREVIEW_LIFETIME_MS,
  choiceFor,
  type ConfirmImportInput,
  type FilmRef,
  type ImportPreview,
  type ImportSummary,
  type PreviewItem,
} from "./schema";

/** Unmatched films that get a list of candidates to pick from (each is one search). */
const CANDIDATE_SEARCHES = 100;
const CANDIDATES_PER_FILM = 6;

const filmRefColumns = { id: films.id, slug: films.slug, title: films.title, year: films.year };

/**
 * Matches each Letterboxd film to the catalogue by its title (case, accents
 * and punctuation aside) and year: the same year first, then a year either
 * side as a "near" match the member checks. Films with no match get a few
 * candidates from a title search to pick from.
 */
async function matchFilms(
  db: Database,
  parsed: LetterboxdFilm[],
): Promise<Map<string, { match: PreviewItem["match"]; candidates: FilmRef[] }>> {
  const years = new Set<number>();
  for (const film of parsed)
    if (film.year !== null) for (const y of [film.year - 1, film.year, film.year + 1]) years.add(y);
  const yearless = parsed.some((film) => film.year === null);
  const catalogue = await db
    .select(filmRefColumns)
    .from(films)
    .where(yearless ? undefined : inArray(films.year, [...years]));
  const byTitle = new Map<string, FilmRef[]>();
  for (const film of catalogue) {
    const key = normalizeTitle(film.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), film]);
  }
  const result = new Map<string, { match: PreviewItem["match"]; candidates: FilmRef[] }>();
  let searches = 0;
  for (const film of parsed) {
    const sameTitle = byTitle.get(normalizeTitle(film.name)) ?? [];
    const exact = sameTitle.filter((f) => f.year === film.year);
    const near =
      film.year === null ? [] : sameTitle.filter((f) => f.year !== null && Math.abs(f.year - film.year!) === 1);
    if (exact.length === 1) {
      result.set(film.key, { match: { kind: "exact", film: exact[0]! }, candidates: [] });
      continue;
    }
    if (exact.length === 0 && near.length === 1) {
      result.set(film.key, { match: { kind: "near", film: near[0]! }, candidates: [] });
      continue;
    }
    let candidates = [...exact, ...near];
    const words = film.name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (candidates.length === 0 && words.length > 0 && searches < CANDIDATE_SEARCHES) {
      searches++;
      // Any of the title's words, best covered first, then the nearest year.
      const query = sql`to_tsquery('simple', ${words.join(" | ")})`;
      candidates = await db
        .select(filmRefColumns)
        .from(films)
        .where(sql`${films.search} @@ ${query}`)
        .orderBy(
          sql`ts_rank(${films.search}, ${query}) desc`,
          sql`abs(coalesce(${films.year}, 0) - ${film.year ?? 0})`,
          films.title,
        )
        .limit(CANDIDATES_PER_FILM);
    }
    result.set(film.key, { match: null, candidates });
  }
  return result;
}

function previewItem(
  film: LetterboxdFilm,
  index: number,
  matched: { match: PreviewItem["match"]; candidates: FilmRef[] },
): PreviewItem {
  const latest = film.reviews
    .toSorted((a, b) => ((a.watchedOn ?? a.writtenOn ?? "") < (b.watchedOn ?? b.writtenOn ?? "") ? -1 : 1))
    .at(-1);
  let review: PreviewItem["review"] = null;
  let reviewProblem: string | null = null;
  if (latest) {
    const body = letterboxdReviewToMarkdown(latest.text);
    if (body.length > BODY_MAX) {
      reviewProblem = `The review is ${body.length.toLocaleString("en-GB")} characters; Marquee keeps reviews up to ${BODY_MAX.toLocaleString("en-GB")}, so it is left out.`;
    } else if (body.length > 0) {
      review = { verdict: verdictFrom(body), body, writtenOn: latest.writtenOn };
    }
  }
  const diary = [...film.diary];
  // watched.csv lists every film watched; an undated mark is kept only for films with no dated viewing.
  if (film.watchedOn !== undefined && diary.length === 0)
    diary.push({ watchedOn: null, rewatch: false, halfStars: null, tags: [] });
  return {
    index,
    name: film.name,
    year: film.year,
    letterboxdUri: film.letterboxdUri,
    rating: film.rating,
    review,
    olderReviews: Math.max(0, film.reviews.length - 1),
    reviewProblem,
    diary,
    watchlist: film.watchlist,
    match: matched.match,
    candidates: matched.candidates,
  };
}

const ACTOR_UPLOADS_PER_HOUR = 10;

/**
 * Reads `actor`'s Letterboxd export, matches its films, and keeps the preview
 * (nothing else is saved) for the member to check and confirm. The preview
 * belongs to `actor` and expires after a day; older expired ones go now.
 */
export async function previewLetterboxdImport(
  actor: CurrentUser,
  input: { files: readonly Pick<File, "name" | "size" | "arrayBuffer">[] },
): Promise<Result<{ importId: string; changed: Tag[] }>> {
  const tooLarge = input.files.find((file) => file.size > MAX_UPLOAD_BYTES);
  if (tooLarge)
    return invalidField("files", `${tooLarge.name} is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit.`);
  const uploads: UploadedFile[] = await Promise.all(
    input.files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  let parsed;
  try {
    parsed = parseLetterboxdExport(uploads);
  } catch (error) {
    if (error instanceof LetterboxdFileError) return invalidField("files", error.message);
    throw error;
  }
  if (parsed.films.length === 0) return invalidField("files", "The files hold no films. Is this the right export?");
  const db = await getDb();
  const allowance = await consumeHourlyAllowance(db, actor.id, "import", ACTOR_UPLOADS_PER_HOUR);
  if (!allowance.ok) return fail("rate_limited", allowance.message);
  const matched = await matchFilms(db, parsed.films);
  const preview: ImportPreview = {
    version: 1,
    files: parsed.files,
    items: parsed.films.map((film, index) => previewItem(film, index, matched.get(film.key)!)),
  };
  await db
    .delete(letterboxdImports)
    .where(
      and(
        eq(letterboxdImports.userId, actor.id),
        isNull(letterboxdImports.confirmedAt),
        lt(letterboxdImports.expiresAt, new Date()),
      ),
    );
  const [row] = await db
    .insert(letterboxdImports)
    .values({ userId: actor.id, files: parsed.files, preview, expiresAt: new Date(Date.now() + PREVIEW_LIFETIME_MS) })
    .returning({ id: letterboxdImports.id });
  return ok({ importId: row!.id, changed: [] });
}

/** The film each preview item goes to after the member's choices, or null to skip it. */
function resolveFilm(item: PreviewItem, input: Record<string, unknown>, known: Set<number>): number | null {
  const choice = choiceFor(input, item.index);
  if (choice === "skip") return null;
  if (choice !== undefined) return known.has(choice) ? choice : null;
  return item.match ? item.match.film.id : null;
}

const dayStart = (day: string | null): Date | undefined => (day ? new Date(`${day}T12:00:00Z`) : undefined);

/**
 * Saves what the preview `input.importId` listed, with the member's choices:
 * ratings, one review per film (drafts or published as chosen; a review with
 * no rating stays a draft, since a published review shows its rating), diary
 * entries and the watchlist. Anything already on Marquee is kept as it is,
 * so importing the same export again adds nothing. Only the member who
 * uploaded the preview may confirm it, once.
 */
export async function confirmLetterboxdImport(
  actor: CurrentUser,
  input: ConfirmImportInput,
): Promise<Result<{ importId: string; summary: ImportSummary; changed: Tag[] }>> {
  const db = await getDb();
  const [found] = await db
    .select({
      preview: letterboxdImports.preview,
      confirmedAt: letterboxdImports.confirmedAt,
      expiresAt: letterboxdImports.expiresAt,
    })
    .from(letterboxdImports)
    .where(and(eq(letterboxdImports.id, input.importId), eq(letterboxdImports.userId, actor.id)));
  if (!found) return fail("not_found", "That import preview is not yours or no longer exists. Upload the file again.");
  if (found.confirmedAt) return fail("conflict", "This import is already saved.");
  if (found.expiresAt < new Date()) return fail("not_found", "That preview has expired. Upload the file again.");
  const preview = found.preview as ImportPreview;

  const picked = preview.items
    .map((item) => choiceFor(input, item.index))
    .filter((c): c is number => typeof c === "number");
  const known = new Set(
    picked.length === 0
      ? []
      : (
          await db
            .select({ id: films.id })
            .from(films)
            .where(inArray(films.id, [...new Set(picked)]))
        ).map((f) => f.id),
  );
  const chosen = preview.items
    .map((item) => ({ item, filmId: resolveFilm(item, input, known) }))
    .filter((c): c is { item: PreviewItem; filmId: number } => c.filmId !== null);
  // Two entries may land on one film (a pick that is also another entry's match): they merge,
  // the earlier entry's rating and review first.
  const byFilm = new Map<number, Pick<PreviewItem, "rating" | "review" | "diary" | "watchlist">>();
  for (const { item, filmId } of chosen) {
    const seen = byFilm.get(filmId);
    byFilm.set(
      filmId,
      seen
        ? {
            rating: seen.rating ?? item.rating,
            review: seen.review ?? item.review,
            diary: [...seen.diary, ...item.diary],
            watchlist: seen.watchlist ?? item.watchlist,
          }
        : item,
    );
  }
  const summary: ImportSummary = {
    ratingsAdded: 0,
    reviewsAdded: 0,
    diaryEntriesAdded: 0,
    watchlistAdded: 0,
    alreadyThere: 0,
    skippedFilms: preview.items.length - chosen.length,
    reviewStatus: input.reviewStatus,
  };
  const outcome = await db.transaction(async (tx) => {
    // Claims the preview first, so a second confirmation (another tab) waits and then finds it taken.
    const [claimed] = await tx
      .update(letterboxdImports)
      .set({ confirmedAt: new Date() })
      .where(
        and(
          eq(letterboxdImports.id, input.importId),
          eq(letterboxdImports.userId, actor.id),
          isNull(letterboxdImports.confirmedAt),
          gt(letterboxdImports.expiresAt, new Date()),
        ),
      )
      .returning({ id: letterboxdImports.id });
    if (!claimed) return false;
    const entries = [...byFilm.entries()];
    const ratingRows = entries.flatMap(([filmId, item]) =>
      item.rating
        ? [{ userId: actor.id, filmId, halfStars: item.rating.halfStars, ratedAt: dayStart(item.rating.ratedOn) }]
        : [],
    );
    if (ratingRows.length > 0) {
      const added = await tx
        .insert(ratings)
        .values(ratingRows)
        .onConflictDoNothing()
        .returning({ filmId: ratings.filmId });
      summary.ratingsAdded = added.length;
      summary.alreadyThere += ratingRows.length - added.length;
    }
    const reviewed = entries.filter(([, item]) => item.review);
    if (reviewed.length > 0) {
      const rated = new Set(
        (
          await tx
            .select({ filmId: ratings.filmId })
            .from(ratings)
            .where(
              and(
                eq(ratings.userId, actor.id),
                inArray(
                  ratings.filmId,
                  reviewed.map(([filmId]) => filmId),
                ),
              ),
            )
        ).map((r) => r.filmId),
      );
      const rows = reviewed.map(([filmId, item]) => {
        const publish = input.reviewStatus === "published" && rated.has(filmId);
        const writtenAt = dayStart(item.review!.writtenOn);
        return {
          filmId,
          authorId: actor.id,
          body: item.review!.body,
          verdict: item.review!.verdict,
          status: publish ? ("published" as const) : ("draft" as const),
          createdAt: writtenAt,
          publishedAt: publish ? (writtenAt ?? new Date()) : null,
        };
      });
      const added = await tx.insert(reviews).values(rows).onConflictDoNothing().returning({ id: reviews.id });
      summary.reviewsAdded = added.length;
      summary.alreadyThere += rows.length - added.length;
    }
    const diaryRows = entries.flatMap(([filmId, item]) =>
      item.diary.map((d) => ({
        userId: actor.id,
        filmId,
        watchedOn: d.watchedOn,
        rewatch: d.rewatch,
        halfStars: d.halfStars,
        tags: d.tags,
        source: "letterboxd",
      })),
    );
    for (let i = 0; i < diaryRows.length; i += 1000) {
      const batch = diaryRows.slice(i, i + 1000);
      const added = await tx
        .insert(diaryEntries)
        .values(batch)
        .onConflictDoNothing()
        .returning({ id: diaryEntries.id });
      summary.diaryEntriesAdded += added.length;
      summary.alreadyThere += batch.length - added.length;
    }
    const watchRows = entries.flatMap(([filmId, item]) =>
      item.watchlist
        ? [{ userId: actor.id, filmId, addedAt: dayStart(item.watchlist.addedOn), source: "letterboxd" }]
        : [],
    );
    if (watchRows.length > 0) {
      const added = await tx
        .insert(watchlistItems)
        .values(watchRows)
        .onConflictDoNothing()
        .returning({ filmId: watchlistItems.filmId });
      summary.watchlistAdded = added.length;
      summary.alreadyThere += watchRows.length - added.length;
    }
    await tx.update(letterboxdImports).set({ summary }).where(eq(letterboxdImports.id, input.importId));
    return true;
  });
  if (!outcome) return fail("conflict", "This import is already saved.");
  const changed: Tag[] = [
    tags.member(actor.id),
    tags.reviews,
    tags.catalogue,
    ...[...byFilm.keys()].map((id) => tags.film(id)),
  ];
  return ok({ importId: input.importId, summary, changed });
}
