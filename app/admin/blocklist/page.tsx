import type { Metadata } from "next";
import { addBlockedTermAction, removeBlockedTermAction } from "./actions";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddBlockedTermForm, RemoveBlockedTermForm } from "@/components/moderation/blocklist-forms";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth";
import { mayOpenAdmin } from "@/lib/policy";
import { listBlockedTerms } from "@/lib/moderation/blocklist";
import { parsePage } from "@/lib/params";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = { title: "Comment blocklist", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function BlocklistPageContent({ searchParams }: { searchParams: SearchParams }) {
  const user = await getCurrentUser();
  if (!user || !mayOpenAdmin(user)) notFound();
  const list = await listBlockedTerms(parsePage((await searchParams).page));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-serif text-3xl font-bold">Comment blocklist</h1>
        <Link href="/admin" className="text-[var(--color-accent)] hover:underline">
          Members and roles
        </Link>
      </div>
      <p className="max-w-2xl text-[var(--color-muted)]">
        A new comment that contains one of these words or phrases is held for a moderator instead of showing at once.
        Its author sees it as awaiting moderation.
      </p>
      <AddBlockedTermForm action={addBlockedTermAction} />
      {list.items.length === 0 ? (
        <p className="text-[var(--color-muted)]">The blocklist is empty.</p>
      ) : (
        <ul className="divide-y divide-[var(--color-line)]" aria-label="Blocked terms">
          {list.items.map((entry) => (
            <li key={entry.id} className="flex items-center justify-between gap-4 py-2">
              <span className="font-mono">{entry.term}</span>
              <RemoveBlockedTermForm action={removeBlockedTermAction} id={entry.id} term={entry.term} />
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(p) => `/admin/blocklist?page=${p}`}
        label="Blocklist pages"
      />
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function BlocklistPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <PerRequest what="the blocklist">
      <BlocklistPageContent searchParams={searchParams} />
    </PerRequest>
  );
}
