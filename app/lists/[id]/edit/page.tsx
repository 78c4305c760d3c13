import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ListFilmRows } from "@/components/lists/list-film-rows";
import { ListForm } from "@/components/lists/list-form";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Pagination } from "@/components/ui/pagination";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { getListPage } from "@/lib/lists/queries";
import { parseId, parsePage } from "@/lib/params";
import { refuseListEdit } from "@/lib/policy";
import { deleteListAction, moveFilmAction, removeFilmAction, updateListAction } from "../../actions";

type Params = Promise<{ id: string }>;
type Search = Promise<{ page?: string | string[] }>;

export const metadata: Metadata = { title: "Edit a list", robots: { index: false, follow: false } };

/** The owner's page for a list: its details, the order of its films, and deleting it. */
async function EditListContent({ params, searchParams }: { params: Params; searchParams: Search }) {
  const listId = parseId((await params).id);
  const page = parsePage((await searchParams).page);
  if (listId === null) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/lists/${listId}/edit`)}`);
  const data = await getListPage(listId, page, user.id);
  if (!data || refuseListEdit(user, { ownerId: data.list.ownerId, isPublic: data.list.isPublic })) notFound();
  const { list, films } = data;
  return (
    <div className="max-w-3xl space-y-8">
      <p>
        <Link href={`/lists/${list.id}`} className="text-[var(--color-accent)] hover:underline">
          ← Back to the list
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold break-words">Edit “{list.title}”</h1>
      <section aria-labelledby="details-heading" className="space-y-3">
        <h2 id="details-heading" className="font-serif text-2xl font-semibold">
          Details
        </h2>
        <ListForm action={updateListAction} list={list} submit="Save the list" />
      </section>
      <section aria-labelledby="order-heading" className="space-y-3">
        <h2 id="order-heading" className="font-serif text-2xl font-semibold">
          Films and their order
        </h2>
        <p className="text-sm text-[var(--color-muted)]">
          Add films from any film’s page with “Add to a list”. Move a film with its buttons, or type the position it
          should have.
        </p>
        <ListFilmRows
          listId={list.id}
          films={films.items}
          total={list.filmCount}
          move={moveFilmAction}
          remove={removeFilmAction}
        />
        <Pagination
          page={films.page}
          pageCount={films.pageCount}
          hrefFor={(p) => `/lists/${list.id}/edit?page=${p}`}
          label="Pages of this list"
        />
      </section>
      <section aria-labelledby="delete-heading" className="space-y-3">
        <h2 id="delete-heading" className="font-serif text-2xl font-semibold">
          Delete the list
        </h2>
        <ActionForm action={deleteListAction} idPrefix="delete-list" label="Delete the list" className="space-y-2">
          <input type="hidden" name="listId" value={list.id} />
          <DeleteConfirmation />
          <SubmitButton tone="danger">Delete this list</SubmitButton>
        </ActionForm>
      </section>
    </div>
  );
}

function DeleteConfirmation() {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" name="confirm" required />
      Yes, delete this list and its order for good (the films stay in the catalogue)
    </label>
  );
}

export default function EditListPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  return (
    <PerRequest what="your list">
      <EditListContent params={params} searchParams={searchParams} />
    </PerRequest>
  );
}
