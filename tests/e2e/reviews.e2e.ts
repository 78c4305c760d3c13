import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";

async function herRatings(): Promise<{ count: number; total: number; atSeven: number }> {
  const [row] = await query<{ count: number; total: number; at_seven: number }>(
    `select count(*)::int as count, coalesce(sum(half_stars), 0)::int as total,
       count(*) filter (where half_stars = 7)::int as at_seven
     from ratings join films on films.id = ratings.film_id where films.slug = 'her'`,
  );
  return { count: row!.count, total: row!.total, atSeven: row!.at_seven };
}

const meanText = (total: number, count: number) => {
  const tenths = Math.round((total * 5) / count);
  return `${Math.floor(tenths / 10)}.${tenths % 10}/4`;
};

describe("rating and reviewing Her", () => {
  it("rates 3½, publishes a Markdown review, edits it, gets a like, and shows it in the feed and JSON-LD", async () => {
    const writer = newIdentity("Wren");
    const { page } = await launchBrowser();
    await signInAs(page, writer, "/films/her");

    const group = page.getByRole("radiogroup", { name: "Your rating of Her" });
    // The radios are drawn as stars; choose one the way a keyboard user does.
    await group.getByRole("radio", { name: "3½/4" }).focus();
    await page.keyboard.press("Space");
    // Chosen is saved: there is no separate button once the page has loaded.
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Your rating is now 3½/4." }).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Save rating" }).count()).toBe(0);
    const afterRating = await herRatings();
    await expect.poll(async () => (await herRatings()).count).toBe(afterRating.count);
    await expect
      .poll(() => page.getByRole("heading", { name: "Ratings" }).locator("..").textContent())
      .toContain(meanText(afterRating.total, afterRating.count));
    const histogram = page.getByRole("table", { name: "Ratings of Her (2013)" });
    await expect
      .poll(() => histogram.getByRole("row", { name: /^3½\/4/ }).textContent())
      .toContain(String(afterRating.atSeven));

    await page.getByRole("link", { name: "Write a review of Her" }).click();
    await page.waitForURL(/\/films\/her\/review$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Verdict").fill("Tender, funny and a little frightening.");
    await page
      .getByLabel("Review text")
      .fill("A film about *listening*. The [soundtrack](https://example.com/arcade-fire) does half the work.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const reviewUrl = new URL(page.url());
    const reviewId = reviewUrl.pathname.split("/").pop()!;

    const body = page.locator("article").first();
    expect(await body.locator("em", { hasText: "listening" }).count()).toBe(1);
    const link = body.getByRole("link", { name: "soundtrack" });
    expect(await link.getAttribute("href")).toBe("https://example.com/arcade-fire");
    expect(await link.getAttribute("rel")).toBe("nofollow ugc noopener");
    await expect
      .poll(() => page.locator("p", { hasText: "My Rating: 3½/4" }).first().textContent())
      .toContain("Tender, funny and a little frightening.");
    await expectNoAxeViolations(page);

    await page.goto("/films/her");
    const reviews = page.getByRole("region", { name: /^Reviews/ });
    await expect.poll(() => reviews.textContent()).toContain("Tender, funny and a little frightening.");
    await screenshot(page, "film-her-with-review");

    await page.goto(`/reviews/${reviewId}`);
    await page.getByRole("link", { name: "Edit or delete your review" }).click();
    await page.getByLabel("Verdict").fill("Tender, funny and quietly frightening.");
    await page.getByRole("button", { name: "Update review" }).click();
    await page.waitForURL(new RegExp(`/reviews/${reviewId}$`));
    await expect
      .poll(() => page.locator("p", { hasText: "My Rating: 3½/4" }).first().textContent())
      .toContain("quietly frightening");
    expect(await page.getByText("edited", { exact: false }).count()).toBeGreaterThan(0);

    const fan = newIdentity("Fenna");
    const second = await launchBrowser();
    await signInAs(second.page, fan, `/reviews/${reviewId}`);
    await second.page.getByRole("button", { name: "Like this review" }).click();
    await expect
      .poll(() => second.page.getByRole("button", { name: "Like this review" }).getAttribute("aria-pressed"))
      .toBe("true");
    await expect.poll(() => second.page.getByText("1 like").count()).toBe(1);

    const feed = await (await fetch(appUrl("/feeds/reviews.xml"))).text();
    expect(feed).toContain(`/reviews/${reviewId}`);
    expect(feed).toContain("quietly frightening");
    const filmFeed = await (await fetch(appUrl("/films/her/feed.xml"))).text();
    expect(filmFeed).toContain(`/reviews/${reviewId}`);

    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!) as {
      "@type": string;
      reviewRating: { ratingValue: number; bestRating: number; worstRating: number };
    };
    expect(jsonLd["@type"]).toBe("Review");
    expect(jsonLd.reviewRating).toMatchObject({ ratingValue: 3.5, bestRating: 4, worstRating: 0 });
  });
});
