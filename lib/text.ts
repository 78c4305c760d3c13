/** Small wording helpers shared by pages and feeds. No server imports. */

/** "1 thought", "2 thoughts", "0 thoughts"; the plural defaults to the singular plus "s". */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : plural}`;
}

/** "Her (2013)", or the title alone when the year is unknown. */
export function filmLabel(film: { title: string; year: number | null }): string {
  return film.year ? `${film.title} (${film.year})` : film.title;
}

/** Control characters other than tab and newline, and the Unicode bidi embeddings, overrides and isolates. */
const UNSAFE_IN_BODY = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;
/** The same, with tab and newline refused too: for one-line fields such as a name or a verdict. */
const UNSAFE_IN_LINE = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/u;

export const UNSAFE_TEXT_MESSAGE =
  "This contains an invisible control or text-direction character that cannot be saved; remove it and try again.";

/** Whether text holds a control character or a bidi override/isolate; `multiline` lets tab and newline through. */
export function hasUnsafeCharacters(text: string, { multiline = false }: { multiline?: boolean } = {}): boolean {
  return (multiline ? UNSAFE_IN_BODY : UNSAFE_IN_LINE).test(text);
}

/** Zero-width space, non-joiner and joiner, word joiner, byte-order mark and soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/**
 * Text as the blocklist compares it: NFKC-normalised (full-width letters become
 * plain ones), lower-cased, with zero-width characters removed, so
 * "bad\u200bword" and "ＢＡＤ" match the terms "badword" and "bad".
 */
export function normalizeForMatching(text: string): string {
  return text.normalize("NFKC").replace(INVISIBLE, "").toLowerCase();
}
