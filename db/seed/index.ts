import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { accounts, comments, filmCredits, films, people, ratings, reviews, users } from "../schema";
import { describeSummary, importCatalogue, loadVegaMovies, progressBar, type ImportProgress } from "./catalogue";
import { demoMembers, her, herComments, herReview } from "./demo";
import { slugify } from "../slug";

/**
 * Adds the demo members, "Her" with its credits, the demo review and its two
 * comments. Safe to run again: everything is looked up before it is added.
 */
export async function seedDemo(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const member of demoMembers) {
      await tx
        .insert(users)
        // Members since a month ago, so they joined before the demo review and comments they wrote.
        .values({
          handle: member.handle,
          name: member.name,
          email: member.email,
          role: member.role,
          createdAt: new Date(Date.now() - 30 * 24 * 3600 * 1000),
        })
        .onConflictDoNothing({ target: users.handle });
    }
    const members = await tx.select({ id: users.id, handle: users.handle }).from(users);
    const idOf = (handle: string) => {
      const found = members.find((m) => m.handle === handle);
      if (!found) throw new Error(`Demo member ${handle} is missing`);
      return found.id;
    };
    await tx
      .insert(accounts)
      .values(
        demoMembers.map((m) => ({
          userId: idOf(m.handle),
          type: "oauth" as const,
          provider: m.account.provider,
          providerAccountId: m.account.providerAccountId,
        })),
      )
      .onConflictDoNothing();

    const [inserted] = await tx
      .insert(films)
      .values({
        slug: her.slug,
        title: her.title,
        year: her.year,
        releaseDate: her.releaseDate,
        runtimeMinutes: her.runtimeMinutes,
        certificate: her.certificate,
        genres: her.genres,
        logline: her.logline,
        synopsis: her.synopsis,
      })
      .onConflictDoNothing({ target: films.slug })
      .returning({ id: films.id });
    if (!inserted) return;
    const filmId = inserted.id;

    const names = [...new Set([...her.directors, ...her.writers, ...her.cast.map((c) => c.name)])];
    await tx
      .insert(people)
      .values(names.map((name) => ({ name, slug: slugify(name) })))
      .onConflictDoNothing({ target: people.slug });
    const personRows = await tx
      .select({ id: people.id, name: people.name })
      .from(people)
      .where(inArray(people.name, names));
    const personId = (name: string) => personRows.find((p) => p.name === name)!.id;
    await tx.insert(filmCredits).values([
      ...her.directors.map((name, i) => ({
        filmId,
        personId: personId(name),
        role: "director" as const,
        billingOrder: i,
      })),
      ...her.writers.map((name, i) => ({ filmId, personId: personId(name), role: "writer" as const, billingOrder: i })),
      ...her.cast.map((c, i) => ({
        filmId,
        personId: personId(c.name),
        role: "cast" as const,
        billingOrder: i,
        character: c.character,
      })),
    ]);

    const authorId = idOf(herReview.authorHandle);
    await tx.insert(ratings).values([
      { userId: authorId, filmId, halfStars: herReview.halfStars },
      { userId: idOf("jonas"), filmId, halfStars: 7 },
    ]);
    const publishedAt = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    const [review] = await tx
      .insert(reviews)
      .values({
        filmId,
        authorId,
        body: herReview.body,
        verdict: herReview.verdict,
        status: "published",
        createdAt: publishedAt,
        publishedAt,
      })
      .returning({ id: reviews.id });
    let when = publishedAt.getTime();
    for (const comment of herComments) {
      when += 5 * 3600 * 1000;
      const member = demoMembers.find((m) => m.handle === comment.authorHandle)!;
      const [row] = await tx
        .insert(comments)
        .values({
          reviewId: review!.id,
          authorId: idOf(comment.authorHandle),
          body: comment.body,
          signedWithProvider: member.account.provider,
          signedWithAccountId: member.account.providerAccountId,
          createdAt: new Date(when),
        })
        .returning({ id: comments.id });
      await tx.update(comments).set({ threadRootId: row!.id }).where(eq(comments.id, row!.id));
    }
  });
}

/**
 * On a database with no films: the demo data (unless `demo` is false), then
 * the whole catalogue. Says what it does through `log` and `onProgress` (the
 * server passes its logger; a terminal gets plain lines and a progress bar).
 */
export async function seedIfEmpty(
  db: Database,
  options: { demo: boolean; log?: (line: string) => void; onProgress?: ImportProgress } = { demo: true },
): Promise<boolean> {
  const log = options.log ?? console.log;
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(films);
  if ((row?.n ?? 0) > 0) return false;
  if (options.demo) {
    log("Marquee: a new database; adding the demo members, “Her” and the film catalogue…");
    await seedDemo(db);
  } else {
    log("Marquee: a new database; adding the film catalogue…");
  }
  const summary = await importCatalogue(db, loadVegaMovies(), {
    onProgress: options.onProgress ?? progressBar("Importing films"),
  });
  log(describeSummary(summary));
  return true;
}
