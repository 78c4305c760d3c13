import { describe, expect, it } from "vitest";
import { expectFitsPhone, expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";
import { memberByAccount, setRole } from "./support/members";

const run = Math.random().toString(36).slice(2, 8);

/**
 * A critic with a known distribution: 24 films at 3/4 and one at 4/4, which
 * they review; 1 of 25 ratings is 4%. Their review has a comment with a
 * spoiler mark and one for a moderator to remove. Rows written here have no
 * stored HTML: the site renders it on their first read.
 */
async function seedReview(): Promise<{ reviewId: number; filmId: number; spoilerId: number; rudeId: number }> {
  const [critic] = await query<{ id: string }>(
    `insert into users (id, handle, name) values (gen_random_uuid()::text, $1, $2) returning id`,
    [`critic-${run}`, `Critic ${run}`],
  );
  const made = await query<{ id: number }>(
    `insert into films (slug, title, year)
     select 'trust-' || $1 || '-' || n, 'Trust film ' || n || ' ' || $1, 1990 from generate_series(1, 25) n
     returning id`,
    [run],
  );
  const [film, ...rest] = made.map((row) => row.id);
  await query(`insert into ratings (user_id, film_id, half_stars) values ($1, $2, 8)`, [critic!.id, film]);
  for (const other of rest) {
    await query(`insert into ratings (user_id, film_id, half_stars) values ($1, $2, 6)`, [critic!.id, other]);
  }
  const [review] = await query<{ id: number }>(
    `insert into reviews (film_id, author_id, body, verdict, status, published_at)
     values ($1, $2, 'A film about trust.', 'Earned every star', 'published', now()) returning id`,
    [film, critic!.id],
  );
  const comment = async (body: string) => {
    const [row] = await query<{ id: number }>(
      `insert into comments (review_id, author_id, body, signed_with_provider, signed_with_account_id)
       values ($1, $2, $3, 'google', 'critic') returning id`,
      [review!.id, critic!.id, body],
    );
    return row!.id;
  };
  const spoilerId = await comment("The last scene: ||the lighthouse was empty all along||.");
  const rudeId = await comment("Anyone who likes this is an idiot.");
  return { reviewId: review!.id, filmId: film!, spoilerId, rudeId };
}

describe("trust", () => {
  it("opens spoilers for a reader who rated the film, keeps them closed for a visitor on the same cached page, calibrates the rating, and links a tombstone to the public record", async () => {
    const { reviewId, filmId, spoilerId, rudeId } = await seedReview();
    const path = `/reviews/${reviewId}`;

    // A visitor: the spoiler is closed, and opens from the keyboard.
    const visitor = await launchBrowser();
    await visitor.page.goto(appUrl(path));
    const visitorComment = visitor.page.locator(`#comment-${spoilerId}`);
    const toggle = visitorComment.getByRole("checkbox", { name: "Spoiler, hidden" });
    await visitorComment.waitFor();
    await toggle.waitFor();
    expect(await visitorComment.getByText("the lighthouse was empty all along").isVisible()).toBe(false);
    await expect
      .poll(() => visitor.page.getByText("4/4 from someone who gives 4/4 to 4% of the films they rate").count())
      .toBe(1);
    await expectNoAxeViolations(visitor.page);
    await expectFitsPhone(visitor.page);
    await toggle.focus();
    await visitor.page.keyboard.press("Enter");
    await expect.poll(() => visitorComment.getByText("the lighthouse was empty all along").isVisible()).toBe(true);
    await visitorComment.getByRole("checkbox", { name: "Spoiler, shown" }).waitFor();
    await visitor.page.keyboard.press("Space");
    await expect.poll(() => visitorComment.getByText("the lighthouse was empty all along").isVisible()).toBe(false);

    // The calibration line explains itself on keyboard focus.
    const line = visitor.page.getByRole("link", {
      name: "4/4 from someone who gives 4/4 to 4% of the films they rate",
    });
    await line.focus();
    await expect.poll(() => visitor.page.getByRole("tooltip").first().isVisible()).toBe(true);
    expect(await visitor.page.getByRole("tooltip").first().textContent()).toContain("1 of their 25 ratings are 4/4");

    // A member who rated the film: the same page, its spoilers open.
    const rater = newIdentity("Rhea");
    const reader = await launchBrowser();
    await signInAs(reader.page, rater, "/");
    const member = (await memberByAccount(rater.sub))!;
    await query(`insert into ratings (user_id, film_id, half_stars) values ($1, $2, 7)`, [member.id, filmId]);
    await reader.page.goto(appUrl(path));
    const readerComment = reader.page.locator(`#comment-${spoilerId}`);
    await expect.poll(() => readerComment.getByText("the lighthouse was empty all along").isVisible()).toBe(true);
    await screenshot(reader.page, "trust-spoiler-open");

    // A moderator removes a comment, citing a rule; its tombstone links to its public entry.
    const mod = newIdentity("Mona");
    const moderator = await launchBrowser();
    await signInAs(moderator.page, mod, "/");
    await setRole((await memberByAccount(mod.sub))!.handle, "moderator");
    await moderator.page.goto(appUrl(path));
    const rude = moderator.page.locator(`#comment-${rudeId}`);
    await rude.getByText("Remove", { exact: true }).click();
    // The browser asks for the rule first (the server refuses a form without one too).
    expect(await rude.getByLabel("Rule broken").getAttribute("required")).not.toBeNull();
    await rude.getByLabel("Rule broken").selectOption("personal-attack");
    await rude.getByLabel("Reason shown in the thread").fill("Insults other readers");
    await rude.getByRole("button", { name: "Remove comment" }).click();
    // The thread shows the tombstone once the removal is saved.
    await expect.poll(() => rude.getByText("Removed by a moderator: Insults other readers").count()).toBe(1);

    await visitor.page.goto(appUrl(path));
    const tombstone = visitor.page.locator(`#comment-${rudeId}`);
    await expect.poll(() => tombstone.getByText("Removed by a moderator: Insults other readers").count()).toBe(1);
    await tombstone.getByRole("link", { name: "(the moderation record)" }).click();
    await visitor.page.waitForURL(new RegExp(`/moderation/record/comments/${rudeId}$`));
    const entry = visitor.page.locator(`#c-${rudeId}`);
    await expect.poll(() => entry.textContent()).toContain("Personal attacks");
    const entryText = (await entry.textContent()) ?? "";
    expect(entryText).toContain("Insults other readers");
    expect(entryText).not.toContain("idiot");
    expect(entryText).not.toContain("Mona");
    await expectNoAxeViolations(visitor.page);

    await visitor.page.goto(appUrl("/moderation/record"));
    await visitor.page.locator(`#c-${rudeId}`).waitFor();
    expect(await visitor.page.getByRole("table").textContent()).toContain("Personal attacks");
    await screenshot(visitor.page, "moderation-record");
    await expectNoAxeViolations(visitor.page);
    await expectFitsPhone(visitor.page);
    await visitor.page.goto(appUrl("/moderation/rules"));
    await visitor.page.getByRole("heading", { name: "House rules" }).waitFor();
    await expectNoAxeViolations(visitor.page);
    await expectFitsPhone(visitor.page);
  });
});
