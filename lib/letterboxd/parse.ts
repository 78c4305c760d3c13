import { CsvError, parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import {
  LETTERBOXD_COLUMNS,
  LETTERBOXD_FILES,
  MAX_UNZIPPED_BYTES,
  MAX_UPLOAD_BYTES,
  letterboxdToHalfStars,
  type LetterboxdFile,
} from "./schema";

/**
 * Reading a Letterboxd export: the ZIP or any of its five CSV files, into one
 * entry per film (ratings, the latest review, diary viewings, the watchlist),
 * keyed by the film's name and year since each file has its own URIs.
 * Nothing here touches the database.
 */

/** A file that cannot be read, with the sentence to show next to the file field. */
export class LetterboxdFileError extends Error {}

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface LetterboxdFilm {
  key: string;
  name: string;
  year: number | null;
  letterboxdUri: string;
  rating: { letterboxdHalves: number; halfStars: number; ratedOn: string | null } | null;
  reviews: { text: string; writtenOn: string | null; watchedOn: string | null; halfStars: number | null }[];
  diary: { watchedOn: string | null; rewatch: boolean; halfStars: number | null; tags: string[] }[];
  watchedOn: string | null | undefined;
  watchlist: { addedOn: string | null } | null;
  /** Ratings given with a viewing or a review (half stars of five), for films missing from ratings.csv. */
  viewingRatings: { on: string | null; letterboxdHalves: number }[];
}

export interface ParsedExport {
  files: LetterboxdFile[];
  films: LetterboxdFilm[];
}

type Row = Record<string, string>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Folders of a Letterboxd ZIP whose files share names with the ones read here but mean something else.
const IGNORED_FOLDERS = new Set(["deleted", "orphaned", "likes", "lists"]);

function baseName(path: string): string {
  return path.split(/[\\/]/).pop()!.toLowerCase();
}

function isZip(file: UploadedFile): boolean {
  return file.name.toLowerCase().endsWith(".zip") || ZIP_MAGIC.every((byte, i) => file.bytes[i] === byte);
}

function knownFile(path: string): LetterboxdFile | null {
  const name = baseName(path);
  return (LETTERBOXD_FILES as string[]).includes(name) ? (name as LetterboxdFile) : null;
}

function unzip(file: UploadedFile): Map<LetterboxdFile, Uint8Array> {
  const found = new Map<LetterboxdFile, Uint8Array>();
  let expanded = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, {
      filter: (entry) => {
        const folders = entry.name.split("/").slice(0, -1);
        if (!knownFile(entry.name) || folders.some((f) => IGNORED_FOLDERS.has(f.toLowerCase()))) return false;
        expanded += entry.originalSize;
        if (expanded > MAX_UNZIPPED_BYTES) {
          throw new LetterboxdFileError(
            `${file.name} expands to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB of CSV; upload the CSV files you need instead.`,
          );
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof LetterboxdFileError) throw error;
    throw new LetterboxdFileError(
      `${file.name} is not a ZIP file that can be opened. Upload the ZIP Letterboxd sent, or its CSV files.`,
    );
  }
  for (const [path, bytes] of Object.entries(entries)) {
    const kind = knownFile(path)!;
    // The export's own copy sits at its top level; prefer the shallowest path.
    if (!found.has(kind) || path.split("/").length === 1) found.set(kind, bytes);
  }
  if (found.size === 0) {
    throw new LetterboxdFileError(
      `${file.name} has none of ratings.csv, reviews.csv, diary.csv, watched.csv or watchlist.csv. Is it a Letterboxd export?`,
    );
  }
  return found;
}

function readCsv(kind: LetterboxdFile, bytes: Uint8Array): Row[] {
  const text = new TextDecoder("utf-8").decode(bytes);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new LetterboxdFileError(`${kind} could not be read${line ? ` at line ${line}` : ""}: ${error.message}`);
    }
    throw error;
  }
  const [header, ...body] = rows;
  const expected: readonly string[] = LETTERBOXD_COLUMNS[kind];
  const missing = expected.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0) {
    throw new LetterboxdFileError(
      `${kind} does not have Letterboxd's columns: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing. ` +
        `Expected ${expected.join(", ")}.`,
    );
  }
  return body.map((cells) => Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ""])));
}

/** Loosely equal titles: case, accents, punctuation and spacing do not count. */
export function normalizeTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function parseYear(value: string): number | null {
  return /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : null;
}

function parseDay(value: string | undefined): string | null {
  const day = value?.trim() ?? "";
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/** "4.5" → 9 half stars of five; blank → null. */
function parseStars(kind: LetterboxdFile, line: number, value: string | undefined): number | null {
  const text = value?.trim() ?? "";
  if (text === "") return null;
  const match = /^([0-5])(?:\.(0|5))?$/.exec(text);
  const halves = match ? Number(match[1]) * 2 + (match[2] === "5" ? 1 : 0) : NaN;
  if (!(halves >= 1 && halves <= 10)) {
    throw new LetterboxdFileError(`${kind}, line ${line}: "${text}" is not a Letterboxd rating (½ to 5 stars).`);
  }
  return halves;
}

function parseTags(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** Reads every uploaded file (a ZIP, or CSVs named as Letterboxd names them) into one set of files. */
function collectFiles(uploads: UploadedFile[]): Map<LetterboxdFile, Uint8Array> {
  const files = new Map<LetterboxdFile, Uint8Array>();
  for (const upload of uploads) {
    if (upload.bytes.byteLength > MAX_UPLOAD_BYTES) {
      throw new LetterboxdFileError(
        `${upload.name} is ${(upload.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB a file.`,
      );
    }
    if (isZip(upload)) {
      for (const [kind, bytes] of unzip(upload)) files.set(kind, bytes);
      continue;
    }
    const kind = knownFile(upload.name);
    if (!kind) {
      throw new LetterboxdFileError(
        `${upload.name} is not part of a Letterboxd export. Upload the ZIP, or ratings.csv, reviews.csv, diary.csv, watched.csv or watchlist.csv.`,
      );
    }
    files.set(kind, upload.bytes);
  }
  if (files.size === 0) throw new LetterboxdFileError("Choose your Letterboxd export (the ZIP) or its CSV files.");
  return files;
}

/**
 * Parses a Letterboxd export into one entry per film. Throws
 * LetterboxdFileError with a sentence for the member when a file is too
 * large, is not part of an export, or lacks the expected columns.
 */
export function parseLetterboxdExport(uploads: UploadedFile[]): ParsedExport {
  const files = collectFiles(uploads);
  const films = new Map<string, LetterboxdFilm>();
  const filmFor = (row: Row): LetterboxdFilm | null => {
    const name = (row.Name ?? "").trim();
    if (!name) return null;
    const year = parseYear(row.Year ?? "");
    const key = `${normalizeTitle(name)}|${year ?? ""}`;
    let film = films.get(key);
    if (!film) {
      film = {
        key,
        name,
        year,
        letterboxdUri: row["Letterboxd URI"] ?? "",
        rating: null,
        reviews: [],
        diary: [],
        watchedOn: undefined,
        watchlist: null,
        viewingRatings: [],
      };
      films.set(key, film);
    }
    return film;
  };
  const each = (kind: LetterboxdFile, visit: (film: LetterboxdFilm, row: Row, line: number) => void) => {
    const bytes = files.get(kind);
    if (!bytes) return;
    readCsv(kind, bytes).forEach((row, i) => {
      const film = filmFor(row);
      if (film) visit(film, row, i + 2);
    });
  };

  each("ratings.csv", (film, row, line) => {
    const halves = parseStars("ratings.csv", line, row.Rating);
    if (halves !== null)
      film.rating = { letterboxdHalves: halves, halfStars: letterboxdToHalfStars(halves), ratedOn: parseDay(row.Date) };
    if (row["Letterboxd URI"]) film.letterboxdUri = row["Letterboxd URI"];
  });
  each("diary.csv", (film, row, line) => {
    const halves = parseStars("diary.csv", line, row.Rating);
    const watchedOn = parseDay(row["Watched Date"]) ?? parseDay(row.Date);
    if (halves !== null) film.viewingRatings.push({ on: watchedOn, letterboxdHalves: halves });
    film.diary.push({
      watchedOn,
      rewatch: (row.Rewatch ?? "").trim().toLowerCase() === "yes",
      halfStars: halves === null ? null : letterboxdToHalfStars(halves),
      tags: parseTags(row.Tags),
    });
  });
  each("reviews.csv", (film, row, line) => {
    const halves = parseStars("reviews.csv", line, row.Rating);
    const text = (row.Review ?? "").trim();
    if (halves !== null)
      film.viewingRatings.push({ on: parseDay(row["Watched Date"]) ?? parseDay(row.Date), letterboxdHalves: halves });
    if (!text) return;
    film.reviews.push({
      text,
      writtenOn: parseDay(row.Date),
      watchedOn: parseDay(row["Watched Date"]),
      halfStars: halves === null ? null : letterboxdToHalfStars(halves),
    });
  });
  each("watched.csv", (film, row) => {
    film.watchedOn = parseDay(row.Date);
  });
  each("watchlist.csv", (film, row) => {
    film.watchlist = { addedOn: parseDay(row.Date) };
  });

  // A rating given only with a viewing or a review still counts: the latest one.
  for (const film of films.values()) {
    if (film.rating || film.viewingRatings.length === 0) continue;
    const latest = film.viewingRatings.toSorted((a, b) => (a.on ?? "").localeCompare(b.on ?? "")).at(-1)!;
    film.rating = {
      letterboxdHalves: latest.letterboxdHalves,
      halfStars: letterboxdToHalfStars(latest.letterboxdHalves),
      ratedOn: latest.on,
    };
  }
  return { files: [...files.keys()], films: [...films.values()] };
}
