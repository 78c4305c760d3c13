/** One page of a list, the same shape for every paginated list. No server imports. */
export interface Page<T> {
  items: T[];
  total: number;
  /** The page asked for (1-based). */
  page: number;
  /** Items per page. */
  size: number;
  /** At least 1, so an empty list is "page 1 of 1". */
  pageCount: number;
  /** True when the page asked for lies beyond the last page of a non-empty list. */
  pastEnd: boolean;
}

/** LIMIT and OFFSET for `page` of `size`. */
export function pageWindow(page: number, size: number): { limit: number; offset: number } {
  return { limit: size, offset: (Math.max(1, page) - 1) * size };
}

/** Wraps one page of rows with the list's total. */
export function paginate<T>(items: T[], total: number, page: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(total / size));
  return { items, total, page, size, pageCount, pastEnd: total > 0 && page > pageCount };
}
