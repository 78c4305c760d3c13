import { histogramTotal, type Histogram } from "./histogram";
import { formatRating } from "./scale";

/**
 * Calibrated ratings: what a member's rating means coming from them, read
 * off their own distribution. Pure and client-safe.
 */

/** Below this many ratings a distribution says too little, and no line is shown. */
export const CALIBRATION_MIN_RATINGS = 20;

/**
 * A share in words, rounded to the nearest whole percent, except that a
 * share above 0 but under 0.5% is "under 1%" and one above 99.5% but short
 * of all is "over 99%", so rounding never says 0% or 100% of something that
 * is not.
 */
export function shareInWords(count: number, total: number): string {
  if (total <= 0 || count <= 0) return "0%";
  if (count >= total) return "100%";
  const percent = (count * 100) / total;
  if (percent < 0.5) return "under 1%";
  if (percent >= 99.5) return "over 99%";
  return `${Math.round(percent)}%`;
}

export interface Calibration {
  /** "4/4 from someone who gives 4/4 to 3% of the films they rate". */
  line: string;
  /** How the line is worked out, for its tooltip. */
  explanation: string;
}

/** The calibration line for a rating of `halfStars` from a member with `histogram`, or null under 20 ratings. */
export function calibrationOf(halfStars: number | null, histogram: Histogram | undefined): Calibration | null {
  if (halfStars === null || !histogram) return null;
  const total = histogramTotal(histogram);
  if (total < CALIBRATION_MIN_RATINGS) return null;
  const count = histogram[halfStars] ?? 0;
  const rating = formatRating(halfStars);
  const share = shareInWords(count, total);
  return {
    line: `${rating} from someone who gives ${rating} to ${share} of the films they rate`,
    explanation:
      `${count} of their ${total} ratings are ${rating}. Shares are rounded to the nearest whole percent; ` +
      `“under 1%” means more than none but less than half a percent. Members with fewer than ` +
      `${CALIBRATION_MIN_RATINGS} ratings get no such line.`,
  };
}
