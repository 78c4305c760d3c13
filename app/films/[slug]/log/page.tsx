import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { LogViewingForm } from "@/components/diary/log-viewing-form";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { latestDiaryDate, todayIso } from "@/lib/diary/schema";
import { getFilm } from "@/lib/films/film-page";
import { isSlug } from "@/lib/params";
import { SUSPENDED_CANNOT_POST, suspensionDetails } from "@/lib/policy";
import { getViewerFilmState } from "@/lib/reviews/queries";
import { filmLabel } from "@/lib/text";
import { isOnWatchlist } from "@/lib/watchlist/queries";
import { logViewingAction } from "../actions";

type Params = Promise<{ slug: string }>;

export const metadata: Metadata = { title: "Log a viewing", robots: { index: false, follow: false } };

/** The signed-in member's form to log a viewing of one film in their diary. */
async function LogViewing({ params }: { params: Params }) {
  const slug = (await params).slug;
  const film = isSlug(slug) ? await getFilm(slug) : null;
  if (!film) notFound();
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/films/${film.slug}/log`)}`);
  const label = filmLabel(film);
  const back = (
    <p>
      <Link href={`/films/${film.slug}`} className="text-[var(--color-accent)] hover:underline">
        ← {label}
      </Link>
    </p>
  );
  if (user.suspended) {
    return (
      <>
        {back}
        <h1 className="font-serif text-3xl font-bold break-words">Log a viewing of {label}</h1>
        <p role="note">
          {SUSPENDED_CANNOT_POST}
          {suspensionDetails(user)}
        </p>
      </>
    );
  }
  const [state, onWatchlist] = await Promise.all([
    getViewerFilmState(user.id, film.id),
    isOnWatchlist(user.id, film.id),
  ]);
  return (
    <>
      {back}
      <h1 className="font-serif text-3xl font-bold break-words">Log a viewing of {label}</h1>
      <LogViewingForm
        action={logViewingAction}
        film={{ id: film.id, title: film.title }}
        today={todayIso()}
        latest={latestDiaryDate()}
        halfStars={state.halfStars}
        hasReview={state.review !== null}
        onWatchlist={onWatchlist}
      />
      <p>
        <Link href={`/members/${user.handle}/diary`} className="text-[var(--color-accent)] hover:underline">
          Your diary
        </Link>
      </p>
    </>
  );
}

export default function LogViewingPage({ params }: { params: Params }) {
  return (
    <div className="max-w-3xl space-y-6">
      <PerRequest what="the log form">
        <LogViewing params={params} />
      </PerRequest>
    </div>
  );
}
