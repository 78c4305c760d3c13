import { cacheLife, cacheTag } from "next/cache";
import { ImageResponse } from "next/og";
import { FilmOgCard } from "@/components/og/og-cards";
import { readFilm } from "@/lib/cache/reads";
import { tags } from "@/lib/cache/tags";
import { drawable, OG_SIZE, ogFonts } from "@/lib/og/fonts";
import { isSlug, PLACEHOLDER_SLUG } from "@/lib/params";
import { formatMean } from "@/lib/ratings/scale";

export const alt = "The film's poster card on Marquee: its title, year and mean rating out of 4";
export const size = OG_SIZE;
export const contentType = "image/png";
/** None drawn at build time (the placeholder is a 404); each is drawn on its first request and cached under the film's tag. */
export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_SLUG }];
}

export default async function FilmOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  const png = isSlug(slug) ? await drawFilmCard(slug) : null;
  if (!png) return new Response("There is no such film.", { status: 404 });
  return new Response(png, { headers: { "Content-Type": contentType } });
}

/** The card's PNG, drawn once and kept under the film's tag (a new rating draws it again). */
async function drawFilmCard(slug: string): Promise<Uint8Array<ArrayBuffer> | null> {
  "use cache";
  cacheLife("shared");
  const film = await readFilm(slug);
  if (!film) return null;
  cacheTag(tags.film(film.id));
  const image = new ImageResponse(
    <FilmOgCard
      title={drawable(film.title, "Untitled")}
      year={film.year}
      mean={formatMean(film.halfStarsTotal, film.ratingCount)}
      ratingCount={film.ratingCount}
    />,
    { ...OG_SIZE, fonts: await ogFonts() },
  );
  return new Uint8Array(await image.arrayBuffer());
}
