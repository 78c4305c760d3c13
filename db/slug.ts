/** Lower-case, accent-free, dash-separated words: "Amélie!" becomes "amelie". */
export function slugify(text: string, fallback = "untitled"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || fallback;
}

/**
 * Picks a slug not in `taken`: the plain one, else with the year, else with a
 * counter. `preferYear` asks for the year form at once (a title that repeats).
 */
export function uniqueSlug(base: string, year: number | null, taken: ReadonlySet<string>, preferYear = false): string {
  const candidates = preferYear && year ? [`${base}-${year}`, base] : [base];
  if (year && !candidates.includes(`${base}-${year}`)) candidates.push(`${base}-${year}`);
  for (const candidate of candidates) if (!taken.has(candidate)) return candidate;
  const stem = year ? `${base}-${year}` : base;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
