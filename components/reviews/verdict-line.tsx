import { formatRating } from "@/lib/ratings/scale";

/** The closing line of a review: "My Rating: 3½/4 – verdict". */
export function VerdictLine({ halfStars, verdict }: { halfStars: number | null; verdict: string }) {
  return (
    <p className="font-serif text-lg">
      <strong>My Rating: {halfStars === null ? "not rated yet" : formatRating(halfStars)}</strong> – {verdict}
    </p>
  );
}
