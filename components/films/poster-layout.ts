/**
 * How a title is set on a typographic poster: its lines and its size, measured
 * from the letters' widths so that the longest word always fits the poster's
 * width on one line. A word is never split ("MALKOVIC H"); a long title gets
 * smaller type and more lines instead. Sizes are in `cqw`, hundredths of the
 * poster's width, so one layout serves every poster size.
 */

/** Advance widths, in em, of bold serif capitals (generous, so a real font's word never runs over). */
// prettier-ignore
const WIDTHS: Record<string, number> = {
  A: 0.78, B: 0.74, C: 0.74, D: 0.8, E: 0.72, F: 0.68, G: 0.8, H: 0.86, I: 0.42, J: 0.56, K: 0.8, L: 0.68, M: 1,
  N: 0.84, O: 0.82, P: 0.7, Q: 0.82, R: 0.78, S: 0.64, T: 0.7, U: 0.82, V: 0.78, W: 1.1, X: 0.78, Y: 0.76, Z: 0.7,
  " ": 0.28, ".": 0.3, ",": 0.3, ":": 0.34, ";": 0.34, "'": 0.3, "’": 0.3, "!": 0.36, "?": 0.6, "&": 0.86, "-": 0.38,
};
const DIGIT = 0.66;
const OTHER = 0.8;
/** The letter spacing the poster sets its title with, in em. */
export const TITLE_TRACKING = 0.02;

/** Width of `text` set in capitals, in em. */
export function measure(text: string): number {
  let width = 0;
  for (const ch of text.toUpperCase()) {
    width += (WIDTHS[ch] ?? (ch >= "0" && ch <= "9" ? DIGIT : OTHER)) + TITLE_TRACKING;
  }
  return width;
}

/** The title's lines, as wide as `maxEm` at most, breaking only between words (greedy, like a compositor). */
function breakLines(words: string[], maxEm: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate) > maxEm) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** From the largest size down: the first at which every line fits the width and the lines fit the height. */
const SIZES = [24, 21, 18, 16, 14, 12.5, 11, 10, 9, 8, 7, 6, 5];
const LINE_HEIGHT = 1.08;

export interface TitleLayout {
  lines: string[];
  /** Font size in cqw. */
  size: number;
}

/**
 * Sets `title` inside a box `width` × `height` (both in cqw of the poster's
 * width). Returns the largest size at which no word is split and the lines fit;
 * at the smallest size the lines may run taller than the box (never wider
 * than a word), and the poster clips them.
 */
export function fitTitle(title: string, width = 84, height = 96): TitleLayout {
  const words = title.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { lines: [], size: SIZES[0]! };
  const longest = Math.max(...words.map(measure));
  for (const size of SIZES) {
    const maxEm = width / size;
    if (longest > maxEm) continue;
    const lines = breakLines(words, maxEm);
    if (lines.length * size * LINE_HEIGHT <= height) return { lines, size };
  }
  const size = Math.min(SIZES[SIZES.length - 1]!, width / longest);
  return { lines: breakLines(words, width / size), size };
}
