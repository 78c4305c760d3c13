import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The fonts the Open Graph images are drawn with: DejaVu (TrueType, from the
 * dejavu-fonts-ttf package) read from node_modules, so nothing is fetched.
 * Satori reads TrueType and OpenType, not WOFF2.
 */
export interface OgFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: "normal";
}

const FILES: { file: string; name: string; weight: 400 | 700 }[] = [
  { file: "DejaVuSerif-Bold.ttf", name: "DejaVu Serif", weight: 700 },
  { file: "DejaVuSerif.ttf", name: "DejaVu Serif", weight: 400 },
  { file: "DejaVuSans.ttf", name: "DejaVu Sans", weight: 400 },
];

let loaded: Promise<OgFont[]> | undefined;

export function ogFonts(): Promise<OgFont[]> {
  loaded ??= Promise.all(
    FILES.map(async ({ file, name, weight }) => ({
      name,
      weight,
      style: "normal" as const,
      data: await readFile(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", file)),
    })),
  ).catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

/** Open Graph images are 1200×630, the size every network crops to. */
export const OG_SIZE = { width: 1200, height: 630 };

// Latin, Greek and Cyrillic letters, punctuation, currency, letterlike symbols and fractions: what DejaVu draws.
const DRAWABLE = /[^\u0009\u0020-\u052f\u1e00-\u1fff\u2000-\u206f\u20a0-\u20cf\u2100-\u218f]/gu;

/**
 * Text a member wrote, reduced to what the bundled fonts draw: anything else
 * (emoji, scripts DejaVu lacks) would make the renderer fetch a font or an
 * emoji image from the network.
 */
export function drawable(text: string, fallback = ""): string {
  const kept = text.replace(DRAWABLE, "").replace(/\s+/g, " ").trim();
  return kept || fallback;
}
