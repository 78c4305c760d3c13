import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readFilm, readFilmPage } from "@/lib/cache/reads";
import { FilmArticle, filmMetadata } from "./_components/film-article";
import { isSlug, PLACEHOLDER_SLUG } from "@/lib/params";

type Params = Promise<{ slug: string }>;

/**
 * No film page is built with the app; each is prerendered on its first
 * request and kept until a write changes it. The placeholder makes the page
 * static (it is a 404 before any query).
 */
export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_SLUG }];
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const slug = (await params).slug;
  const film = isSlug(slug) ? await readFilm(slug) : null;
  if (!film) notFound();
  return filmMetadata(film);
}

export default async function FilmPage({ params }: { params: Params }) {
  const slug = (await params).slug;
  const reviewList = { sort: "newest", page: 1 } as const;
  const data = isSlug(slug) ? await readFilmPage(slug, reviewList) : null;
  if (!data) notFound();
  return <FilmArticle data={data} reviewList={reviewList} />;
}
