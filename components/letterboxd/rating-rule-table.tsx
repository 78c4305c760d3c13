import { formatRating } from "@/lib/ratings/scale";
import { RATING_RULE_TABLE, formatLetterboxdStars } from "@/lib/letterboxd/schema";

/** The stated rule for converting Letterboxd's stars, as a table of every value. */
export function RatingRuleTable() {
  return (
    <table className="border-collapse text-sm">
      <caption className="mb-2 text-left text-[var(--color-muted)]">
        Letterboxd rates from ½ to 5 stars; Marquee from 0 to 4. Each rating keeps its place on the scale: Marquee
        halves = round(Letterboxd halves × 4 ÷ 5).
      </caption>
      <thead>
        <tr>
          <th scope="col" className="border-b border-[var(--color-line)] px-3 py-1 text-left">
            Letterboxd
          </th>
          <th scope="col" className="border-b border-[var(--color-line)] px-3 py-1 text-left">
            Marquee
          </th>
        </tr>
      </thead>
      <tbody>
        {RATING_RULE_TABLE.map((row) => (
          <tr key={row.letterboxdHalves}>
            <td className="px-3 py-1">{formatLetterboxdStars(row.letterboxdHalves)}</td>
            <td className="px-3 py-1">{formatRating(row.halfStars)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
