import type { ImportSummary } from "@/lib/letterboxd/schema";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/** What a confirmed import saved, in sentences. */
export function ImportSummaryList({ summary }: { summary: ImportSummary }) {
  return (
    <ul className="list-disc space-y-1 pl-6">
      <li>{plural(summary.ratingsAdded, "rating", "ratings")} added</li>
      <li>
        {plural(summary.reviewsAdded, "review", "reviews")} added
        {summary.reviewsAdded > 0 ? (summary.reviewStatus === "draft" ? ", as drafts" : ", published where rated") : ""}
      </li>
      <li>{plural(summary.diaryEntriesAdded, "diary entry", "diary entries")} kept for the diary</li>
      <li>{plural(summary.watchlistAdded, "film", "films")} added to your watchlist</li>
      <li>{plural(summary.alreadyThere, "entry was", "entries were")} already on Marquee and left as they were</li>
      <li>{plural(summary.skippedFilms, "film", "films")} skipped</li>
    </ul>
  );
}
