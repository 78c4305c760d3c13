import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ImportSummaryList } from "@/components/letterboxd/import-summary";
import { RatingRuleTable } from "@/components/letterboxd/rating-rule-table";
import { LetterboxdUploadForm } from "@/components/letterboxd/upload-form";
import { getCurrentUser } from "@/lib/auth";
import { listConfirmedImports } from "@/lib/letterboxd/queries";
import { MAX_UPLOAD_BYTES } from "@/lib/letterboxd/schema";
import { suspensionDetails } from "@/lib/policy";
import { uploadLetterboxdAction } from "./actions";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = {
  title: "Import from Letterboxd",
  robots: { index: false },
};

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

async function LetterboxdImportPageContent() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/account/import");
  const past = await listConfirmedImports(user.id);
  return (
    <div className="max-w-3xl space-y-10">
      <div className="space-y-2">
        <p>
          <Link href="/account" className="text-[var(--color-accent)] underline">
            Your account
          </Link>
        </p>
        <h1 className="font-serif text-4xl font-bold">Import from Letterboxd</h1>
        <p className="text-[var(--color-muted)]">
          Bring your ratings, reviews, diary and watchlist. You see everything before it is saved, and importing the
          same export again adds nothing: what is already here stays as it is.
        </p>
        {user.suspended ? (
          <p role="status" className="rounded border-l-4 border-[var(--color-accent)] bg-[var(--color-card)] p-3">
            Your account is suspended, so you cannot import ratings or reviews for now.
            {suspensionDetails(user)}
          </p>
        ) : null}
      </div>

      <section aria-labelledby="upload-heading" className="space-y-4">
        <h2 id="upload-heading" className="font-serif text-2xl font-semibold">
          Upload your export
        </h2>
        <LetterboxdUploadForm action={uploadLetterboxdAction} maxMegabytes={MAX_UPLOAD_BYTES / 1024 / 1024} />
      </section>

      <section aria-labelledby="rule-heading" className="space-y-4">
        <h2 id="rule-heading" className="font-serif text-2xl font-semibold">
          How ratings convert
        </h2>
        <RatingRuleTable />
        <p className="text-sm text-[var(--color-muted)]">
          Films are matched by title (capitals and accents aside) and year. A film listed a year either side is shown
          for you to check; films the catalogue lacks are listed so you can pick one or skip them.
        </p>
      </section>

      {past.length > 0 ? (
        <section aria-labelledby="past-heading" className="space-y-4">
          <h2 id="past-heading" className="font-serif text-2xl font-semibold">
            Your earlier imports
          </h2>
          <ul className="space-y-4">
            {past.map((item) => (
              <li key={item.id} className="space-y-1">
                <p className="font-medium">
                  <time dateTime={item.confirmedAt.toISOString()}>{when.format(item.confirmedAt)}</time> UTC, from{" "}
                  {item.files.join(", ")}
                </p>
                {item.summary ? <ImportSummaryList summary={item.summary} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function LetterboxdImportPage() {
  return (
    <PerRequest what="the import">
      <LetterboxdImportPageContent />
    </PerRequest>
  );
}
