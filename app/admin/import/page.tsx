import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HandOverForm } from "@/components/imports/hand-over-form";
import { WordPressUploadForm } from "@/components/imports/wordpress-upload-form";
import { getCurrentUser } from "@/lib/auth";
import { listImportedMembers } from "@/lib/imports/admin";
import { mayOpenAdmin } from "@/lib/policy";
import { handOverAction, importWordPressAction } from "./actions";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = {
  title: "Import from WordPress",
  robots: { index: false },
};

async function AdminImportPageContent() {
  const user = await getCurrentUser();
  // As on /admin: for anyone but an admin the page does not exist.
  if (!user || !mayOpenAdmin(user)) notFound();
  const imported = await listImportedMembers();
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin" className="text-[var(--color-accent)] hover:underline">
          ← Members and roles
        </Link>
      </p>
      <h1 className="font-serif text-4xl font-bold">Import from WordPress</h1>
      <p className="max-w-2xl text-[var(--color-muted)]">
        Each published post becomes a review of its film (matched in the catalogue by title and year, or added), rated
        from its closing line such as “My Rating: 4/4 – …”; posts without one stay drafts. Approved comments keep their
        threads and dates, signed “via WordPress import”; pending, spam and trashed ones are skipped. E-mail addresses
        are never kept. Importing the same file again adds nothing.
      </p>

      <section aria-labelledby="upload-heading" className="space-y-3">
        <h2 id="upload-heading" className="font-serif text-2xl font-semibold">
          Upload an export
        </h2>
        <WordPressUploadForm action={importWordPressAction} />
      </section>

      <section aria-labelledby="imported-heading" className="space-y-3">
        <h2 id="imported-heading" className="font-serif text-2xl font-semibold">
          Imported members
        </h2>
        {imported.length === 0 ? (
          <p className="text-[var(--color-muted)]">Nobody imported is waiting to be handed over.</p>
        ) : (
          <>
            <p className="max-w-2xl text-[var(--color-muted)]">
              Authors of imported posts are members without a sign-in account. When the blogger joins Marquee, hand
              their reviews, ratings and comments to their new account.
            </p>
            <ul className="space-y-1">
              {imported.map((member) => (
                <li key={member.handle}>
                  <Link href={`/members/${member.handle}`} className="font-medium hover:underline">
                    {member.name}
                  </Link>{" "}
                  <span className="text-[var(--color-muted)]">
                    @{member.handle} · imported from WordPress · {member.reviews}{" "}
                    {member.reviews === 1 ? "review" : "reviews"}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        <HandOverForm action={handOverAction} handles={imported.map((m) => m.handle)} />
      </section>
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function AdminImportPage() {
  return (
    <PerRequest what="the imports">
      <AdminImportPageContent />
    </PerRequest>
  );
}
