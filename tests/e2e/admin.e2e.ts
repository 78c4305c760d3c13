import { describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { expectNotFoundPage, launchBrowser, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";
import { memberByAccount, setRole } from "./support/members";

describe("the admin page", () => {
  it("does not exist for visitors, members or moderators", async () => {
    expect((await fetch(appUrl("/admin"))).status).toBe(404);
    const { page } = await launchBrowser();
    const member = newIdentity("Ordinary");
    await signInAs(page, member);
    await expectNotFoundPage(page, "/admin");
    await setRole((await memberByAccount(member.sub))!.handle, "moderator");
    await expectNotFoundPage(page, "/admin");
  });

  it("lets an admin find a member and change their role, writing the moderation log", async () => {
    const target = newIdentity("Promotee");
    const targetBrowser = await launchBrowser();
    await signInAs(targetBrowser.page, target);
    const targetMember = (await memberByAccount(target.sub))!;

    const admin = newIdentity("Admin");
    const { page } = await launchBrowser();
    await signInAs(page, admin);
    const adminMember = (await memberByAccount(admin.sub))!;
    await setRole(adminMember.handle, "admin");

    await page.reload();
    await page.getByRole("banner").locator("summary").click();
    await page.getByRole("banner").getByRole("link", { name: "Admin" }).click();
    await page.waitForURL(appUrl("/admin"));
    await expect.poll(() => page.title()).toBe("Members and roles · Marquee");

    await page.getByLabel("Search members by handle or name").fill(targetMember.handle);
    await page.getByRole("button", { name: "Search", exact: true }).last().click();
    await page.waitForURL(/\/admin\?q=/);
    // The member list streams in behind a loading panel (it is rendered for each request).
    await expect
      .poll(() => page.getByRole("main").getByRole("status").first().textContent())
      .toBe("Showing 1–1 of 1 member.");
    await screenshot(page, "admin");
    await expectNoAxeViolations(page);

    await page.getByLabel(`Role for @${targetMember.handle}`).selectOption("moderator");
    await page.getByRole("button", { name: `Save role for @${targetMember.handle}` }).click();
    await expect
      .poll(() =>
        page
          .getByRole("row")
          .filter({ hasText: `@${targetMember.handle}` })
          .textContent(),
      )
      .toContain(`@${targetMember.handle} is now a moderator.`);
    expect((await memberByAccount(target.sub))?.role).toBe("moderator");
    // The menu keeps the saved role (it once snapped back to "member", so a second save undid it).
    const roleMenu = page.getByLabel(`Role for @${targetMember.handle}`);
    expect(await roleMenu.inputValue()).toBe("moderator");
    await page.reload();
    await expect.poll(() => roleMenu.inputValue()).toBe("moderator");
    const log = await query<{ actor_id: string; actor_label: string; details: { from: string; to: string } }>(
      `select actor_id, actor_label, details from moderation_log where action = 'member.role_change' and target_id = $1`,
      [targetMember.id],
    );
    expect(log).toEqual([
      {
        actor_id: adminMember.id,
        actor_label: `@${adminMember.handle}`,
        details: { handle: targetMember.handle, from: "member", to: "moderator" },
      },
    ]);

    // The new moderator sees the moderation link in their menu after their next page load.
    await targetBrowser.page.reload();
    await targetBrowser.page.getByRole("banner").locator("summary").click();
    expect(await targetBrowser.page.getByRole("banner").getByRole("link", { name: "Moderation" }).count()).toBe(1);
    expect(await targetBrowser.page.getByRole("banner").getByRole("link", { name: "Admin" }).count()).toBe(0);
  });

  it("refuses to let the only admin demote themselves", async () => {
    const { page } = await launchBrowser();
    const solo = newIdentity("Solo");
    await signInAs(page, solo);
    const soloMember = (await memberByAccount(solo.sub))!;
    // Make Solo the only admin for this test; the other admins get their role back after.
    const others = await query<{ handle: string }>(
      `update users set role = 'moderator' where role = 'admin' returning handle`,
    );
    try {
      await setRole(soloMember.handle, "admin");
      await page.goto(`/admin?q=${soloMember.handle}`);
      await page.getByLabel(`Role for @${soloMember.handle}`).selectOption("member");
      await page.getByRole("button", { name: `Save role for @${soloMember.handle}` }).click();
      await expect
        .poll(() =>
          page
            .getByRole("row")
            .filter({ hasText: `@${soloMember.handle}` })
            .textContent(),
        )
        .toContain("is the only admin");
      expect((await memberByAccount(solo.sub))?.role).toBe("admin");
    } finally {
      for (const { handle } of others) await setRole(handle, "admin");
    }
  });
});
