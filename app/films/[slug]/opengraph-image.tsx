import { ImageResponse } from "next/og";
import { FilmOgCard } from "@/components/og/og-cards";
import { getFilm } from "@/lib/films/film-page";
import { drawable, OG_SIZE, ogFonts } from "@/lib/og/fonts";
import { formatMean } from "@/lib/ratings/scale";

export const alt = "The film's poster card on Marquee: its title, year and mean rating out of 4";
export const size = OG_SIZE;
export const contentType = "image/png";
// Drawn once, then served from the cache; the mean rating may lag by up to an hour.
export const revalidate = 3600;

/** None drawn at build time; each is drawn on its first request and then cached (an empty list makes the route cacheable). */
export function generateStaticParams(): never[] {
  return [];
}

export default async function FilmOpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const film = await getFilm((await params).slug);
  if (!film) return new Response("There is no such film.", { status: 404 });
  return new ImageResponse(
    <FilmOgCard
      title={drawable(film.title, "Untitled")}
      year={film.year}
      mean={formatMean(film.halfStarsTotal, film.ratingCount)}
      ratingCount={film.ratingCount}
    />,
    { ...OG_SIZE, fonts: await ogFonts() },
  );
}
