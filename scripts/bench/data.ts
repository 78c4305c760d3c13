import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, comments, films, ratings, reviews, users } from "@/db/schema";
import { seedIfEmpty } from "@/db/seed";
import { marqueeAdapter } from "@/lib/auth/adapter";

/** What the benchmark measures, found or made by `seedBenchData`. */
export interface BenchData {
  /** The demo review of "Her" with 200 comments. */
  smallReviewId: number;
  mediumReviewId: number;
  largeReviewId: number;
  pathologicalReviewId: number;
  /** A review whose first thread is a comment of 5,000 `>`. */
  pathologicalCommentReviewId: number;
  /** The review the write load posts on (starts with a handful of comments). */
  writeReviewId: number;
  /** The oldest thread of the 200-comment review: replies to it show on the first page. */
  freshnessParentId: number;
  memberHandle: string;
  /** Session tokens of bench members, made through the Auth.js adapter. */
  writers: { handle: string; sessionToken: string }[];
  /** A member who has commented on the 200-comment review. */
  reader: { handle: string; sessionToken: string };
  commentCounts: { small: number; medium: number; large: number };
}

export const COMMENT_COUNTS = { small: 200, medium: 2_000, large: 20_000 } as const;
const WRITERS = 100;
const RATED_FILMS = 50;
const BATCH = 1_000;

/** A small deterministic generator, so every run seeds the same shape. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENINGS = [
  "I went back to this after reading the review,",
  "Watched it again on a rainy Sunday and",
  "My sister saw it first and warned me that",
  "The second act is where it won me over:",
  "Counterpoint, with affection:",
  "Small thing, but",
  "I keep thinking about the last scene, because",
  "Coming from the other side of this argument,",
];
const MIDDLES = [
  "the score does half the emotional work without ever asking for attention",
  "the city looks like a place people actually live in, not a set",
  "the pacing is slower than I remembered and that is exactly right",
  "the *quiet* moments carry more weight than the big speeches",
  "every performance is pitched a little lower than you expect",
  "the script trusts the audience to sit with an awkward silence",
  "the colour palette tells you how the lead feels before he does",
  "the supporting cast gets **one perfect scene** each",
];
const CLOSINGS = [
  "I did not expect to be this moved by it.",
  "It holds up better than most films from that year.",
  "Curious whether anyone else read the ending the same way.",
  "Worth a second watch with headphones.",
  "It is the rare film that gets kinder the more you think about it.",
  "I would put it on a list of films to show a friend who says they hate romances.",
];

function commentBody(random: () => number, n: number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const first = `${pick(OPENINGS)} ${pick(MIDDLES)}. ${pick(CLOSINGS)}`;
  // About a third of the comments run to a second paragraph.
  return random() < 0.35 ? `${first}\n\n${pick(OPENINGS)} ${pick(MIDDLES)} (note ${n}).` : `${first} (note ${n})`;
}

const REVIEW_BODY = [
  "This is a film that takes its time and earns every minute of it. The opening twenty minutes set up a world with almost no exposition, and by the time the plot arrives you already know these people.",
  "",
  "The lead performance is the reason to watch: restrained, funny in places you would not expect, and *devastating* in one scene near the end that I will not spoil here.",
  "",
  "- The photography favours long takes over cutting.",
  "- The score is sparse and mostly strings.",
  "- The ending is open without being vague.",
  "",
  "> Not every film needs to explain itself, and this one knows it.",
  "",
  "Recommended, especially on a big screen.",
].join("\n");

/** 20,000 characters of nested emphasis: a body no form would accept, as an import or a hand fix in SQL could store it. */
export const PATHOLOGICAL_REVIEW_BODY = "*".repeat(10_000) + "a" + "*".repeat(9_999);
/** 5,000 `>`: the longest comment the form allows, every character a quote marker. */
export const PATHOLOGICAL_COMMENT_BODY = ">".repeat(5_000);

type Member = { id: string; handle: string; provider: string; providerAccountId: string };

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * `count` comments on `reviewId`: three quarters top-level, one quarter
 * replies (most one level deep, some nested down to the deepest level),
 * spread between `from` and now. Inserted level by level, many rows a statement.
 */
async function addComments(
  db: Database,
  reviewId: number,
  count: number,
  members: Member[],
  from: Date,
  random: () => number,
  extraFirst?: { body: string; member: Member },
): Promise<void> {
  const replies = Math.floor(count / 4);
  const roots = count - replies - (extraFirst ? 1 : 0);
  const span = Date.now() - 60_000 - from.getTime();
  const member = () => members[Math.floor(random() * members.length)]!;
  const rootRows: (typeof comments.$inferInsert)[] = [];
  if (extraFirst) {
    rootRows.push({
      reviewId,
      authorId: extraFirst.member.id,
      body: extraFirst.body,
      signedWithProvider: extraFirst.member.provider,
      signedWithAccountId: extraFirst.member.providerAccountId,
      createdAt: new Date(from.getTime() + 1_000),
    });
  }
  for (let i = 0; i < roots; i++) {
    const m = member();
    rootRows.push({
      reviewId,
      authorId: m.id,
      body: commentBody(random, i),
      signedWithProvider: m.provider,
      signedWithAccountId: m.providerAccountId,
      createdAt: new Date(from.getTime() + 2_000 + Math.floor(((i + 1) / (roots + 1)) * span * 0.8)),
    });
  }
  type Placed = { id: number; threadRootId: number; createdAt: Date };
  let previous: Placed[] = [];
  await insertInBatches(rootRows, async (batch) => {
    const inserted = await db
      .insert(comments)
      .values(batch)
      .returning({ id: comments.id, createdAt: comments.createdAt });
    previous.push(...inserted.map((r) => ({ id: r.id, threadRootId: r.id, createdAt: r.createdAt })));
  });
  await db
    .update(comments)
    .set({ threadRootId: sql`${comments.id}` })
    .where(and(eq(comments.reviewId, reviewId), isNull(comments.parentId), isNull(comments.threadRootId)));

  // Replies by depth: 60% at depth 1, then 24%, 10% and 6% down to depth 4.
  const shares = [0.6, 0.24, 0.1, 0.06];
  let left = replies;
  for (let depth = 1; depth <= 4 && left > 0 && previous.length > 0; depth++) {
    const n = depth === 4 ? left : Math.min(left, Math.round(replies * shares[depth - 1]!));
    left -= n;
    const rows: (typeof comments.$inferInsert)[] = [];
    for (let i = 0; i < n; i++) {
      const parent = previous[Math.floor(random() * previous.length)]!;
      const m = member();
      const after = Math.min(
        Date.now() - 30_000,
        parent.createdAt.getTime() + 60_000 + Math.floor(random() * 3 * 3600_000),
      );
      rows.push({
        reviewId,
        authorId: m.id,
        parentId: parent.id,
        threadRootId: parent.threadRootId,
        depth,
        body: commentBody(random, 100_000 * depth + i),
        signedWithProvider: m.provider,
        signedWithAccountId: m.providerAccountId,
        createdAt: new Date(after),
      });
    }
    const next: Placed[] = [];
    await insertInBatches(rows, async (batch) => {
      const inserted = await db
        .insert(comments)
        .values(batch)
        .returning({ id: comments.id, threadRootId: comments.threadRootId, createdAt: comments.createdAt });
      next.push(...inserted.map((r) => ({ id: r.id, threadRootId: r.threadRootId!, createdAt: r.createdAt })));
    });
    previous = next;
  }
}

/**
 * The repo's own seed (demo members, "Her", its review, the catalogue), then
 * the benchmark's data: 100 members with sessions, about 50 rated films, the
 * reviews with 200, 2,000 and 20,000 comments, a review of pathological
 * Markdown and a pathological comment, all written straight to the database.
 */
export async function seedBenchData(db: Database, log: (line: string) => void): Promise<BenchData> {
  await seedIfEmpty(db, { demo: true, log });
  const random = prng(20131218);

  const [demoReview] = await db
    .select({ id: reviews.id, filmId: reviews.filmId, publishedAt: reviews.publishedAt })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .where(eq(films.slug, "her"))
    .orderBy(asc(reviews.id))
    .limit(1);
  if (!demoReview) throw new Error("The demo seed left no review of “Her”.");

  log(`bench data: ${WRITERS} members…`);
  const tag = Date.now().toString(36);
  const memberRows = Array.from({ length: WRITERS }, (_, i) => {
    const n = String(i + 1).padStart(3, "0");
    return { handle: `bench-${n}`, name: `Bench Reader ${n}`, email: `bench-${n}-${tag}@bench.marquee.test` };
  });
  const inserted = await db.insert(users).values(memberRows).returning({ id: users.id, handle: users.handle });
  const providers = ["google", "twitter", "facebook"] as const;
  const members: Member[] = inserted.map((u, i) => ({
    id: u.id,
    handle: u.handle,
    provider: providers[i % providers.length]!,
    providerAccountId: `${u.handle}-${tag}`,
  }));
  await db.insert(accounts).values(
    members.map((m) => ({
      userId: m.id,
      type: "oauth" as const,
      provider: m.provider,
      providerAccountId: m.providerAccountId,
    })),
  );

  // Films to review and rate: the catalogue's first titles, never "Her".
  const catalogue = await db
    .select({ id: films.id })
    .from(films)
    .where(ne(films.id, demoReview.filmId))
    .orderBy(asc(films.id))
    .limit(RATED_FILMS + 10);
  if (catalogue.length < RATED_FILMS + 10) throw new Error("The catalogue import left too few films.");
  const ratedFilmIds = [demoReview.filmId, ...catalogue.slice(0, RATED_FILMS - 1).map((f) => f.id)];

  log(`bench data: ratings of ${ratedFilmIds.length} films…`);
  const ratingRows: (typeof ratings.$inferInsert)[] = [];
  for (const filmId of ratedFilmIds) {
    const raters = 3 + Math.floor(random() * 30);
    const start = Math.floor(random() * members.length);
    for (let k = 0; k < raters; k++) {
      ratingRows.push({
        userId: members[(start + k) % members.length]!.id,
        filmId,
        halfStars: Math.floor(random() * 9),
      });
    }
  }
  await insertInBatches(ratingRows, (batch) => db.insert(ratings).values(batch).onConflictDoNothing());

  log("bench data: reviews…");
  const month = 30 * 24 * 3600_000;
  const publishedAt = new Date(Date.now() - month);
  const reviewFor = (index: number, author: Member, body = REVIEW_BODY) => ({
    filmId: catalogue[index]!.id,
    authorId: author.id,
    body,
    verdict: "Patient, warm and better on a second viewing.",
    status: "published" as const,
    createdAt: publishedAt,
    publishedAt,
  });
  // The member page: the demo critic (maya) gets a shelf of reviews beside her review of "Her".
  const [maya] = await db.select({ id: users.id }).from(users).where(eq(users.handle, "maya")).limit(1);
  if (!maya) throw new Error("The demo member maya is missing.");
  const mayaMember: Member = { id: maya.id, handle: "maya", provider: "twitter", providerAccountId: "demo-maya" };
  const shelf = Array.from({ length: 8 }, (_, i) => reviewFor(10 + i, mayaMember));
  await db
    .insert(ratings)
    .values(shelf.map((r) => ({ userId: maya.id, filmId: r.filmId, halfStars: 5 })))
    .onConflictDoNothing();
  const made = await db
    .insert(reviews)
    .values([
      reviewFor(0, members[0]!),
      reviewFor(1, members[1]!),
      reviewFor(2, members[2]!, PATHOLOGICAL_REVIEW_BODY),
      reviewFor(3, members[3]!),
      reviewFor(4, members[4]!),
      ...shelf,
    ])
    .returning({ id: reviews.id });
  const [medium, large, pathological, pathologicalComment, write] = made.map((r) => r.id) as [
    number,
    number,
    number,
    number,
    number,
  ];

  // The demo review already has two comments; top it up to 200.
  const [existing] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(comments)
    .where(eq(comments.reviewId, demoReview.id));
  const from = demoReview.publishedAt ?? publishedAt;
  log(`bench data: ${COMMENT_COUNTS.small.toLocaleString("en")} comments…`);
  await addComments(db, demoReview.id, COMMENT_COUNTS.small - (existing?.n ?? 0), members, from, random);
  log(`bench data: ${COMMENT_COUNTS.medium.toLocaleString("en")} comments…`);
  await addComments(db, medium, COMMENT_COUNTS.medium, members, publishedAt, random);
  log(`bench data: ${COMMENT_COUNTS.large.toLocaleString("en")} comments…`);
  await addComments(db, large, COMMENT_COUNTS.large, members, publishedAt, random);
  await addComments(db, pathologicalComment, 12, members, publishedAt, random, {
    body: PATHOLOGICAL_COMMENT_BODY,
    member: members[5]!,
  });
  await addComments(db, write, 8, members, publishedAt, random);

  const [firstThread] = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.reviewId, demoReview.id), isNull(comments.parentId)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(1);
  if (!firstThread) throw new Error("The 200-comment review has no thread.");

  // Sessions exactly as sign-in makes them: through the Auth.js Drizzle adapter.
  log("bench data: sessions…");
  const adapter = marqueeAdapter(db);
  const expires = new Date(Date.now() + 24 * 3600_000);
  const writers: BenchData["writers"] = [];
  for (const m of members) {
    const sessionToken = randomBytes(32).toString("hex");
    await adapter.createSession!({ sessionToken, userId: m.id, expires });
    writers.push({ handle: m.handle, sessionToken });
  }
  // The signed-in reader: a member with comments on the 200-comment review (so their own controls show).
  const [commenter] = await db
    .select({ handle: users.handle })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(
      and(
        eq(comments.reviewId, demoReview.id),
        inArray(
          users.handle,
          members.map((m) => m.handle),
        ),
      ),
    )
    .orderBy(asc(comments.id))
    .limit(1);
  const reader = writers.find((w) => w.handle === commenter?.handle) ?? writers[0]!;

  return {
    smallReviewId: demoReview.id,
    mediumReviewId: medium,
    largeReviewId: large,
    pathologicalReviewId: pathological,
    pathologicalCommentReviewId: pathologicalComment,
    writeReviewId: write,
    freshnessParentId: firstThread.id,
    memberHandle: "maya",
    writers,
    reader,
    commentCounts: { ...COMMENT_COUNTS },
  };
}

/** Of `markers`, those with no comment on `reviewId` whose body contains them. */
export async function missingMarkers(
  db: Database,
  reviewId: number,
  prefix: string,
  markers: string[],
): Promise<string[]> {
  const rows = await db
    .select({ body: comments.body })
    .from(comments)
    .where(and(eq(comments.reviewId, reviewId), sql`${comments.body} like ${`${prefix}%`}`));
  const found = new Set<string>();
  for (const row of rows) {
    const match = /\[(bench-[a-z0-9-]+)\]/.exec(row.body);
    if (match) found.add(match[1]!);
  }
  return markers.filter((m) => !found.has(m));
}
