import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parseId } from "@/lib/params";
import { reviewThreadHref } from "@/lib/reviews/params";
import { ReviewArticle, reviewMetadata, reviewTitle } from "../../../_components/review-article";
import { loadSharedReview, pageSegment, PLACEHOLDER_ID } from "../../../_components/load";

type Params = Promise<{ id: string; root: string; page?: string[] }>;

export function generateStaticParams() {
  return [{ id: PLACEHOLDER_ID, root: PLACEHOLDER_ID, page: [] }];
}

async function load(params: Params) {
  const { id, root, page = [] } = await params;
  const review = await loadSharedReview(id);
  const rootId = parseId(root);
  const threadPage = page.length === 0 ? 1 : page.length === 1 ? pageSegment(page[0]) : null;
  if (!review || rootId === null || threadPage === null) notFound();
  return { review, rootId, threadPage };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { review, rootId, threadPage } = await load(params);
  return {
    ...reviewMetadata(review, reviewThreadHref(review.id, rootId, threadPage)),
    title: `${reviewTitle(review)}, one thread`,
  };
}

/** One long thread of a review's comments read on its own, 200 comments a page. */
export default async function ReviewThreadPage({ params }: { params: Params }) {
  const { review, rootId, threadPage } = await load(params);
  return <ReviewArticle review={review} comments={{ threadId: rootId, threadPage }} shared />;
}
