import { MAX_HALF_STARS } from "./scale";

/** Number of ratings in each of the nine buckets, index = half stars (0–8). */
export type Histogram = number[];

/** Nine zeros filled from `rows` of (halfStars, count). */
export function toHistogram(rows: { halfStars: number; count: number }[]): Histogram {
  const buckets = Array.from({ length: MAX_HALF_STARS + 1 }, () => 0);
  for (const row of rows) {
    if (row.halfStars >= 0 && row.halfStars <= MAX_HALF_STARS) buckets[row.halfStars] = row.count;
  }
  return buckets;
}

export function histogramTotal(histogram: Histogram): number {
  return histogram.reduce((sum, n) => sum + n, 0);
}

/** Each bucket's share of the whole, in whole percent (0 when empty). */
export function histogramShares(histogram: Histogram): number[] {
  const total = histogramTotal(histogram);
  return histogram.map((n) => (total === 0 ? 0 : Math.round((n * 100) / total)));
}
