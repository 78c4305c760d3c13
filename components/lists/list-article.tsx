import Link from "next/link";
import type { ReactNode } from "react";
import { PageStatus, Pagination } from "@/components/ui/pagination";
import type { ListPage } from "@/lib/lists/queries";
import { filmLabel, pluralize } from "@/lib/text";

/** Where page `page` of list `listId` lives (the first page is the list's own address). */
export function listPageHref(listId: number, page: number): string {
  return page <= 1 ? `/lists/${listId}` : `/lists/${listId}/films/${page}`;
}

/** A list with one page of its films: the same for every reader; `controls` is the reader's own part. */
export function ListArticle({ data, controls }: { data: ListPage; controls: ReactNode }) {
  const { list, films } = data;
  const hrefFor = (p: number) => listPageHref(list.id, p);
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-4xl font-bold break-words">{list.title}</h1>
        <p className="text-[var(--color-muted)]">
          A list by{" "}
          <Link href={`/members/${list.ownerHandle}`} className="text-[var(--color-accent)] underline">
            {list.ownerName}
          </Link>{" "}
          · {pluralize(list.filmCount, "film")} · {pluralize(list.likeCount, "like")}
          {list.isPublic ? null : " · private: only you can see it"}
        </p>
        {controls}
      </header>
      {list.descriptionHtml ? (
        <div
          className="review-body max-w-3xl space-y-3 leading-relaxed"
          // Safe: renderMarkdown drops raw HTML and sanitizes its output when the list is saved.
          dangerouslySetInnerHTML={{ __html: list.descriptionHtml }}
        />
      ) : null}
      <section aria-labelledby="list-films-heading" className="space-y-3">
        <h2 id="list-films-heading" className="font-serif text-2xl font-semibold">
          Films
        </h2>
        <PageStatus page={films} noun={["film", "films"]} empty="No films in this list yet." hrefFor={hrefFor} />
        {films.items.length > 0 ? (
          <ol className="space-y-1">
            {films.items.map((film) => (
              <li key={film.filmId} className="flex gap-3">
                <span className="w-10 shrink-0 text-right text-[var(--color-muted)]">{film.position}.</span>
                <Link href={`/films/${film.slug}`} className="text-[var(--color-accent)] hover:underline">
                  {filmLabel(film)}
                </Link>
              </li>
            ))}
          </ol>
        ) : null}
        <Pagination page={films.page} pageCount={films.pageCount} hrefFor={hrefFor} label="Pages of this list" />
      </section>
    </article>
  );
}
