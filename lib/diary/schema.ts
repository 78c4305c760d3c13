import { z } from "zod";
import { idField } from "@/lib/params";
import { halfStarsField } from "@/lib/ratings/schema";

/**
 * The diary forms, shared by the browser and the server actions. No server
 * imports here.
 */

/** Entries on one page of a member's diary. */
export const DIARY_PAGE_SIZE = 50;
/** The first year of cinema as the diary counts it: no viewing is dated before this. */
export const FIRST_DIARY_DATE = "1870-01-01";

/**
 * The latest day a viewing may be dated: today where the day begins first
 * (UTC+14). The server cannot know the member's time zone, and a member in
 * Auckland logging tonight's film must not be told it is tomorrow.
 */
export function latestDiaryDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** Today's date in UTC as the log form's default ("2026-12-04"). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const longDay = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "14 March 2026" from "2026-03-14". */
export function formatDiaryDate(watchedOn: string): string {
  return longDay.format(new Date(`${watchedOn}T00:00:00Z`));
}

/** "March 2026" from "2026-03-14": the heading a diary groups its entries under. */
export function formatDiaryMonth(watchedOn: string): string {
  return monthYear.format(new Date(`${watchedOn.slice(0, 7)}-01T00:00:00Z`));
}

/** Whether "YYYY-MM-DD" names a real day of the calendar (no 31 April). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A tick box: "on" when ticked, absent when not. Already-parsed input (true/false) parses the same again. */
const checkbox = z
  .unknown()
  .optional()
  .transform((value) => value === true || value === "on" || value === "1" || value === "true");

export const watchedOnField = z
  .preprocess((value) => (typeof value === "string" ? value.trim() : ""), z.string())
  .superRefine((value, ctx) => {
    if (value === "") ctx.addIssue({ code: "custom", message: "Choose the day you watched it." });
    else if (!isCalendarDate(value)) ctx.addIssue({ code: "custom", message: "Write the date as 2026-03-14." });
    else if (value < FIRST_DIARY_DATE) {
      ctx.addIssue({ code: "custom", message: "That is before the first films were made; choose a date from 1870." });
    } else if (value > latestDiaryDate()) {
      ctx.addIssue({ code: "custom", message: "That date is in the future; log a film once you have seen it." });
    }
  });

/** Log a viewing: the day, whether it was a rewatch, and optionally a rating and the member's review. */
export const logViewingSchema = z.object({
  filmId: idField("That film is not in the catalogue."),
  watchedOn: watchedOnField,
  rewatch: checkbox,
  halfStars: halfStarsField({ required: false }).optional(),
  /** Link the member's own review of the film (the server finds it; no id comes from the form). */
  linkReview: checkbox,
  /** Shown, ticked, only when the film is on the member's watchlist. */
  removeFromWatchlist: checkbox,
});
export type LogViewingInput = z.input<typeof logViewingSchema>;
export type LogViewing = z.output<typeof logViewingSchema>;

/** Deleting an entry asks for a tick in a box first. */
export const deleteDiaryEntrySchema = z.object({
  entryId: idField("That diary entry does not exist."),
  confirm: z.literal("on", { error: "Tick the box to confirm that this entry goes for good." }),
});
