import { z } from "zod";
import { handleSchema } from "@/lib/auth/handle";

/**
 * What the WordPress import forms send and what the import reports back.
 * No server imports: the admin page's client components use these.
 */

/** The largest export the admin page accepts; bigger blogs use `npm run import:wordpress`. */
export const WXR_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

export interface WordPressImportSummary {
  postsImported: number;
  /** Titles of the posts imported as drafts because no closing rating line was found. */
  draftsWithoutRating: string[];
  postsAlreadyImported: number;
  /** Pages, attachments, unpublished posts and posts outside the chosen category. */
  postsSkipped: number;
  commentsImported: number;
  commentsAlreadyImported: number;
  commentsSkipped: { pending: number; spam: number; trash: number; pingbacks: number };
  filmsCreated: number;
  filmsMatched: number;
  membersCreated: number;
  /** Anything else the admin should know, one sentence each. */
  notes: string[];
}

export function emptySummary(): WordPressImportSummary {
  return {
    postsImported: 0,
    draftsWithoutRating: [],
    postsAlreadyImported: 0,
    postsSkipped: 0,
    commentsImported: 0,
    commentsAlreadyImported: 0,
    commentsSkipped: { pending: 0, spam: 0, trash: 0, pingbacks: 0 },
    filmsCreated: 0,
    filmsMatched: 0,
    membersCreated: 0,
    notes: [],
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The summary as sentences, for the command line and the admin page alike. */
export function describeSummary(summary: WordPressImportSummary): string[] {
  const skipped = summary.commentsSkipped;
  const skippedTotal = skipped.pending + skipped.spam + skipped.trash + skipped.pingbacks;
  const lines = [
    `${plural(summary.postsImported, "post")} imported as reviews` +
      (summary.draftsWithoutRating.length
        ? `, ${summary.draftsWithoutRating.length} of them left as drafts without a rating line: ${summary.draftsWithoutRating.map((t) => `“${t}”`).join(", ")}.`
        : "."),
    `${plural(summary.commentsImported, "comment")} imported.`,
    `${plural(skippedTotal, "comment")} skipped: ${skipped.pending} pending, ${skipped.spam} spam, ${skipped.trash} trashed, ${plural(skipped.pingbacks, "pingback")}.`,
    `${plural(summary.filmsMatched, "film")} matched in the catalogue, ${summary.filmsCreated} created.`,
    summary.membersCreated === 1
      ? "1 author added as an imported member."
      : `${summary.membersCreated} authors added as imported members.`,
  ];
  if (summary.postsAlreadyImported || summary.commentsAlreadyImported) {
    lines.push(
      `Already imported before, so left as they were: ${plural(summary.postsAlreadyImported, "post")}, ${plural(summary.commentsAlreadyImported, "comment")}.`,
    );
  }
  if (summary.postsSkipped) {
    lines.push(
      `${plural(summary.postsSkipped, "item")} skipped (pages, attachments, unpublished posts or other categories).`,
    );
  }
  return [...lines, ...summary.notes];
}

/** The upload form's text field; the file travels beside it. */
export const wordPressUploadSchema = z.object({
  file: z
    .array(z.instanceof(File))
    .refine(
      (files) => files.length === 1 && files[0]!.size > 0,
      "Choose the export file (the .xml file from WordPress's Tools → Export).",
    )
    .refine(
      (files) => (files[0]?.size ?? 0) <= WXR_UPLOAD_MAX_BYTES,
      "That file is over 20 MB; import it with npm run import:wordpress on the server instead.",
    )
    .transform((files) => files[0]!),
  category: z
    .string()
    .trim()
    .max(200, "Keep the category name under 200 characters.")
    .optional()
    .transform((value) => value || undefined),
});

/** "Hand @imported to @member": both handles, with or without the @. */
export const handOverSchema = z
  .object({
    from: z.preprocess((v) => (typeof v === "string" ? v.replace(/^\s*@/, "") : v), handleSchema),
    to: z.preprocess((v) => (typeof v === "string" ? v.replace(/^\s*@/, "") : v), handleSchema),
  })
  .refine((input) => input.from !== input.to, { path: ["to"], message: "Choose a different member to hand them to." });
export type HandOverInput = z.input<typeof handOverSchema>;
