import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { getFilm } from "@/lib/films/film-page";
import { listListsForFilm } from "@/lib/lists/queries";
import { LIST_TITLE_MAX } from "@/lib/lists/schema";
import { isSlug } from "@/lib/params";
import { filmLabel } from "@/lib/text";
import { addFilmToListAction, addFilmToNewListAction } from "../../actions";

type Params = Promise<{ slug: string }>;

export const metadata: Metadata = { title: "Add to a list", robots: { index: false, follow: false } };

/** "Add to a list" from a film's page: one of the member's lists, or a new one. */
async function AddToList({ params }: { params: Params }) {
  const slug = (await params).slug;
  const film = isSlug(slug) ? await getFilm(slug) : null;
  if (!film) notFound();
  const label = filmLabel(film);
  const back = (
    <p>
      <Link href={`/films/${film.slug}`} className="text-[var(--color-accent)] hover:underline">
        ← {label}
      </Link>
    </p>
  );
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        {back}
        <h1 className="font-serif text-3xl font-bold">Add {label} to a list</h1>
        <p>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(`/lists/add/${film.slug}`)}`}
            className="font-medium text-[var(--color-accent)] hover:underline"
          >
            Sign in to make lists of films
          </Link>
        </p>
      </>
    );
  }
  const lists = await listListsForFilm(user.id, film.id);
  const holding = lists.filter((list) => list.hasFilm);
  return (
    <>
      {back}
      <h1 className="font-serif text-3xl font-bold break-words">Add {label} to a list</h1>
      {holding.length > 0 ? (
        <p className="text-sm">
          Already in:{" "}
          {holding.map((list, i) => (
            <span key={list.id}>
              {i > 0 ? ", " : null}
              <Link href={`/lists/${list.id}`} className="text-[var(--color-accent)] underline">
                {list.title}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {lists.length > 0 ? (
        <section aria-labelledby="existing-heading" className="space-y-3">
          <h2 id="existing-heading" className="font-serif text-2xl font-semibold">
            One of your lists
          </h2>
          <ActionForm
            action={addFilmToListAction}
            idPrefix="add-existing"
            label="Add to one of your lists"
            className="space-y-3"
          >
            <input type="hidden" name="filmId" value={film.id} />
            <ActionField
              name="listId"
              label="List"
              as="select"
              required
              options={lists.map((list) => ({
                value: String(list.id),
                label: list.hasFilm ? `${list.title} (has it already)` : list.title,
              }))}
            />
            <SubmitButton>Add to the list</SubmitButton>
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="new-heading" className="space-y-3">
        <h2 id="new-heading" className="font-serif text-2xl font-semibold">
          A new list
        </h2>
        <ActionForm action={addFilmToNewListAction} idPrefix="add-new" label="Add to a new list" className="space-y-3">
          <input type="hidden" name="filmId" value={film.id} />
          <ActionField name="title" label="Title of the new list" required maxLength={LIST_TITLE_MAX} />
          <SubmitButton>Make the list with this film</SubmitButton>
        </ActionForm>
      </section>
      <p>
        <Link href="/lists/mine" className="text-[var(--color-accent)] hover:underline">
          Your lists
        </Link>
      </p>
    </>
  );
}

export default function AddToListPage({ params }: { params: Params }) {
  return (
    <div className="max-w-3xl space-y-6">
      <PerRequest what="your lists">
        <AddToList params={params} />
      </PerRequest>
    </div>
  );
}
