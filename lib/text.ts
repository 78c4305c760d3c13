/** Small wording helpers shared by pages and feeds. No server imports. */

/** "1 thought", "2 thoughts", "0 thoughts"; the plural defaults to the singular plus "s". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}

/** "Her (2013)", or the title alone when the year is unknown. */
export function filmLabel(film: { title: string; year: number | null }): string {
  return film.year ? `${film.title} (${film.year})` : film.title;
}
