import Link from "next/link";
import { calibrationOf } from "@/lib/ratings/calibration";
import type { Histogram } from "@/lib/ratings/histogram";

/**
 * "4/4 from someone who gives 4/4 to 3% of the films they rate", beside a
 * member's rating, from their distribution (nothing under 20 ratings). The
 * line links to the member's whole distribution; how it is worked out shows
 * as a tooltip while the line is hovered or focused, and is the link's
 * description for a screen reader. No JavaScript.
 */
export function CalibrationNote({
  id,
  halfStars,
  histogram,
  handle,
}: {
  /** Unique on the page: the tooltip's id is made from it. */
  id: string;
  halfStars: number | null;
  histogram: Histogram | undefined;
  handle: string;
}) {
  const calibration = calibrationOf(halfStars, histogram);
  if (!calibration) return null;
  const tip = `${id}-explained`;
  return (
    <span className="calibration">
      <Link href={`/members/${handle}#ratings-heading`} aria-describedby={tip} prefetch={false}>
        {calibration.line}
      </Link>
      <span id={tip} role="tooltip" className="calibration-tip">
        {calibration.explanation}
      </span>
    </span>
  );
}
