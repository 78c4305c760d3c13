import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/a11y";
import { launchBrowser, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";

describe("the catalogue", () => {
  it("holds the demo film and the imported data set", async () => {
    const [row] = await query<{ n: number }>("select count(*)::int as n from films");
    expect(row!.n).toBeGreaterThanOrEqual(3200);
  });

  it("shows Her with Spike Jonze directing and writing and the cast in billing order", async () => {
    const { page } = await launchBrowser();
    const response = await page.goto("/films/her");
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.title()).toBe("Her (2013) · Marquee");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Her (2013)");
    const header = page.locator("article header").first();
    expect(await header.getByText("Directed by").locator("..").textContent()).toBe("Directed by Spike Jonze");
    expect(await header.getByText("Written by").locator("..").textContent()).toBe("Written by Spike Jonze");
    const cast = await page
      .getByRole("heading", { name: "Cast" })
      .locator("..")
      .getByRole("listitem")
      .allTextContents();
    expect(cast.map((line) => line.split(" as ")[0])).toEqual([
      "Joaquin Phoenix",
      "Amy Adams",
      "Scarlett Johansson",
      "Chris Pratt",
      "Rooney Mara",
      "Kristen Wiig",
      "Olivia Wilde",
    ]);
    await screenshot(page, "film-her");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Scarlett Johansson" }).click();
    await page.waitForURL(/\/people\/scarlett-johansson$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Scarlett Johansson");
    await expectNoAxeViolations(page);
  });

  it("finds Titanic (1997) from the header search, keeps filters in the URL, and the back button works", async () => {
    const { page } = await launchBrowser();
    await page.goto("/");
    await expectNoAxeViolations(page);
    await page.getByRole("banner").getByRole("combobox", { name: "Search films and people" }).fill("titanic");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/films\?q=titanic$/);
    const results = page.getByRole("list", { name: "Films" });
    expect(await results.getByRole("heading").first().textContent()).toBe("Titanic");
    expect(await results.getByRole("listitem").first().textContent()).toContain("1997");
    await expectNoAxeViolations(page);

    await page.getByLabel("Genre").selectOption("Drama");
    await page.getByRole("button", { name: "Show films" }).click();
    await page.waitForURL(/genre=Drama/);
    expect(await results.getByRole("heading").allTextContents()).not.toContain("Titanic");
    await page.goBack();
    await page.waitForURL(/\/films\?q=titanic$/);
    expect(await results.getByRole("heading").first().textContent()).toBe("Titanic");

    // A search names people too, each linking to their films.
    await page.goto("/films?q=spike");
    const people = page.getByRole("region", { name: "People" });
    await people.getByRole("link", { name: /^Spike Jonze · \d+ films?$/ }).click();
    await page.waitForURL(/\/people\/spike-jonze$/);
    await expectNoAxeViolations(page);
  });

  it("suggests films and people as you type; the arrows choose one and Enter opens it", async () => {
    const { page } = await launchBrowser();
    await page.goto("/reviews");
    const box = page.getByRole("banner").getByRole("combobox", { name: "Search films and people" });
    await box.click();
    const answers: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/api/search/suggest")) answers.push(response.url());
    });
    await page.keyboard.type("blade run", { delay: 40 });
    const list = page.getByRole("listbox", { name: "Suggestions" });
    await list.waitFor();
    await expect.poll(() => box.getAttribute("aria-expanded")).toBe("true");
    // Debounced: the whole word, asked once typing paused, not a request a key.
    await expect.poll(() => answers.length).toBeGreaterThan(0);
    expect(answers.length).toBeLessThan(4);
    expect(answers.at(-1)).toContain("q=blade%20run");
    const films = list.getByRole("group", { name: "Films" });
    await expect.poll(() => films.getByRole("option").first().textContent()).toMatch(/^Blade Runner/);
    await expectNoAxeViolations(page);

    await page.keyboard.press("ArrowDown");
    const first = films.getByRole("option").first();
    await expect.poll(() => first.getAttribute("aria-selected")).toBe("true");
    expect(await box.getAttribute("aria-activedescendant")).toBe(await first.getAttribute("id"));
    await page.keyboard.press("Escape");
    await expect.poll(() => list.isVisible()).toBe(false);
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => first.getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/films\/blade-runner$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/^Blade Runner/);

    // People are suggested too, under their own heading.
    const again = page.getByRole("banner").getByRole("combobox", { name: "Search films and people" });
    await again.fill("spike jon");
    await page
      .getByRole("listbox", { name: "Suggestions" })
      .getByRole("group", { name: "People" })
      .getByRole("option", { name: /Spike Jonze/ })
      .click();
    await page.waitForURL(/\/people\/spike-jonze$/);
  });

  it("reaches the latest reviews and the members from the header", async () => {
    const { page } = await launchBrowser();
    await page.goto("/");
    const latest = page.getByRole("list", { name: "Latest reviews" });
    expect(await latest.getByRole("heading").first().textContent()).toMatch(/\(\d{4}\)/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reviews" }).click();
    await page.waitForURL(/\/reviews$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Latest reviews");
    expect(await page.getByRole("list", { name: "Reviews" }).getByRole("listitem").count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Members" }).click();
    await page.waitForURL(/\/members$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Members");
    await page.getByRole("list", { name: "Members" }).getByRole("link").first().click();
    await page.waitForURL(/\/members\/[^/]+$/);
    await expectNoAxeViolations(page);
  });

  it("pages through the catalogue and answers odd input with a clean default", async () => {
    const { page } = await launchBrowser();
    await page.goto("/films?genre=Western");
    await page.getByRole("navigation", { name: "Film result pages" }).getByRole("link", { name: "Next →" }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.getByRole("status").first().textContent()).toMatch(/^Showing 25–\d+ of \d+ films\.$/);

    for (const path of ["/films?page=-3", "/films?sort=drop%20table", "/films?decade=abc&page=x"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expect
        .poll(() => page.getByRole("status").first().textContent(), { message: path })
        .toMatch(/^Showing 1–24 of [\d,]+ films\.$/);
    }
  });

  it("answers an unknown film, person or page with a 404 page that helps", async () => {
    const { page } = await launchBrowser();
    for (const [path, heading] of [
      ["/films/no-such-film", "Film not found"],
      ["/people/no-such-person", "Person not found"],
      ["/no/such/page", "Page not found"],
    ] as const) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
    }
    await expectNoAxeViolations(page);
    const api = await fetch(appUrl("/films/%00"));
    expect(api.status).toBeLessThan(500);
  });
});
