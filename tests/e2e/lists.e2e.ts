import { describe, expect, it } from "vitest";
import { expectFitsPhone, expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";

describe("lists", () => {
  it("makes a list, adds two films from their pages, reorders them with the keyboard buttons, and keeps a private list private", async () => {
    const [other] = await query<{ slug: string; title: string; year: number | null }>(
      `select slug, title, year from films where slug <> 'her' order by id limit 1`,
    );
    const otherLabel = other!.year ? `${other!.title} (${other!.year})` : other!.title;
    const { page } = await launchBrowser();
    await signInAs(page, newIdentity("Lumi"), "/lists/new");

    await page.getByRole("heading", { name: "New list" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Title").fill("Rainy nights");
    await page.getByLabel("Description (Markdown, optional)").fill("Films for *rain*.");
    await page.getByRole("button", { name: "Make the list" }).click();
    await page.waitForURL(/\/lists\/\d+\/edit$/);
    const listPath = new URL(page.url()).pathname.replace(/\/edit$/, "");

    for (const slug of ["her", other!.slug]) {
      await page.goto(appUrl(`/films/${slug}`));
      await page.getByRole("link", { name: "Add to a list" }).click();
      await page.waitForURL(new RegExp(`/lists/add/${slug}$`));
      await page.getByLabel("List", { exact: true }).selectOption({ label: "Rainy nights" });
      await page.getByRole("button", { name: "Add to the list" }).click();
      await expect.poll(() => page.getByRole("status").filter({ hasText: "Added to your list." }).count()).toBe(1);
    }
    await expectNoAxeViolations(page);

    await page.goto(appUrl(`${listPath}/edit`));
    const rows = page.getByRole("list", { name: "Films in this list, in order" }).getByRole("listitem");
    await expect.poll(() => rows.first().textContent()).toContain("Her (2013)");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    const moveUp = page.getByRole("button", { name: `Move up ${otherLabel}` });
    await moveUp.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.first().textContent()).toContain(otherLabel);

    await page.goto(appUrl(listPath));
    await page.getByRole("heading", { name: "Rainy nights" }).waitFor();
    const films = page.getByRole("region", { name: "Films" }).getByRole("listitem");
    await expect.poll(() => films.allTextContents()).toEqual([`1.${otherLabel}`, "2.Her (2013)"]);
    expect(await page.locator("em", { hasText: "rain" }).count()).toBe(1);
    await page.getByRole("link", { name: "Edit this list" }).waitFor();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.getByRole("link", { name: /^Lumi/ }).click();
    await page.waitForURL(/\/members\/[^/]+$/);
    await page.getByRole("navigation", { name: "Member pages" }).getByRole("link", { name: "Lists" }).click();
    await page.waitForURL(/\/members\/[^/]+\/lists$/);
    await page.getByRole("link", { name: "Rainy nights" }).waitFor();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.goto(appUrl(`${listPath}/edit`));
    await page.getByLabel("Who can see it").selectOption("private");
    await page.getByRole("button", { name: "Save the list" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Your list is saved." }).count()).toBe(1);
    await page.goto(appUrl(listPath));
    await expect
      .poll(() => page.getByRole("heading", { name: "Rainy nights" }).locator("..").textContent())
      .toContain("private: only you can see it");

    const visitor = await launchBrowser();
    await visitor.page.goto(appUrl(listPath));
    await visitor.page.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await visitor.page.getByText("Rainy nights").count()).toBe(0);
  });
});
