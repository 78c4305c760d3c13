import { formatMean } from "@/lib/ratings/scale";

/** "3.4/4 from 12 ratings", or a note that nobody has rated the film. */
export function RatingSummary({ halfStarsTotal, ratingCount }: { halfStarsTotal: number; ratingCount: number }) {
  const mean = formatMean(halfStarsTotal, ratingCount);
  if (!mean) return <p className="text-[var(--color-muted)]">Nobody has rated this film yet.</p>;
  return (
    <p>
      <span className="text-3xl font-semibold">{mean}/4</span>{" "}
      <span className="text-[var(--color-muted)]">
        mean of {ratingCount} {ratingCount === 1 ? "rating" : "ratings"}
      </span>
    </p>
  );
}
