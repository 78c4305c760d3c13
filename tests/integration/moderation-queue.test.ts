import { beforeAll, describe, expect, it } from "vitest";
import { reviews } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { CurrentUser } from "@/lib/auth";
import { postComment, reportComment } from "@/lib/comments/write";
import { reloadEnv } from "@/lib/env";
import { addBlockedTerm } from "@/lib/moderation/blocklist";
import { approveComment, dismissReports, removeComment } from "@/lib/moderation/comments";
import { suspendMember } from "@/lib/moderation/members";
import { queueControls } from "@/lib/policy";
import { getModerationQueue, listModerationLog } from "@/lib/moderation/queue";
import { createMember, demoActor } from "../support/actors";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();
let reviewId = 0;
let rosa: CurrentUser;

beforeAll(async () => {
  process.env.MARQUEE_COMMENT_INTERVAL_SECONDS = "0";
  reloadEnv();
  await seedDemo(t.db);
  reviewId = (await t.db.select({ id: reviews.id }).from(reviews))[0]!.id;
  rosa = await demoActor(t.db, "rosa");
});

async function comment(body: string) {
  const author = await createMember(t.db);
  const outcome = await postComment(author, { reviewId, body });
  if (!outcome.ok) throw new Error(outcome.message);
  return { id: outcome.value.commentId, author };
}

describe("the moderation queue", () => {
  it("groups open reports by comment, oldest first, with held comments, and empties as they are handled", async () => {
    const first = await comment("First reported");
    const second = await comment("Second reported");
    const held = await comment("Links https://a.example https://b.example https://c.example");
    const reporters = await Promise.all([createMember(t.db), createMember(t.db)]);
    await reportComment(reporters[0]!, { commentId: first.id, reason: "spam" });
    await new Promise((r) => setTimeout(r, 5));
    await reportComment(reporters[0]!, { commentId: second.id, reason: "abuse" });
    await reportComment(reporters[1]!, { commentId: first.id, reason: "other", note: "Looks like an ad" });

    // Oldest first: the held comment waited before either report came in.
    const queue = await getModerationQueue(1);
    expect(queue.items.map((i) => i.commentId)).toEqual([held.id, first.id, second.id]);
    expect(queue.items[1]!.reports).toEqual([
      { reason: "spam", note: null, reporter: reporters[0]!.handle },
      { reason: "other", note: "Looks like an ad", reporter: reporters[1]!.handle },
    ]);
    expect(queue.items[0]).toMatchObject({ held: true, heldReason: "it has three or more links", reports: [] });
    expect(queue.items[1]).toMatchObject({ held: false, heldReason: null });

    expect((await removeComment(rosa, { commentId: first.id, rule: "spam", reason: "Advertising" })).ok).toBe(true);
    expect((await dismissReports(rosa, { commentId: second.id, reason: "Fair criticism" })).ok).toBe(true);
    const after = await getModerationQueue(1);
    expect(after.items.map((i) => i.commentId)).toEqual([held.id]);
  });

  it("logs each action with its moderator and filters the log", async () => {
    const target = await comment("To be removed");
    await removeComment(rosa, { commentId: target.id, rule: "off-topic", reason: "Off-topic rant" });
    const all = await listModerationLog({ page: 1 });
    expect(all.items[0]).toMatchObject({
      actorLabel: "@rosa",
      action: "comment.remove",
      targetType: "comment",
      targetId: String(target.id),
      reason: "Off-topic rant",
      rule: "off-topic",
      reviewId,
    });
    const byAction = await listModerationLog({ page: 1, action: "reports.dismiss" });
    expect(byAction.items.every((e) => e.action === "reports.dismiss")).toBe(true);
    expect(byAction.total).toBe(1);
    const byActor = await listModerationLog({ page: 1, actor: "rosa" });
    expect(byActor.total).toBe(all.total);
    expect((await listModerationLog({ page: 1, actor: "nobody" })).total).toBe(0);
  });
});

// After the log's tests: these add log entries of their own (an admin's blocklist term, a suspension).
describe("a queue entry", () => {
  it("says why a comment was held: its links, or the blocked term it contains", async () => {
    const theo = await demoActor(t.db, "theo");
    expect((await addBlockedTerm(theo, { term: "Miracle Cure" })).ok).toBe(true);
    const blocked = await comment("Try this MIRACLE CURE today");
    const linked = await comment("See https://a.example and https://b.example and www.c.example");
    const reasons = new Map((await getModerationQueue(1)).items.map((item) => [item.commentId, item.heldReason]));
    expect(reasons.get(blocked.id)).toBe("it contains the blocked term “miracle cure”");
    expect(reasons.get(linked.id)).toBe("it has three or more links");
    // Once approved it is no longer held, and no reason lingers.
    expect((await approveComment(rosa, { commentId: blocked.id })).ok).toBe(true);
    expect((await getModerationQueue(1)).items.map((item) => item.commentId)).not.toContain(blocked.id);
  });

  it("stops offering to suspend the author once they are suspended", async () => {
    const held = await comment("Spam https://a.example https://b.example https://c.example");
    const entry = async () => (await getModerationQueue(1)).items.find((item) => item.commentId === held.id)!;
    const controlsOf = async () => {
      const item = await entry();
      return queueControls(rosa as Parameters<typeof queueControls>[0], { ...item, reportCount: item.reports.length });
    };
    expect((await controlsOf()).suspend).toBe(true);
    expect((await suspendMember(rosa, { handle: held.author.handle, reason: "Link spam" })).ok).toBe(true);
    expect((await entry()).author?.suspended).toBe(true);
    expect((await controlsOf()).suspend).toBe(false);
  });
});
