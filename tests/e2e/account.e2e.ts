import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";
import { memberByAccount } from "./support/members";

describe("the account page", () => {
  it("sends a visitor to sign in, then back to the account page", async () => {
    const { page } = await launchBrowser();
    await page.goto("/account");
    expect(page.url()).toBe(appUrl("/signin?callbackUrl=/account"));
    await signInAs(page, newIdentity("Dorothy"), "/account");
    expect(new URL(page.url()).pathname).toBe("/account");
  });

  it("shows the linked account and passes axe", async () => {
    const { page } = await launchBrowser();
    const katherine = newIdentity("Katherine");
    await signInAs(page, katherine, "/account");
    await expect.poll(() => page.title()).toBe("Your account · Marquee");
    const linked = page.getByRole("region", { name: "Linked accounts" });
    expect(await linked.getByRole("list", { name: "Your linked accounts" }).textContent()).toMatch(
      /Marquee Test ID\s*linked on \d{1,2} \w+ \d{4}/,
    );
    expect(await linked.getByRole("button", { name: "Link your Google account" }).count()).toBe(1);
    expect(await linked.getByRole("button", { name: "Link another Marquee Test ID account" }).count()).toBe(1);
    await screenshot(page, "account");
    await expectNoAxeViolations(page);
  });

  it("changes the display name and handle; a taken handle is refused next to the field", async () => {
    const { page } = await launchBrowser();
    const hedy = newIdentity("Hedy");
    await signInAs(page, hedy, "/account");
    const handle = page.getByLabel("Handle");
    await handle.fill("maya");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => handle.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#profile-handle-error").textContent()).toBe("That handle is taken");
    expect(await handle.inputValue()).toBe("maya");

    const newHandle = `hedy-${hedy.sub.slice(-8)}`;
    await page.getByLabel("Display name").fill("Hedy L.");
    await handle.fill(newHandle.toUpperCase());
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect
      .poll(() => page.getByRole("main").getByRole("status").last().textContent())
      .toBe("Your profile is saved.");
    await expect.poll(() => handle.inputValue()).toBe(newHandle);
    await expect.poll(() => page.getByRole("banner").locator("summary").textContent()).toContain("Hedy L.");
    expect(await memberByAccount(hedy.sub)).toMatchObject({ handle: newHandle, name: "Hedy L." });
  });

  it("keeps working before JavaScript loads: a plain form post shows the server's field error", async () => {
    const { page, context } = await launchBrowser();
    await signInAs(page, newIdentity("Radia"), "/account");
    // Every script of the app, whatever its query (a build with a deployment id adds ?dpl=…).
    await context.route(
      (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
      (route) => route.abort(),
    );
    await page.goto("/account");
    await page.getByLabel("Handle").fill("jonas");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("#profile-handle-error").textContent()).toBe("That handle is taken");
    expect(await page.getByLabel("Handle").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Handle").inputValue()).toBe("jonas");
  });

  it("signs out everywhere: every session of the member is deleted", async () => {
    const margaret = newIdentity("Margaret");
    const laptop = await launchBrowser();
    const phone = await launchBrowser();
    await signInAs(laptop.page, margaret, "/account");
    await signInAs(phone.page, margaret, "/account");
    const member = await memberByAccount(margaret.sub);
    const count = async () =>
      (await query<{ n: number }>(`select count(*)::int as n from sessions where user_id = $1`, [member!.id]))[0]!.n;
    expect(await count()).toBe(2);

    await laptop.page.getByRole("main").getByRole("button", { name: "Sign out everywhere" }).click();
    await laptop.page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await count()).toBe(0);
    // Its cookie names a session that is gone: the page finds no member and sends it to sign in.
    await phone.page.goto("/account");
    await phone.page.waitForURL(appUrl("/signin?callbackUrl=/account"));
  });
});
