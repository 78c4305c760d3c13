import { posterStyle } from "@/components/films/film-poster";

/**
 * The Open Graph cards (1200×630), drawn by next/og: inline styles only, and
 * every element with more than one child is a flex box, as the renderer wants.
 * Text arrives already reduced to what the bundled fonts draw.
 */

const PAPER = "#faf6ee";
const INK = "#1d1a16";
const MUTED = "#6b6258";

function Poster({ title, year }: { title: string; year: number | null }) {
  const { background, foreground, layout } = posterStyle(title, year);
  const size = title.length > 28 ? 34 : title.length > 14 ? 42 : 52;
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: 330,
        height: 495,
        padding: 28,
        background,
        color: foreground,
        borderRadius: 6,
        boxShadow: "0 12px 30px rgba(0,0,0,0.25)",
      }}
    >
      <div style={{ display: "flex", width: 110, height: 8, background: foreground, opacity: 0.7 }} />
      <div
        style={{
          display: "flex",
          flexGrow: 1,
          flexDirection: "column",
          justifyContent: layout === 0 ? "flex-end" : layout === 1 ? "center" : "flex-start",
          paddingTop: layout === 2 ? 30 : 0,
          textAlign: layout === 1 ? "center" : "left",
        }}
      >
        <div style={{ display: "flex", fontSize: size, fontWeight: 700, lineHeight: 1.1, textTransform: "uppercase" }}>
          {title}
        </div>
      </div>
      {year ? (
        <div style={{ display: "flex", fontSize: 24, letterSpacing: 8, opacity: 0.8 }}>{String(year)}</div>
      ) : null}
    </div>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  return (
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        alignItems: "center",
        gap: 64,
        padding: "0 80px",
        background: PAPER,
        color: INK,
        fontFamily: "DejaVu Serif, DejaVu Sans",
      }}
    >
      {children}
    </div>
  );
}

function Brand() {
  return <div style={{ display: "flex", fontSize: 30, fontWeight: 700, color: MUTED, marginTop: 36 }}>Marquee</div>;
}

/** A film: its poster, title, year and mean rating. */
export function FilmOgCard({
  title,
  year,
  mean,
  ratingCount,
}: {
  title: string;
  year: number | null;
  /** "3.4", or null before anyone rated it. */
  mean: string | null;
  ratingCount: number;
}) {
  return (
    <Frame>
      <Poster title={title} year={year} />
      <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
        <div style={{ display: "flex", fontSize: title.length > 40 ? 52 : 68, fontWeight: 700, lineHeight: 1.1 }}>
          {title}
        </div>
        {year ? <div style={{ display: "flex", fontSize: 40, color: MUTED, marginTop: 12 }}>{String(year)}</div> : null}
        <div style={{ display: "flex", fontSize: 44, marginTop: 40 }}>
          {mean ? `${mean}/4 from ${ratingCount} ${ratingCount === 1 ? "rating" : "ratings"}` : "Not rated yet"}
        </div>
        <Brand />
      </div>
    </Frame>
  );
}

/** A review: the film, "3½/4", the verdict and the author. */
export function ReviewOgCard({
  title,
  year,
  rating,
  verdict,
  author,
}: {
  title: string;
  year: number | null;
  /** "3½/4", or null when the author has not rated the film. */
  rating: string | null;
  verdict: string;
  author: string;
}) {
  return (
    <Frame>
      <Poster title={title} year={year} />
      <div style={{ display: "flex", flexDirection: "column", flex: 1 }}>
        <div style={{ display: "flex", fontSize: 40, color: MUTED }}>{year ? `${title} (${year})` : title}</div>
        {rating ? <div style={{ display: "flex", fontSize: 110, fontWeight: 700, marginTop: 8 }}>{rating}</div> : null}
        <div style={{ display: "flex", fontSize: verdict.length > 90 ? 38 : 48, lineHeight: 1.25, marginTop: 16 }}>
          {`“${verdict}”`}
        </div>
        <div style={{ display: "flex", fontSize: 34, marginTop: 28 }}>{`by ${author}`}</div>
        <Brand />
      </div>
    </Frame>
  );
}
