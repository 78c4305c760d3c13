import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { readFilmPage } from "@/lib/cache/reads";
import { filmReviewsHref, parseReviewListSegments, REVIEW_SORT_LABELS } from "@/lib/reviews/params";
import { filmLabel } from "@/lib/text";
import { FilmArticle, filmMetadata } from "../../../_components/film-article";
import { isSlug, PLACEHOLDER_SLUG } from "@/lib/params";

type Params = Promise<{ slug: string; sort: string; page: string }>;

export function generateStaticParams() {
  return [{ slug: PLACEHOLDER_SLUG, sort: "newest", page: "2" }];
}

async function load(params: Params) {
  const { slug, sort, page } = await params;
  const reviewList = parseReviewListSegments(sort, page);
  const data = isSlug(slug) && reviewList ? await readFilmPage(slug, reviewList) : null;
  if (!data || !reviewList) notFound();
  return { data, reviewList };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { data, reviewList } = await load(params);
  return {
    ...filmMetadata(data.film, filmReviewsHref(data.film.slug, reviewList).replace(/#.*$/, "")),
    title: `${filmLabel(data.film)}: reviews, ${REVIEW_SORT_LABELS[reviewList.sort].toLowerCase()}, page ${reviewList.page}`,
  };
}

/** A film page showing another sort or page of its reviews. */
export default async function FilmReviewsPage({ params }: { params: Params }) {
  const { data, reviewList } = await load(params);
  return <FilmArticle data={data} reviewList={reviewList} />;
}
