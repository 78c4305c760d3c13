import { histogramTotal, type Histogram } from "@/lib/ratings/histogram";
import { formatRating } from "@/lib/ratings/scale";

const plural = (n: number) => `${n} ${n === 1 ? "rating" : "ratings"}`;

/**
 * Nine columns, one per rating from 0 to 4/4, drawn as inline SVG. The
 * drawing is hidden from assistive technology; a visually hidden table says
 * the same thing in words.
 */
export function RatingHistogram({ histogram, caption }: { histogram: Histogram; caption: string }) {
  const max = Math.max(1, ...histogram);
  const width = 9 * 28;
  const height = 96;
  return (
    <figure className="space-y-1">
      <svg
        viewBox={`0 0 ${width} ${height + 18}`}
        className="h-auto w-full max-w-xs text-[var(--color-accent)]"
        aria-hidden="true"
        focusable="false"
      >
        {histogram.map((count, halfStars) => {
          const barHeight = count === 0 ? 1 : Math.max(3, Math.round((count / max) * height));
          return (
            <g key={halfStars}>
              <rect
                x={halfStars * 28 + 3}
                y={height - barHeight}
                width={22}
                height={barHeight}
                rx={2}
                fill="currentColor"
                opacity={count === 0 ? 0.25 : 0.85}
              />
              {halfStars % 2 === 0 ? (
                <text
                  x={halfStars * 28 + 14}
                  y={height + 14}
                  textAnchor="middle"
                  fontSize="11"
                  fill="var(--color-muted)"
                >
                  {halfStars / 2}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <div className="sr-only">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Rating</th>
              <th scope="col">Number of ratings</th>
            </tr>
          </thead>
          <tbody>
            {histogram
              .map((count, halfStars) => ({ count, halfStars }))
              .reverse()
              .map(({ count, halfStars }) => (
                <tr key={halfStars}>
                  <th scope="row">{formatRating(halfStars)}</th>
                  <td>{plural(count)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <figcaption className="text-xs text-[var(--color-muted)]" aria-hidden="true">
        {plural(histogramTotal(histogram))}, from 0 (left) to 4 stars (right)
      </figcaption>
    </figure>
  );
}
