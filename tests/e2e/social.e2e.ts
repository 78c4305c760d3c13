import { describe, expect, it } from "vitest";
import { expectFitsPhone, expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser } from "./support/browser";
import { appUrl } from "./support/context";
import { memberByAccount } from "./support/members";

describe("follows and the activity feed", () => {
  it("follows a member from their page, then sees their rating and review at home, on /activity and on their pages", async () => {
    const ada = newIdentity("Ada");
    const bea = newIdentity("Bea");
    const writer = await launchBrowser();
    await signInAs(writer.page, ada, "/");
    const adaMember = (await memberByAccount(ada.sub))!;
    const adaPath = `/members/${adaMember.handle}`;

    const { page } = await launchBrowser();
    await signInAs(page, bea, adaPath);
    const beaMember = (await memberByAccount(bea.sub))!;
    await page.getByRole("button", { name: "Follow", exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: `You now follow ${ada.name}.` })
          .count(),
      )
      .toBe(1);
    await page.getByRole("button", { name: "Unfollow", exact: true }).waitFor();
    expect(await page.getByText("Following", { exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    // The follow is kept: a fresh load of the page still says so.
    await page.goto(appUrl(adaPath));
    await page.getByRole("button", { name: "Unfollow", exact: true }).waitFor();
    await expect.poll(() => page.getByRole("link", { name: "1 follower", exact: true }).count()).toBe(1);

    await writer.page.goto(appUrl("/films/her"));
    const group = writer.page.getByRole("radiogroup", { name: "Your rating of Her" });
    await group.getByRole("radio", { name: "3/4", exact: true }).focus();
    await writer.page.keyboard.press("Space");
    await expect
      .poll(() => writer.page.getByRole("status").filter({ hasText: "Your rating is now 3/4." }).count())
      .toBe(1);
    await writer.page.getByRole("link", { name: "Write a review of Her" }).click();
    await writer.page.waitForURL(/\/films\/her\/review$/);
    await writer.page.getByLabel("Verdict").fill("A voice worth following.");
    await writer.page.getByLabel("Review text").fill("Warm and strange, like a long phone call.");
    await writer.page.getByRole("button", { name: "Publish" }).click();
    await writer.page.waitForURL(/\/reviews\/\d+$/);

    await page.goto(appUrl("/"));
    await page.getByRole("heading", { name: "From people you follow" }).waitFor();
    const home = page.getByRole("list", { name: "From people you follow" });
    await expect.poll(() => home.textContent()).toContain("A voice worth following.");
    expect(await home.textContent()).toContain(`${ada.name} rated Her (2013) 3/4`);
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.getByRole("link", { name: "All activity →" }).click();
    await page.waitForURL(/\/activity$/);
    const feed = page.getByRole("list", { name: "From people you follow" });
    await expect.poll(() => feed.textContent()).toContain("My Rating: 3/4 – A voice worth following.");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.goto(appUrl(adaPath));
    await page.getByRole("link", { name: "1 follower", exact: true }).click();
    await page.waitForURL(new RegExp(`${adaPath}/followers$`));
    await page
      .getByRole("list", { name: `Members who follow ${ada.name}` })
      .getByRole("link", { name: bea.name })
      .waitFor();
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);
    await page.getByRole("link", { name: "Following", exact: true }).click();
    await page.waitForURL(new RegExp(`${adaPath}/following$`));
    await page.getByText(`${ada.name} follows nobody yet.`).waitFor();

    await page.goto(appUrl(`/members/${beaMember.handle}/following`));
    await page
      .getByRole("list", { name: `Members ${bea.name} follows` })
      .getByRole("link", { name: ada.name })
      .waitFor();
    await expectNoAxeViolations(page);

    await page.goto(appUrl(adaPath));
    await page.getByRole("navigation", { name: "Member pages" }).getByRole("link", { name: "Activity" }).click();
    await page.waitForURL(new RegExp(`${adaPath}/activity$`));
    const own = page.getByRole("list", { name: `Activity of ${ada.name}` });
    await expect.poll(() => own.textContent()).toContain("A voice worth following.");
    await expectNoAxeViolations(page);
    await expectFitsPhone(page);

    await page.goto(appUrl(adaPath));
    await page.getByRole("button", { name: "Unfollow", exact: true }).click();
    await page.getByRole("button", { name: "Follow", exact: true }).waitFor();

    const visitor = await launchBrowser();
    await visitor.page.goto(appUrl("/activity"));
    await visitor.page.waitForURL(/\/signin\?callbackUrl=%2Factivity$/);
    await visitor.page.goto(appUrl(adaPath));
    await visitor.page.getByRole("link", { name: `Sign in to follow ${ada.name}` }).waitFor();
  });
});
