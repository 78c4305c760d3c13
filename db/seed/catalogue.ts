import { readFileSync } from "node:fs";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { uniqueSlug, slugify } from "../slug";
import type { Database } from "../client";
import { filmCredits, films, people } from "../schema";

/** One film as the `movies.json` data set of the npm package vega-datasets has it. */
export interface VegaMovie {
  Title: string | number | null;
  "Release Date": string | null;
  "Major Genre": string | null;
  Director: string | null;
  "Running Time min": number | null;
  "MPAA Rating": string | null;
}

export interface ImportSummary {
  films: number;
  people: number;
  credits: number;
  alreadyPresent: number;
  withoutTitle: number;
}

const MONTHS: Record<string, string> = {
  Jan: "01",
  Feb: "02",
  Mar: "03",
  Apr: "04",
  May: "05",
  Jun: "06",
  Jul: "07",
  Aug: "08",
  Sep: "09",
  Oct: "10",
  Nov: "11",
  Dec: "12",
};

/**
 * The data set's last real release year. It writes some two-digit years of
 * the 1910s–1940s into the wrong century ("Gone with the Wind", Dec 15 2039):
 * a year after this one is 100 years early in truth.
 */
export const LAST_CATALOGUE_YEAR = 2012;

/** "Dec 19 1997" → "1997-12-19", and "Dec 15 2039" → "1939-12-15" (see LAST_CATALOGUE_YEAR); anything else → null. */
export function parseReleaseDate(value: string | null): string | null {
  const match = value?.trim().match(/^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/);
  if (!match) return null;
  const [, month, day, written] = match;
  const mm = MONTHS[month!];
  const year = Number(written) > LAST_CATALOGUE_YEAR ? Number(written) - 100 : Number(written);
  return mm ? `${year}-${mm}-${day!.padStart(2, "0")}` : null;
}

/** A Director field may name several people: "Joel Coen & Ethan Coen", "A / B". */
export function splitNames(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(/\s*(?:&|\/|,|\band\b)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

const CERTIFICATES = new Set(["G", "PG", "PG-13", "R", "NC-17", "Not Rated"]);

interface PreparedFilm {
  importKey: string;
  title: string;
  year: number | null;
  releaseDate: string | null;
  genres: string[];
  runtimeMinutes: number | null;
  certificate: string | null;
  directors: string[];
}

function prepare(movie: VegaMovie): PreparedFilm | null {
  if (movie.Title === null || movie.Title === undefined || String(movie.Title).trim() === "") return null;
  const title = String(movie.Title).trim();
  const releaseDate = parseReleaseDate(movie["Release Date"]);
  const runtime = movie["Running Time min"];
  return {
    importKey: `vega-movies:${title}|${movie["Release Date"] ?? ""}`,
    title,
    year: releaseDate ? Number(releaseDate.slice(0, 4)) : null,
    releaseDate,
    genres: movie["Major Genre"] ? [movie["Major Genre"]] : [],
    runtimeMinutes: typeof runtime === "number" && runtime > 0 ? Math.round(runtime) : null,
    certificate: movie["MPAA Rating"] && CERTIFICATES.has(movie["MPAA Rating"]) ? movie["MPAA Rating"] : null,
    directors: splitNames(movie.Director),
  };
}

/** Reads the 3,201 records of vega-datasets' movies.json from node_modules (3,200 of them have a title). */
export function loadVegaMovies(): VegaMovie[] {
  // The package's "exports" hide its data folder from require(), so read the file.
  const file = path.join(process.cwd(), "node_modules", "vega-datasets", "data", "movies.json");
  return JSON.parse(readFileSync(file, "utf8")) as VegaMovie[];
}

export type ImportProgress = (done: number, total: number) => void;

/**
 * Loads films with their directors, in batches. Films already imported (same
 * title and release date) are left alone, so running it again adds nothing.
 */
export async function importCatalogue(
  db: Database,
  movies: VegaMovie[],
  options: { batchSize?: number; onProgress?: ImportProgress } = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? 400;
  const summary: ImportSummary = { films: 0, people: 0, credits: 0, alreadyPresent: 0, withoutTitle: 0 };
  const prepared: PreparedFilm[] = [];
  for (const movie of movies) {
    const film = prepare(movie);
    if (film) prepared.push(film);
    else summary.withoutTitle++;
  }

  const titleCounts = new Map<string, number>();
  for (const film of prepared) {
    const base = slugify(film.title);
    titleCounts.set(base, (titleCounts.get(base) ?? 0) + 1);
  }
  const takenFilmSlugs = new Set((await db.select({ slug: films.slug }).from(films)).map((r) => r.slug));
  const personIds = new Map<string, number>();
  const takenPersonSlugs = new Set<string>();
  for (const person of await db.select({ id: people.id, name: people.name, slug: people.slug }).from(people)) {
    personIds.set(person.name, person.id);
    takenPersonSlugs.add(person.slug);
  }

  for (let start = 0; start < prepared.length; start += batchSize) {
    const batch = prepared.slice(start, start + batchSize);
    const present = new Set(
      (
        await db
          .select({ importKey: films.importKey })
          .from(films)
          .where(
            inArray(
              films.importKey,
              batch.map((f) => f.importKey),
            ),
          )
      ).map((r) => r.importKey),
    );
    const fresh = batch.filter((f) => !present.has(f.importKey));
    summary.alreadyPresent += batch.length - fresh.length;

    if (fresh.length > 0) {
      await db.transaction(async (tx) => {
        const rows = fresh.map((film) => {
          const base = slugify(film.title);
          const slug = uniqueSlug(base, film.year, takenFilmSlugs, (titleCounts.get(base) ?? 0) > 1);
          takenFilmSlugs.add(slug);
          return {
            slug,
            title: film.title,
            year: film.year,
            releaseDate: film.releaseDate,
            genres: film.genres,
            runtimeMinutes: film.runtimeMinutes,
            certificate: film.certificate,
            importKey: film.importKey,
          };
        });
        const inserted = await tx
          .insert(films)
          .values(rows)
          .onConflictDoNothing({ target: films.importKey })
          .returning({ id: films.id, importKey: films.importKey });
        summary.films += inserted.length;
        const filmIdByKey = new Map(inserted.map((r) => [r.importKey, r.id]));

        const newPeople: { name: string; slug: string }[] = [];
        for (const film of fresh) {
          for (const name of film.directors) {
            if (personIds.has(name) || newPeople.some((p) => p.name === name)) continue;
            const slug = uniqueSlug(slugify(name, "person"), null, takenPersonSlugs);
            takenPersonSlugs.add(slug);
            newPeople.push({ name, slug });
          }
        }
        if (newPeople.length > 0) {
          const created = await tx.insert(people).values(newPeople).returning({ id: people.id, name: people.name });
          for (const person of created) personIds.set(person.name, person.id);
          summary.people += created.length;
        }

        const credits = fresh.flatMap((film) => {
          const filmId = filmIdByKey.get(film.importKey);
          if (filmId === undefined) return [];
          return film.directors.map((name, index) => ({
            filmId,
            personId: personIds.get(name)!,
            role: "director" as const,
            billingOrder: index,
          }));
        });
        if (credits.length > 0) {
          const added = await tx
            .insert(filmCredits)
            .values(credits)
            .onConflictDoNothing()
            .returning({ id: filmCredits.id });
          summary.credits += added.length;
        }
      });
    }
    options.onProgress?.(Math.min(start + batch.length, prepared.length), prepared.length);
  }
  return summary;
}

/** A progress bar on a terminal; a line per step elsewhere (CI logs). */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ImportProgress {
  return (done, total) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
    if (stream.isTTY) stream.write(`\r${line}${done === total ? "\n" : ""}`);
    else stream.write(`${line}\n`);
  };
}

export function describeSummary(summary: ImportSummary): string {
  return (
    `Catalogue import: ${summary.films} films added, ${summary.people} people added, ` +
    `${summary.credits} credits added; ${summary.alreadyPresent} films were already present` +
    (summary.withoutTitle ? `, ${summary.withoutTitle} record(s) skipped for having no title.` : ".")
  );
}
