import type { CSSProperties } from "react";
import { fitTitle, TITLE_TRACKING } from "./poster-layout";

/** Palette pairs (background, text) with enough contrast for the title. */
const PALETTES: [string, string][] = [
  ["#7a1f14", "#fbe9d0"],
  ["#1f3b5a", "#f3e6c4"],
  ["#2f4a2b", "#f1eccf"],
  ["#4b2a55", "#f6e3f0"],
  ["#1d1d1d", "#f2c94c"],
  ["#5b3a1a", "#fde7c7"],
  ["#0f4c4c", "#e6f4ef"],
  ["#3a2f6b", "#fff1c1"],
];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The poster's colours and layout (0 bottom, 1 centre, 2 top), fixed by the title and year: the Open Graph card uses them too. */
export function posterStyle(
  title: string,
  year: number | null,
): { background: string; foreground: string; layout: number } {
  const h = hash(`${title}|${year ?? ""}`);
  const [background, foreground] = PALETTES[h % PALETTES.length]!;
  return { background, foreground, layout: h % 3 };
}

type Pattern = "rules" | "dots" | "stripes" | "grid" | "rings" | "chevrons" | "columns" | "hatch";

const GENRE_PATTERNS: [RegExp, Pattern][] = [
  [/horror|thriller|suspense|crime/i, "stripes"],
  [/science fiction|fantasy/i, "grid"],
  [/romance|romantic/i, "rings"],
  [/comedy|musical|family|animation/i, "dots"],
  [/action|adventure|war|western/i, "chevrons"],
  [/documentary|biograph|history/i, "columns"],
  [/drama/i, "rules"],
];

/**
 * The poster's texture: its kind from the film's first genre, its grain from
 * its decade (older films get a finer, fainter one), in the title's colour.
 */
export function posterPattern(genres: readonly string[], year: number | null, ink: string): CSSProperties {
  const genre = genres.find((g) => GENRE_PATTERNS.some(([test]) => test.test(g))) ?? "";
  const kind = GENRE_PATTERNS.find(([test]) => test.test(genre))?.[1] ?? "hatch";
  const decade = year ? Math.floor(year / 10) * 10 : 2000;
  const step = Math.max(4, Math.min(14, 4 + (decade - 1910) / 12)); // in cqw: 1910s fine, 2020s coarse
  const alpha = year && year < 1960 ? "14" : "1f";
  const line = `${ink}${alpha}`;
  const s = `${step}cqw`;
  switch (kind) {
    case "rules":
      return { backgroundImage: `repeating-linear-gradient(0deg, ${line} 0 1px, transparent 1px ${s})` };
    case "columns":
      return { backgroundImage: `repeating-linear-gradient(90deg, ${line} 0 1px, transparent 1px ${s})` };
    case "stripes":
      return { backgroundImage: `repeating-linear-gradient(135deg, ${line} 0 ${step / 3}cqw, transparent 0 ${s})` };
    case "hatch":
      return { backgroundImage: `repeating-linear-gradient(45deg, ${line} 0 1px, transparent 1px ${s})` };
    case "grid":
      return {
        backgroundImage: `linear-gradient(${line} 1px, transparent 1px), linear-gradient(90deg, ${line} 1px, transparent 1px)`,
        backgroundSize: `${s} ${s}`,
      };
    case "dots":
      return {
        backgroundImage: `radial-gradient(${line} ${step / 6}cqw, transparent ${step / 6 + 0.5}cqw)`,
        backgroundSize: `${s} ${s}`,
      };
    case "rings":
      return { backgroundImage: `repeating-radial-gradient(circle at 50% 110%, ${line} 0 1px, transparent 1px ${s})` };
    case "chevrons":
      return {
        backgroundImage: `linear-gradient(135deg, ${line} 25%, transparent 25%), linear-gradient(225deg, ${line} 25%, transparent 25%)`,
        backgroundSize: `${s} ${s}`,
      };
  }
}

/**
 * A typographic poster made from the film's title, year, director and genre:
 * the catalogue ships no images, and nothing is fetched from elsewhere. The
 * title is set in measured lines that never split a word (poster-layout.ts);
 * sizes are relative to the poster's width, so a grid tile and the film page's
 * hero draw the same poster. Decorative; the title is always written beside
 * it, so it is hidden from assistive technology.
 */
export function FilmPoster({
  title,
  year,
  director,
  genres = [],
  size = "md",
}: {
  title: string;
  year: number | null;
  director?: string | null;
  genres?: readonly string[];
  /** sm, md and lg are fixed widths; `fill` takes the width of its box (a grid tile). */
  size?: "sm" | "md" | "lg" | "fill";
}) {
  const { background, foreground, layout } = posterStyle(title, year);
  const width = { sm: "w-20", md: "w-32", lg: "w-48", fill: "w-full" }[size];
  const { lines, size: titleSize } = fitTitle(title);
  return (
    <div
      aria-hidden="true"
      className={`${width} film-poster relative flex aspect-[2/3] shrink-0 flex-col overflow-hidden rounded-sm shadow-md`}
      style={{ background, color: foreground }}
    >
      <div className="absolute inset-0" style={posterPattern(genres, year, foreground)} />
      <div className="relative flex flex-1 flex-col p-[8cqw]">
        <div className="h-[1.5cqw] w-1/3" style={{ background: foreground, opacity: 0.7 }} />
        {director ? (
          <p className="mt-[4cqw] truncate text-[6.5cqw] uppercase tracking-[0.18em] opacity-85">{director}</p>
        ) : null}
        <div
          className={`flex flex-1 flex-col ${layout === 0 ? "justify-end" : layout === 1 ? "justify-center text-center" : "justify-start pt-[6cqw]"}`}
        >
          <p
            className="font-serif font-bold uppercase"
            style={{ fontSize: `${titleSize}cqw`, lineHeight: 1.08, letterSpacing: `${TITLE_TRACKING}em` }}
          >
            {lines.map((line, i) => (
              <span key={i} className="block whitespace-nowrap">
                {line}
              </span>
            ))}
          </p>
        </div>
        {year ? <p className="mt-[3cqw] text-[7cqw] tracking-[0.3em] opacity-80">{year}</p> : null}
      </div>
    </div>
  );
}
