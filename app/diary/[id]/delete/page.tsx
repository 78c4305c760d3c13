import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { getDiaryEntry } from "@/lib/diary/queries";
import { formatDiaryDate } from "@/lib/diary/schema";
import { parseId } from "@/lib/params";
import { refuseDiaryEntryDelete } from "@/lib/policy";
import { filmLabel } from "@/lib/text";
import { deleteDiaryEntryAction } from "../../actions";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Delete a diary entry", robots: { index: false, follow: false } };

/** The owner's confirmation before one diary entry goes; anyone else finds nothing here. */
async function DeleteEntry({ params }: { params: Params }) {
  const entryId = parseId((await params).id);
  if (entryId === null) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/diary/${entryId}/delete`)}`);
  const entry = await getDiaryEntry(entryId);
  if (!entry || refuseDiaryEntryDelete(user, entry)) notFound();
  const label = filmLabel(entry.film);
  const when = entry.watchedOn ? ` on ${formatDiaryDate(entry.watchedOn)}` : "";
  return (
    <>
      <p>
        <Link href={`/members/${user.handle}/diary`} className="text-[var(--color-accent)] hover:underline">
          ← Your diary
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold break-words">Delete a diary entry</h1>
      <p>
        {entry.rewatch ? "Your rewatch of " : "Your viewing of "}
        <Link href={`/films/${entry.film.slug}`} className="font-medium text-[var(--color-accent)] hover:underline">
          {label}
        </Link>
        {when}. Your rating and your review of the film stay as they are.
      </p>
      <ActionForm
        action={deleteDiaryEntryAction}
        idPrefix="delete-entry"
        label="Delete the entry"
        className="space-y-2"
      >
        <input type="hidden" name="entryId" value={entry.id} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirm" required />
          Yes, delete this entry from my diary
        </label>
        <SubmitButton tone="danger">Delete the entry</SubmitButton>
      </ActionForm>
    </>
  );
}

export default function DeleteDiaryEntryPage({ params }: { params: Params }) {
  return (
    <div className="max-w-3xl space-y-6">
      <PerRequest what="the diary entry">
        <DeleteEntry params={params} />
      </PerRequest>
    </div>
  );
}
