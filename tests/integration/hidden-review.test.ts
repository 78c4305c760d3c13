import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { reviews, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { hideReview, restoreReview } from "@/lib/moderation/comments";
import { getReview, listHiddenReviewsOf } from "@/lib/reviews/queries";
import { demoActor } from "../support/actors";
import { useTestDatabase } from "../support/database";

const t = useTestDatabase();

beforeAll(async () => {
  await seedDemo(t.db);
});

describe("a hidden review's reason", () => {
  it("reaches its author on the review and on their account page, and leaves with a restore", async () => {
    const rosa = await demoActor(t.db, "rosa");
    const [maya] = await t.db.select({ id: users.id }).from(users).where(eq(users.handle, "maya"));
    const [review] = await t.db.select({ id: reviews.id }).from(reviews).where(eq(reviews.authorId, maya!.id)).limit(1);
    expect(await listHiddenReviewsOf(maya!.id)).toEqual([]);

    const hidden = await hideReview(rosa, { reviewId: review!.id, rule: "spam", reason: "Copied from another site" });
    expect(hidden.ok).toBe(true);
    expect((await getReview(review!.id))!.hiddenReason).toBe("Copied from another site");
    const listed = await listHiddenReviewsOf(maya!.id);
    expect(listed).toEqual([
      {
        id: review!.id,
        film: expect.objectContaining({ title: expect.any(String) }),
        hiddenAt: expect.any(Date),
        reason: "Copied from another site",
      },
    ]);
    // Nobody else's account lists it.
    expect(await listHiddenReviewsOf(rosa.id)).toEqual([]);

    expect((await restoreReview(rosa, { reviewId: review!.id, reason: "Written by the author after all" })).ok).toBe(
      true,
    );
    expect(await listHiddenReviewsOf(maya!.id)).toEqual([]);
  });
});
