import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordEntryItem } from "@/components/moderation/moderation-record";
import { readCommentRecordEntry } from "@/lib/cache/reads";
import { parseId } from "@/lib/params";

type Params = Promise<{ id: string }>;

/** Not an id: prerendered at build time as a 404, before any query. */
export function generateStaticParams() {
  return [{ id: "-" }];
}

export const metadata: Metadata = { title: "A removed comment" };

/** The public record's entry for one removed comment: where its tombstone in the thread links. */
export default async function CommentRecordPage({ params }: { params: Params }) {
  const commentId = parseId((await params).id);
  const entry = commentId === null ? null : await readCommentRecordEntry(commentId);
  if (!entry) notFound();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/moderation/record" className="text-[var(--color-accent)] underline">
          ← The whole moderation record
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">A removed comment</h1>
      <RecordEntryItem entry={entry} />
    </div>
  );
}
