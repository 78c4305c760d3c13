import { describe, expect, it } from "vitest";
import { expectFitsPhone, expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser } from "./support/browser";
import { appUrl } from "./support/context";
import { memberByAccount } from "./support/members";

describe("watchlist and diary", () => {
  it("adds a film to the watchlist from its page, logs it with a date, and finds it in the diary under its month", async () => {
    const identity = newIdentity("Ines");
    const { page } = await launchBrowser();
    await signInAs(page, identity, "/films/her");
    const handle = (await memberByAccount(identity.sub))!.handle;

    await page.getByRole("button", { name: "Add to watchlist" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Her is on your watchlist." }).count()).toBe(1);
    await page.getByRole("button", { name: "Remove from watchlist" }).waitFor();
    await page.reload();
    await page.getByText(/^On \d+ watchlists?$/).waitFor();

    await page.goto(appUrl(`/members/${handle}/watchlist`));
    const watchlist = page.getByRole("list", { name: /watchlist/ });
    await watchlist.getByRole("link", { name: "Her" }).waitFor();
    await page.getByRole("button", { name: "Remove Her (2013) from your watchlist" }).waitFor();
    await expect
      .poll(() => page.getByRole("navigation", { name: "Member pages" }).getByRole("link").allTextContents())
      .toEqual(["Profile", "Diary", "Watchlist", "Lists", "Activity"]);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.goto(appUrl("/films/her"));
    await page.getByRole("link", { name: "Log a viewing" }).click();
    await page.waitForURL(/\/films\/her\/log$/);
    const removeBox = page.getByLabel("Remove from my watchlist");
    await removeBox.waitFor();
    expect(await removeBox.isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    // A day in the future is refused beside the field, and the other choices are kept.
    await page.getByLabel("I had seen it before (a rewatch)").check();
    await page.getByLabel("Date watched").evaluate((input: HTMLInputElement) => {
      input.removeAttribute("max");
      input.value = "2099-01-01";
    });
    await page.getByRole("button", { name: "Log this viewing" }).click();
    await page.getByRole("alert").filter({ hasText: "in the future" }).waitFor();
    expect(await page.getByLabel("Date watched").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("I had seen it before (a rewatch)").isChecked()).toBe(true);

    await page.getByLabel("Date watched").fill("2026-03-14");
    await page.getByRole("button", { name: "Log this viewing" }).click();
    await page.waitForURL(new RegExp(`/members/${handle}/diary$`));
    const march = page.getByRole("region", { name: "March 2026" });
    await march.getByRole("link", { name: "Her (2013)", exact: true }).waitFor();
    expect(await march.textContent()).toContain("rewatch");
    await expect
      .poll(() => page.getByRole("list", { name: "Films logged per year" }).textContent())
      .toBe("2026: 1 film");
    await page.getByRole("link", { name: "Delete the entry for Her (2013) on 14 March 2026" }).waitFor();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.goto(appUrl(`/members/${handle}/watchlist`));
    await page.getByText("has no films on their watchlist yet").waitFor();
    await page.goto(appUrl("/films/her"));
    await page.getByRole("button", { name: "Add to watchlist" }).waitFor();

    await page.goto(appUrl(`/members/${handle}/diary`));
    await page.getByRole("link", { name: "Delete the entry for Her (2013) on 14 March 2026" }).click();
    await page.waitForURL(/\/diary\/\d+\/delete$/);
    await expectNoAxeViolations(page);
    await page.getByLabel("Yes, delete this entry from my diary").check();
    await page.getByRole("button", { name: "Delete the entry" }).click();
    await page.waitForURL(new RegExp(`/members/${handle}/diary$`));
    await page.getByText("has not logged any films yet").waitFor();
  });

  it("adds a film from the poster grid, which stays the same page for everyone", async () => {
    const visitor = await launchBrowser();
    await visitor.page.goto(appUrl("/films"));
    await visitor.page.getByRole("list", { name: "Films" }).getByRole("link").first().waitFor();
    expect(await visitor.page.getByRole("button", { name: /to your watchlist$/ }).count()).toBe(0);

    const identity = newIdentity("Oskar");
    const { page } = await launchBrowser();
    await signInAs(page, identity, "/films");
    const handle = (await memberByAccount(identity.sub))!.handle;
    const add = page.getByRole("button", { name: /^Add .+ to your watchlist$/ }).first();
    const label = (await add.getAttribute("aria-label"))!.replace(/^Add (.+) to your watchlist$/, "$1");
    await add.click();
    await page.getByRole("status").filter({ hasText: "On your watchlist" }).first().waitFor();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.goto(appUrl(`/members/${handle}/watchlist`));
    const title = label.replace(/ \(\d{4}\)$/, "");
    await page
      .getByRole("list", { name: /watchlist/ })
      .getByRole("link", { name: title, exact: true })
      .waitFor();
    await page.getByRole("button", { name: `Remove ${label} from your watchlist` }).click();
    // The action refreshes the page it was sent from: the film leaves the grid at once.
    await page.getByText("has no films on their watchlist yet").waitFor();
    await page.reload();
    await page.getByText("has no films on their watchlist yet").waitFor();

    // A film added from its own page shows as on the watchlist in the shared grid, after a reload too.
    await page.goto(appUrl("/films/her"));
    await page.getByRole("button", { name: "Add to watchlist" }).click();
    await page.getByRole("button", { name: "Remove from watchlist" }).waitFor();
    await page.goto(appUrl("/films?q=her"));
    await page.reload();
    const grid = page.getByRole("list", { name: "Films" });
    const remove = grid.getByRole("button", { name: "Remove Her (2013) from your watchlist" });
    await remove.waitFor();
    expect(await remove.textContent()).toBe("Remove");
    expect(
      await grid.getByRole("status").filter({ hasText: "On your watchlist" }).count(),
      "only the film on the watchlist says so",
    ).toBe(1);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    // Removing it from the grid works, and the grid says so after a reload as well.
    await remove.click();
    await grid.getByRole("status").filter({ hasText: "Off your watchlist" }).waitFor();
    await grid.getByRole("button", { name: "Add Her (2013) to your watchlist" }).waitFor();
    await expectNoAxeViolations(page);
    await page.reload();
    await grid.getByRole("button", { name: "Add Her (2013) to your watchlist" }).waitFor();
    expect(await grid.getByRole("button", { name: /^Remove / }).count()).toBe(0);
    await page.goto(appUrl(`/members/${handle}/watchlist`));
    await page.getByText("has no films on their watchlist yet").waitFor();
  });
});
