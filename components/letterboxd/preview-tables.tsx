import { formatRating } from "@/lib/ratings/scale";
import { FilmSearch } from "./film-search";
import { formatLetterboxdStars, type FilmRef, type PreviewItem } from "@/lib/letterboxd/schema";

const filmLabel = (film: { title: string; year: number | null }) =>
  `${film.title}${film.year ? ` (${film.year})` : ""}`;
const lbLabel = (item: PreviewItem) => `${item.name}${item.year ? ` (${item.year})` : ""}`;

function What({ item }: { item: PreviewItem }) {
  const parts: string[] = [];
  if (item.rating)
    parts.push(`${formatLetterboxdStars(item.rating.letterboxdHalves)} → ${formatRating(item.rating.halfStars)}`);
  if (item.review) parts.push(item.olderReviews > 0 ? `review (latest of ${item.olderReviews + 1})` : "review");
  if (item.reviewProblem) parts.push(item.reviewProblem);
  const dated = item.diary.filter((d) => d.watchedOn).length;
  if (dated > 0) parts.push(`${dated} ${dated === 1 ? "viewing" : "viewings"}`);
  else if (item.diary.length > 0) parts.push("watched");
  if (item.watchlist) parts.push("watchlist");
  return <>{parts.join(" · ")}</>;
}

const cell = "border-b border-[var(--color-line)] px-3 py-2 align-top";

/** Films matched by title and year: they are imported as listed. */
export function MatchedTable({ items }: { items: PreviewItem[] }) {
  return (
    <table className="w-full border-collapse text-sm">
      <thead>
        <tr>
          <th scope="col" className={`${cell} text-left`}>
            On Letterboxd
          </th>
          <th scope="col" className={`${cell} text-left`}>
            What comes across
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.index}>
            <td className={cell}>{lbLabel(item)}</td>
            <td className={cell}>
              <What item={item} />
              {item.review ? <p className="mt-1 italic">“{item.review.verdict}”</p> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FilmChoice({
  item,
  options,
  preselected,
}: {
  item: PreviewItem;
  options: FilmRef[];
  preselected: number | null;
}) {
  const id = `film-${item.index}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {lbLabel(item)}
      </label>
      <p id={`${id}-what`} className="text-sm text-[var(--color-muted)]">
        <What item={item} />
      </p>
      <select
        id={id}
        name={id}
        defaultValue={preselected === null ? "skip" : String(preselected)}
        aria-describedby={`${id}-what`}
        className="max-w-md rounded border border-[var(--color-line)] bg-[var(--color-card)] px-2 py-1"
      >
        <option value="skip">Skip this film</option>
        {options.map((film) => (
          <option key={film.id} value={String(film.id)}>
            {filmLabel(film)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Same title, a year either side: chosen by default, for the member to check. */
export function NearMatches({ items }: { items: PreviewItem[] }) {
  return (
    <ul className="space-y-4">
      {items.map((item) => (
        <li key={item.index}>
          <FilmChoice item={item} options={[item.match!.film]} preselected={item.match!.film.id} />
        </li>
      ))}
    </ul>
  );
}

/** Not found in the catalogue: skipped unless the member picks one of the films like it. */
export function Unmatched({ items }: { items: PreviewItem[] }) {
  return (
    <ul className="space-y-4">
      {items.map((item) => (
        <li key={item.index}>
          <FilmChoice item={item} options={item.candidates} preselected={null} />
          {item.candidates.length === 0 ? (
            <p className="text-sm text-[var(--color-muted)]">Nothing in the catalogue has a title like it.</p>
          ) : null}
          <FilmSearch selectId={`film-${item.index}`} name={lbLabel(item)} searchUrl="/account/import/films" />
        </li>
      ))}
    </ul>
  );
}
