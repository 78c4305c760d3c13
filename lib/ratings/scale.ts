/** The four-point scale: ratings are whole numbers of half stars, 0 to 8. */
export const MAX_HALF_STARS = 8;

/** 7 → "3½", 8 → "4", 1 → "½", 0 → "0". */
export function formatHalfStars(halfStars: number): string {
  const whole = Math.floor(halfStars / 2);
  const half = halfStars % 2 === 1;
  if (whole === 0 && half) return "½";
  return `${whole}${half ? "½" : ""}`;
}

/** 7 → "3½/4". */
export function formatRating(halfStars: number): string {
  return `${formatHalfStars(halfStars)}/4`;
}

/** Spoken form for screen readers: 7 → "3 and a half out of 4". */
export function ratingLabel(halfStars: number): string {
  const whole = Math.floor(halfStars / 2);
  const half = halfStars % 2 === 1;
  if (whole === 0 && half) return "half a star out of 4";
  return `${whole}${half ? " and a half" : ""} out of 4`;
}

/**
 * The mean of a film's ratings on the four-point scale, one decimal, from
 * integer totals (half stars summed over ratings): "3.4". Null with no ratings.
 */
export function formatMean(halfStarsTotal: number, ratingCount: number): string | null {
  if (ratingCount <= 0) return null;
  // Rounded in integers: tenths of a point = total / count / 2 * 10.
  const tenths = Math.round((halfStarsTotal * 5) / ratingCount);
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
