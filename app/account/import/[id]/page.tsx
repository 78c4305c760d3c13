import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ConfirmImportForm } from "@/components/letterboxd/confirm-form";
import { ImportSummaryList } from "@/components/letterboxd/import-summary";
import { MatchedTable, NearMatches, Unmatched } from "@/components/letterboxd/preview-tables";
import { RatingRuleTable } from "@/components/letterboxd/rating-rule-table";
import { getCurrentUser } from "@/lib/auth";
import { getLetterboxdImport } from "@/lib/letterboxd/queries";
import { confirmLetterboxdAction } from "../actions";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = {
  title: "Your Letterboxd import",
  robots: { index: false },
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

async function LetterboxdPreviewPageContent({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=/account/import/${encodeURIComponent(id)}`);
  const found = await getLetterboxdImport(user.id, id);
  if (!found) notFound();
  const items = found.preview.items;
  const exact = items.filter((item) => item.match?.kind === "exact");
  const near = items.filter((item) => item.match?.kind === "near");
  const unmatched = items.filter((item) => !item.match);

  if (found.confirmedAt) {
    return (
      <div className="max-w-3xl space-y-6">
        <h1 className="font-serif text-4xl font-bold">Your Letterboxd import is saved</h1>
        {found.summary ? <ImportSummaryList summary={found.summary} /> : null}
        <p>
          <Link href={`/members/${user.handle}`} className="text-[var(--color-accent)] underline">
            See your profile
          </Link>{" "}
          or{" "}
          <Link href="/account/import" className="text-[var(--color-accent)] underline">
            import another export
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/account/import" className="text-[var(--color-accent)] underline">
            Upload a different export
          </Link>
        </p>
        <h1 className="font-serif text-4xl font-bold">Check your Letterboxd import</h1>
        <p>
          Nothing is saved yet. From {found.preview.files.join(", ")}: {count(items.length, "film", "films")},{" "}
          {count(exact.length, "matched", "matched")}, {count(near.length, "to check", "to check")},{" "}
          {count(unmatched.length, "not found", "not found")}. Anything you already have on Marquee for a film (a
          rating, a review) stays as it is.
        </p>
      </div>
      <details className="space-y-2">
        <summary className="cursor-pointer font-medium">How ratings convert</summary>
        <RatingRuleTable />
      </details>
      <ConfirmImportForm
        action={confirmLetterboxdAction}
        importId={found.id}
        hasReviews={items.some((item) => item.review)}
      >
        {near.length > 0 ? (
          <section aria-labelledby="near-heading" className="space-y-3">
            <h2 id="near-heading" className="font-serif text-2xl font-semibold">
              Check these: the year is one off
            </h2>
            <NearMatches items={near} />
          </section>
        ) : null}
        {unmatched.length > 0 ? (
          <section aria-labelledby="unmatched-heading" className="space-y-3">
            <h2 id="unmatched-heading" className="font-serif text-2xl font-semibold">
              Not found in the catalogue
            </h2>
            <p className="text-[var(--color-muted)]">Pick the film each one is, or leave it skipped.</p>
            <Unmatched items={unmatched} />
          </section>
        ) : null}
        {exact.length > 0 ? (
          <section aria-labelledby="matched-heading" className="space-y-3">
            <h2 id="matched-heading" className="font-serif text-2xl font-semibold">
              Matched ({exact.length.toLocaleString("en-GB")})
            </h2>
            <MatchedTable items={exact} />
          </section>
        ) : null}
      </ConfirmImportForm>
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function LetterboxdPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  return (
    <PerRequest what="the import">
      <LetterboxdPreviewPageContent params={params} />
    </PerRequest>
  );
}
