import { formatRating } from "@/lib/ratings/scale";
import { Stars } from "./stars";

/** A rating as stars and as text: ★★★½ 3½/4. */
export function RatingBadge({ halfStars, className = "" }: { halfStars: number; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-1.5 text-[var(--color-accent)] ${className}`}>
      <Stars halfStars={halfStars} />
      <span className="font-semibold text-[var(--color-ink)]">{formatRating(halfStars)}</span>
    </span>
  );
}
