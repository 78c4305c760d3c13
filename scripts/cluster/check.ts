import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { reviews, users } from "@/db/schema";
import { marqueeAdapter } from "@/lib/auth/adapter";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { findPostCommentAction, postComment } from "../bench/http";

/** How soon a comment posted through one instance must be on another's page. */
export const PROPAGATION_LIMIT_MS = 1_000;

export interface CheckStep {
  postedThrough: string;
  readFrom: string;
  ok: boolean;
  /** From the post's answer to the first page that showed the comment (or the time waited in vain). */
  ms: number;
  detail: string;
}

async function page(url: string): Promise<{ status: number; html: string; cache: string }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, html: await response.text(), cache: response.headers.get("x-nextjs-cache") ?? "-" };
}

/**
 * The cluster's promise, checked from outside: a member posts a comment on the
 * demo review through one address (an instance, or nginx) with the real
 * server action, and the review page of each other address shows it within
 * PROPAGATION_LIMIT_MS, although that page was served from the shared cache a
 * moment before. Needs a database with the demo data and instances started
 * with no interval between comments.
 */
export async function checkPropagation(
  root: string,
  db: Database,
  addresses: { name: string; url: string }[],
  log: (line: string) => void,
): Promise<CheckStep[]> {
  const [review] = await db.select({ id: reviews.id }).from(reviews).orderBy(asc(reviews.id)).limit(1);
  const [member] = await db.select({ id: users.id, handle: users.handle }).from(users).where(eq(users.handle, "maya"));
  if (!review || !member) throw new Error("The check needs the demo data (a review and the member maya).");
  const token = randomBytes(32).toString("hex");
  await marqueeAdapter(db).createSession!({
    sessionToken: token,
    userId: member.id,
    expires: new Date(Date.now() + 3600_000),
  });
  const cookie = `${sessionCookie(false).name}=${token}`;
  const action = findPostCommentAction(root);
  const path = `/reviews/${review.id}`;

  const steps: CheckStep[] = [];
  for (const writer of addresses) {
    const readers = addresses.filter((a) => a !== writer);
    // Each reader serves the page now, from the shared cache (a HIT), so an instance that
    // missed the write would go on serving it without the new comment.
    const before = new Map<string, string>();
    for (const reader of readers) {
      await page(reader.url + path);
      before.set(reader.name, (await page(reader.url + path)).cache);
    }
    const marker = `Cluster check ${Date.now().toString(36)} ${randomBytes(3).toString("hex")} through ${writer.name}`;
    const posted = await postComment(writer.url, action, cookie, { reviewId: review.id, body: marker });
    const answeredAt = performance.now();
    if (!posted.ok) {
      steps.push({
        postedThrough: writer.name,
        readFrom: "-",
        ok: false,
        ms: posted.ms,
        detail: `post refused: ${posted.status} ${posted.message}`,
      });
      continue;
    }
    await Promise.all(
      readers.map(async (reader) => {
        let last = { status: 0, html: "", cache: "-" };
        while (performance.now() - answeredAt <= PROPAGATION_LIMIT_MS) {
          last = await page(reader.url + path);
          if (last.status === 200 && last.html.includes(marker)) {
            const ms = performance.now() - answeredAt;
            const cached = before.get(reader.name);
            steps.push({
              postedThrough: writer.name,
              readFrom: reader.name,
              ok: cached === "HIT",
              ms,
              detail: `x-nextjs-cache before the post ${cached}${cached === "HIT" ? "" : " (expected HIT: the page was not served from the cache)"}, after ${last.cache}`,
            });
            return;
          }
        }
        steps.push({
          postedThrough: writer.name,
          readFrom: reader.name,
          ok: false,
          ms: performance.now() - answeredAt,
          detail: `not on the page after ${PROPAGATION_LIMIT_MS} ms (last answer ${last.status}, x-nextjs-cache ${last.cache})`,
        });
      }),
    );
    for (const step of steps.filter((s) => s.postedThrough === writer.name)) {
      log(
        `${step.ok ? "PASS" : "FAIL"} posted through ${step.postedThrough}, on ${step.readFrom}'s page after ${Math.round(step.ms)} ms (${step.detail})`,
      );
    }
  }
  return steps;
}
