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

/**
 * A typographic poster made from the title and year: the catalogue ships no
 * images, and nothing is fetched from elsewhere. Decorative; the title is
 * always written beside it, so it is hidden from assistive technology.
 */
export function FilmPoster({
  title,
  year,
  size = "md",
}: {
  title: string;
  year: number | null;
  size?: "sm" | "md" | "lg";
}) {
  const { background, foreground, layout } = posterStyle(title, year);
  const dimensions = { sm: "w-20 text-[0.6rem]", md: "w-32 text-xs", lg: "w-48 text-sm" }[size];
  const longestWord = Math.max(...title.split(/\s+/).map((w) => w.length));
  const titleSize = longestWord > 9 || title.length > 28 ? "0.95em" : title.length > 14 ? "1.1em" : "1.25em";
  return (
    <div
      aria-hidden="true"
      className={`${dimensions} relative flex aspect-[2/3] shrink-0 flex-col overflow-hidden rounded-sm p-2 shadow-md`}
      style={{ background, color: foreground }}
    >
      <div className="h-1 w-1/3" style={{ background: foreground, opacity: 0.7 }} />
      <div
        className={`flex flex-1 flex-col ${layout === 0 ? "justify-end" : layout === 1 ? "justify-center text-center" : "justify-start pt-3"}`}
      >
        <span
          className="font-serif font-bold uppercase leading-tight tracking-wide break-words hyphens-auto"
          style={{ fontSize: titleSize }}
        >
          {title}
        </span>
      </div>
      {year ? <span className="mt-1 tracking-[0.3em] opacity-80">{year}</span> : null}
    </div>
  );
}
