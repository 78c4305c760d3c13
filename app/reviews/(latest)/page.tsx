import type { Metadata } from "next";
import { connection } from "next/server";
import { SiteReviewCard } from "@/components/reviews/site-review-card";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import { readLatestReviews, readRatingDistributions } from "@/lib/cache/reads";
import { parsePage } from "@/lib/params";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const hrefFor = (page: number) => (page > 1 ? `/reviews?page=${page}` : "/reviews");

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const page = parsePage((await searchParams).page);
  return {
    title: page > 1 ? `Latest reviews, page ${page}` : "Latest reviews",
    description: "Every review published on Marquee, newest first.",
    alternates: {
      canonical: hrefFor(page),
      types: { "application/rss+xml": [{ url: "/feeds/reviews.xml", title: "The latest reviews on Marquee" }] },
    },
  };
}

/** Every published review, newest first, a page at a time; rendered for each request from a cached read. */
export default async function ReviewsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const page = parsePage((await searchParams).page);
  const result = await readLatestReviews(page);
  const distributions = await readRatingDistributions(result.items.map((review) => review.author.handle));
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-bold">Latest reviews</h1>
      <PageStatus
        page={result}
        noun={["review", "reviews"]}
        empty="No reviews have been published yet."
        hrefFor={hrefFor}
      />
      {result.items.length ? (
        <ol aria-label="Reviews" className="space-y-8">
          {result.items.map((review) => (
            <li key={review.id}>
              <SiteReviewCard review={review} headingLevel={2} authorRatings={distributions[review.author.handle]} />
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} label="Review pages" />
    </div>
  );
}
