import { z } from "zod";

/**
 * The Letterboxd import's shared pieces: the rating rule, the file limits,
 * the preview's shape and the confirmation form. No server imports: the
 * account pages and client forms use these too.
 */

/** The largest upload read, ZIP or CSV. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** The most a ZIP's CSV files may expand to, so a small archive cannot fill the memory. */
export const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;
/** How long a preview waits for its confirmation. */
export const PREVIEW_LIFETIME_MS = 24 * 3600 * 1000;

/** The files of a Letterboxd export that Marquee reads, and the columns each must have. */
export const LETTERBOXD_COLUMNS = {
  "ratings.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating"],
  "reviews.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date"],
  "diary.csv": ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Tags", "Watched Date"],
  "watched.csv": ["Date", "Name", "Year", "Letterboxd URI"],
  "watchlist.csv": ["Date", "Name", "Year", "Letterboxd URI"],
} as const;
export type LetterboxdFile = keyof typeof LETTERBOXD_COLUMNS;
export const LETTERBOXD_FILES = Object.keys(LETTERBOXD_COLUMNS) as LetterboxdFile[];

/**
 * The rating rule. Letterboxd rates ½ to 5 stars in halves (1–10 half stars
 * of five); Marquee rates 0 to 4 in halves (0–8 half stars of four). An
 * imported rating keeps its place on the scale: halves of four =
 * round(halves of five × 4 / 5), computed in integers as
 * floor((halves × 8 + 5) / 10). So 5★ → 4/4, 2½★ → 2/4, ½★ → ½/4, and no
 * imported rating becomes 0/4 (Letterboxd has no zero).
 */
export function letterboxdToHalfStars(letterboxdHalves: number): number {
  if (!Number.isInteger(letterboxdHalves) || letterboxdHalves < 1 || letterboxdHalves > 10) {
    throw new RangeError(`A Letterboxd rating is 1–10 half stars, not ${letterboxdHalves}`);
  }
  return Math.floor((letterboxdHalves * 8 + 5) / 10);
}

/** 9 → "4½★", 1 → "½★". */
export function formatLetterboxdStars(letterboxdHalves: number): string {
  const whole = Math.floor(letterboxdHalves / 2);
  const half = letterboxdHalves % 2 === 1 ? "½" : "";
  return `${whole === 0 ? "" : whole}${half}★`;
}

/** Every Letterboxd rating with the Marquee rating it becomes, for the table on the import page. */
export const RATING_RULE_TABLE: readonly { letterboxdHalves: number; halfStars: number }[] = Array.from(
  { length: 10 },
  (_, i) => ({ letterboxdHalves: i + 1, halfStars: letterboxdToHalfStars(i + 1) }),
);

export interface FilmRef {
  id: number;
  slug: string;
  title: string;
  year: number | null;
}

/** One Letterboxd film as the preview lists it, with everything the export said about it. */
export interface PreviewItem {
  /** Position in the preview; the confirmation form names its choices by it. */
  index: number;
  name: string;
  year: number | null;
  letterboxdUri: string;
  /** The member's rating on Letterboxd and what it becomes here. */
  rating: { letterboxdHalves: number; halfStars: number; ratedOn: string | null } | null;
  review: { verdict: string; body: string; writtenOn: string | null } | null;
  /** Reviews of the same film left out: Marquee keeps one review per member per film (the latest). */
  olderReviews: number;
  /** A review that could not be kept (too long), with why. */
  reviewProblem: string | null;
  diary: { watchedOn: string | null; rewatch: boolean; halfStars: number | null; tags: string[] }[];
  watchlist: { addedOn: string | null } | null;
  /** "exact": same title and year; "near": same title, year one off (the member checks it). */
  match: { kind: "exact" | "near"; film: FilmRef } | null;
  /** Films the member may pick instead (for near and unmatched entries). */
  candidates: FilmRef[];
}

export interface ImportPreview {
  version: 1;
  files: string[];
  items: PreviewItem[];
}

export interface ImportSummary {
  ratingsAdded: number;
  reviewsAdded: number;
  diaryEntriesAdded: number;
  watchlistAdded: number;
  /** Entries already on Marquee (a rating, review, diary entry or watchlist item), kept as they were. */
  alreadyThere: number;
  skippedFilms: number;
  reviewStatus: "draft" | "published";
}

export const REVIEW_IMPORT_STATUSES = ["draft", "published"] as const;

/** The confirmation form: the preview's id, how reviews arrive, and a choice per near or unmatched film (`film-<index>`). */
export const confirmImportSchema = z.looseObject({
  importId: z.uuid({ error: "That import preview is not valid; upload the file again." }),
  reviewStatus: z.enum(REVIEW_IMPORT_STATUSES, { error: "Choose whether reviews arrive as drafts or published." }),
});
export type ConfirmImportInput = z.output<typeof confirmImportSchema>;

/** What the member picked for item `index`: a film id, or skip. Missing means the default. */
export function choiceFor(input: Record<string, unknown>, index: number): number | "skip" | undefined {
  const value = input[`film-${index}`];
  if (value === "skip") return "skip";
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return undefined;
  return Number(value);
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The upload form: one ZIP, or one or more of the export's CSV files. */
export const uploadImportSchema = z.object({
  files: z
    .array(z.instanceof(File))
    // A browser sends an empty, nameless file when nothing was chosen.
    .transform((files) => files.filter((file) => file.size > 0 || file.name !== ""))
    .pipe(
      z
        .array(z.instanceof(File))
        .min(1, "Choose your Letterboxd export (the ZIP) or its CSV files.")
        .max(6, "Upload the ZIP, or at most the five CSV files.")
        .superRefine((files, ctx) => {
          for (const file of files) {
            if (file.size > MAX_UPLOAD_BYTES) {
              ctx.addIssue({
                code: "custom",
                message: `${file.name} is ${megabytes(file.size)}; the limit is ${megabytes(MAX_UPLOAD_BYTES)} a file.`,
              });
            }
          }
        }),
    ),
});
export type UploadImportInput = z.output<typeof uploadImportSchema>;
