import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { follows, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth";
import { tags, type Tag } from "@/lib/cache/tags";
import { notifyFollow } from "@/lib/notifications/write";
import { authorize, refuseFollow, type RefusalWords } from "@/lib/policy";
import { consumeWriteAllowance } from "@/lib/rate-limit";
import { fail, ok, type Result } from "@/lib/result";
import { HANDLE_PATTERN, type FollowInput } from "./schema";

export interface FollowChange {
  handle: string;
  following: boolean;
  message: string;
  changed: Tag[];
}

/** How following is refused to a visitor or a suspended member, on every path that follows. */
export const FOLLOW_WORDS: RefusalWords = {
  signedOut: "Sign in to follow members.",
  suspended:
    "Your account is suspended, so you cannot follow or unfollow members for now. You can still read everything.",
};

/**
 * Sets whether `actor` follows the member `handle`. Saying the wanted state
 * (rather than "toggle") makes a repeated submit harmless: following twice
 * keeps one follow, unfollowing someone you do not follow changes nothing.
 * Nobody follows themselves (refused here, and by the follows_not_self check).
 */
export async function setFollow(actor: CurrentUser, { handle, follow }: FollowInput): Promise<Result<FollowChange>> {
  const poster = authorize(actor, "poster", FOLLOW_WORDS);
  if (!poster.ok) return poster;
  if (!HANDLE_PATTERN.test(handle)) return fail("not_found", "There is no member with that handle.");
  const db = await getDb();
  const allowance = await consumeWriteAllowance(db, actor.id, "follow");
  if (!allowance.ok) return allowance;
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.handle, handle))
      .limit(1);
    const refused = refuseFollow(actor, target ?? null);
    if (refused || !target) return refused ?? fail("not_found", "There is no member with that handle.");
    const changed = [tags.member(target.id), tags.member(actor.id)];
    const name = target.name ?? `@${handle}`;

    if (!follow) {
      await tx.delete(follows).where(and(eq(follows.followerId, actor.id), eq(follows.followedId, target.id)));
      return ok({ handle, following: false, message: `You no longer follow ${name}.`, changed });
    }

    // The primary key makes a repeated follow (a double submit, two tabs) a no-op rather than an error.
    const created = await tx
      .insert(follows)
      .values({ followerId: actor.id, followedId: target.id })
      .onConflictDoNothing()
      .returning({ followedId: follows.followedId });
    // The notice commits or rolls back with the follow, and only a follow that did not exist before makes one
    // (its dedupe key also keeps unfollow-and-follow-again from telling the member twice).
    if (created.length > 0) await notifyFollow(tx, { followerId: actor.id, followedId: target.id });
    return ok({ handle, following: true, message: `You now follow ${name}.`, changed });
  });
}
