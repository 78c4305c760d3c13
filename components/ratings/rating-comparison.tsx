import { histogramShares, histogramTotal, type Histogram } from "@/lib/ratings/histogram";
import { formatRating } from "@/lib/ratings/scale";

/**
 * One member's ratings beside everyone's, as the share of each rating from
 * 0 to 4/4, so a reader can tell what "4/4" means from this person. Drawn as
 * paired columns in inline SVG, with a visually hidden table that says the
 * same in words.
 */
export function RatingComparison({
  memberName,
  member,
  site,
}: {
  memberName: string;
  member: Histogram;
  site: Histogram;
}) {
  const memberShares = histogramShares(member);
  const siteShares = histogramShares(site);
  const max = Math.max(1, ...memberShares, ...siteShares);
  const height = 110;
  const slot = 36;
  const count = (n: number) => `${n} ${n === 1 ? "rating" : "ratings"}`;
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${slot * 9} ${height + 18}`}
        className="h-auto w-full max-w-md"
        aria-hidden="true"
        focusable="false"
      >
        {memberShares.map((share, halfStars) => {
          const own = share === 0 ? 1 : Math.max(3, Math.round((share / max) * height));
          const all =
            siteShares[halfStars] === 0 ? 1 : Math.max(3, Math.round((siteShares[halfStars]! / max) * height));
          const x = halfStars * slot;
          return (
            <g key={halfStars}>
              <rect x={x + 4} y={height - own} width={13} height={own} rx={2} fill="var(--color-accent)" />
              <rect
                x={x + 19}
                y={height - all}
                width={13}
                height={all}
                rx={2}
                fill="var(--color-muted)"
                opacity={0.6}
              />
              {halfStars % 2 === 0 ? (
                <text x={x + 18} y={height + 14} textAnchor="middle" fontSize="11" fill="var(--color-muted)">
                  {halfStars / 2}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption aria-hidden="true" className="flex flex-wrap gap-4 text-xs text-[var(--color-muted)]">
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-[var(--color-accent)]" /> {memberName} (
          {count(histogramTotal(member))})
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-[var(--color-muted)] opacity-60" /> All members (
          {count(histogramTotal(site))})
        </span>
        <span>Share of each rating, from 0 (left) to 4 stars (right)</span>
      </figcaption>
      <div className="sr-only">
        <table>
          <caption>{memberName}’s ratings beside all members’ ratings, as a share of each one’s ratings</caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">{memberName}</th>
              <th scope="col">All members</th>
            </tr>
          </thead>
          <tbody>
            {OPTIONS_DESCENDING.map((halfStars) => (
              <tr key={halfStars}>
                <th scope="row">{formatRating(halfStars)}</th>
                <td>
                  {count(member[halfStars] ?? 0)} ({memberShares[halfStars]}%)
                </td>
                <td>
                  {count(site[halfStars] ?? 0)} ({siteShares[halfStars]}%)
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

const OPTIONS_DESCENDING = [8, 7, 6, 5, 4, 3, 2, 1, 0];
