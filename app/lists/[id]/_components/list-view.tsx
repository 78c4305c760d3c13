import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListArticle } from "@/components/lists/list-article";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { readPublicListPage } from "@/lib/cache/reads";
import { getListPage, likesList } from "@/lib/lists/queries";
import { isPoster } from "@/lib/policy";
import { likeListAction } from "../../actions";

/** The placeholder list pages are prerendered with at build time: not an id, so a 404 before any query. */
export const PLACEHOLDER_ID = "-";

export async function listMetadata(listId: number | null, page: number): Promise<Metadata> {
  const shared = listId === null ? null : await readPublicListPage(listId, page);
  if (!shared) return { title: "A list on Marquee", robots: { index: false, follow: false } };
  const { title, ownerName } = shared.list;
  return {
    title: page > 1 ? `${title}, page ${page}` : title,
    description: `A list of films by ${ownerName} on Marquee.`,
  };
}

/**
 * A list's page. A public list comes from the shared cache with the reader's
 * own controls streaming in beside it; anything else is looked for as the
 * reader's own private list, per request, and is a 404 for everyone else.
 */
export async function ListView({ listId, page }: { listId: number | null; page: number }) {
  if (listId === null) notFound();
  const shared = await readPublicListPage(listId, page);
  if (shared) {
    return (
      <ListArticle
        data={shared}
        controls={
          <PerRequest what="your list controls">
            <ReaderControls listId={listId} ownerId={shared.list.ownerId} likeCount={shared.list.likeCount} />
          </PerRequest>
        }
      />
    );
  }
  return (
    <PerRequest what="the list">
      <OwnPrivateList listId={listId} page={page} />
    </PerRequest>
  );
}

async function OwnPrivateList({ listId, page }: { listId: number; page: number }) {
  const user = await getCurrentUser();
  const data = user ? await getListPage(listId, page, user.id) : null;
  if (!data || !user || data.list.ownerId !== user.id) notFound();
  return <ListArticle data={data} controls={<EditLink listId={listId} />} />;
}

function EditLink({ listId }: { listId: number }) {
  return (
    <p>
      <Link href={`/lists/${listId}/edit`} className={buttonClass("plain", "small")}>
        Edit this list
      </Link>
    </p>
  );
}

/** Edit for the owner, Like / Unlike for other members, a sign-in link for visitors. */
async function ReaderControls({ listId, ownerId, likeCount }: { listId: number; ownerId: string; likeCount: number }) {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <p className="text-sm">
        <Link
          href={`/signin?callbackUrl=${encodeURIComponent(`/lists/${listId}`)}`}
          className="font-medium text-[var(--color-accent)] hover:underline"
        >
          Sign in to like this list
        </Link>
      </p>
    );
  }
  if (user.id === ownerId) return <EditLink listId={listId} />;
  if (!isPoster(user)) return null;
  const liked = await likesList(user.id, listId);
  return (
    <ActionForm action={likeListAction} idPrefix="like-list" label="Like this list" className="flex items-center gap-3">
      <input type="hidden" name="listId" value={listId} />
      <input type="hidden" name="like" value={liked ? "0" : "1"} />
      <SubmitButton tone={liked ? "plain" : "primary"}>{liked ? "Unlike this list" : "Like this list"}</SubmitButton>
      <span className="sr-only">{`${likeCount} likes`}</span>
    </ActionForm>
  );
}
