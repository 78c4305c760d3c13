import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser, screenshot } from "./support/browser";
import { query } from "./support/db";
import { memberByAccount, setRole } from "./support/members";

let reviewPath = "";

beforeAll(async () => {
  const [row] = await query<{ id: number }>(
    `select reviews.id from reviews join films on films.id = reviews.film_id
     join users on users.id = reviews.author_id where films.slug = 'her' and users.handle = 'maya'`,
  );
  reviewPath = `/reviews/${row!.id}`;
});

/** Presses Tab until `target` has focus: proof that the keyboard reaches it. */
async function tabTo(page: Page, target: Locator, limit = 150): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
  }
  throw new Error("The keyboard never reached the element");
}

const heading = (page: Page) => page.getByRole("heading", { level: 2, name: /thoughts? on “Her”/ });
const commentBy = (page: Page, name: string, text: string) =>
  page.getByRole("article", { name: `Comment by ${name}` }).filter({ hasText: text });

describe("the conversation under a review", () => {
  it("lets a member comment and reply by keyboard alone, then edit; a member reports, a moderator removes and restores", async () => {
    const ada = newIdentity("Ada");
    const { page } = await launchBrowser();
    await page.goto(reviewPath);
    // Other journeys in the same run may have joined this conversation already: count from what is there.
    const before = Number(/^(\d+) thoughts? on “Her”$/.exec((await heading(page).textContent()) ?? "")?.[1]);
    expect(before).toBeGreaterThanOrEqual(2);
    const thoughts = (n: number) => `${n} ${n === 1 ? "thought" : "thoughts"} on “Her”`;
    expect(await page.getByRole("link", { name: "Sign in" }).last().textContent()).toBe("Sign in");
    await expectNoAxeViolations(page);

    await signInAs(page, ada, reviewPath);
    await expect.poll(() => page.getByText("You are commenting using your Marquee Test ID account").count()).toBe(1);
    await expectNoAxeViolations(page);

    const box = page.getByRole("textbox", { name: "Your comment" });
    await tabTo(page, box);
    await page.keyboard.type("The letters Theodore writes are the *whole* film in miniature.");
    await tabTo(page, page.getByRole("button", { name: "Post comment" }));
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page).textContent()).toBe(thoughts(before + 1));
    const mine = commentBy(page, ada.name, "whole");
    expect(await mine.locator("em").textContent()).toBe("whole");
    expect(await mine.getByText("Marquee Test ID").count()).toBe(1);

    await page.waitForTimeout(2100);
    await tabTo(page, mine.getByRole("button", { name: `Reply to ${ada.name}` }));
    await page.keyboard.press("Enter");
    const replyBox = page.getByRole("textbox", { name: `Reply to ${ada.name}` });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("body");
    await page.keyboard.type("And the last one is the only one he signs himself.");
    await tabTo(page, replyBox.locator("xpath=ancestor::form").getByRole("button", { name: "Post comment" }));
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page).textContent()).toBe(thoughts(before + 2));

    // Edit is a real button that opens its form in place and moves the focus into it; Escape closes it again.
    const edit = mine.getByRole("button", { name: "Edit", exact: true });
    await edit.click();
    await expect.poll(() => edit.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name") ?? "")).toBe("body");
    await page.keyboard.press("Escape");
    await expect.poll(() => edit.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => edit.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await mine
      .getByRole("textbox", { name: "Your comment" })
      .fill("The letters Theodore writes are the *whole* film, in miniature.");
    await mine.getByRole("button", { name: "Save edit" }).click();
    await expect.poll(() => commentBy(page, ada.name, "film, in miniature").getByText("(edited)").count()).toBe(1);
    const [{ id: commentId } = { id: 0 }] = await query<{ id: number }>(
      `select comments.id from comments join users on users.id = comments.author_id
       where users.name = $1 and comments.parent_id is null`,
      [ada.name],
    );

    const bea = newIdentity("Bea");
    const reporter = await launchBrowser();
    await signInAs(reporter.page, bea, reviewPath);
    const target = commentBy(reporter.page, ada.name, "in miniature");
    await target.getByRole("button", { name: "Report", exact: true }).click();
    await target.getByLabel("What is wrong?").selectOption("abuse");
    await target.getByRole("button", { name: "Send report" }).click();
    await expect.poll(() => target.getByRole("status").textContent()).toContain("Thanks for the report");

    const mod = newIdentity("Moira");
    const moderator = await launchBrowser();
    await signInAs(moderator.page, mod, "/");
    await setRole((await memberByAccount(mod.sub))!.handle, "moderator");
    await moderator.page.goto("/moderation");
    const item = moderator.page.getByRole("listitem").filter({ hasText: "film, in miniature" });
    expect(await item.textContent()).toContain("Abuse or harassment");
    await screenshot(moderator.page, "moderation-queue");
    await expectNoAxeViolations(moderator.page);
    await item.getByRole("button", { name: "Remove comment", exact: true }).click();
    await item.getByLabel("Rule broken").selectOption("personal-attack");
    await item.getByLabel("Reason shown in the thread").fill("Personal attack");
    await item.getByRole("button", { name: "Remove", exact: true }).click();
    // Removing resolves the reports, so the comment leaves the queue.
    await expect.poll(() => item.count()).toBe(0);

    await page.reload();
    await expect.poll(() => page.getByText("Removed by a moderator: Personal attack").count()).toBe(1);
    await expect.poll(() => heading(page).textContent()).toBe(thoughts(before + 1));
    expect(await page.getByText("film, in miniature").count()).toBe(0);
    await screenshot(page, "thread-with-removed-comment");

    await moderator.page.goto("/moderation/log");
    const entry = moderator.page.getByRole("row").filter({ hasText: "comment.remove" }).first();
    expect(await entry.textContent()).toContain("Personal attack");
    expect(await entry.textContent()).toContain(`comment ${commentId}`);
    await expectNoAxeViolations(moderator.page);

    await moderator.page.goto(reviewPath);
    const removed = moderator.page.locator(`#comment-${commentId}`);
    await removed.getByRole("button", { name: "Restore", exact: true }).click();
    await removed.getByRole("button", { name: "Restore comment" }).click();
    await expect
      .poll(async () => {
        await page.reload();
        return commentBy(page, ada.name, "film, in miniature").count();
      })
      .toBe(1);
    await expect.poll(() => heading(page).textContent()).toBe(thoughts(before + 2));
    const [log] = await query<{ n: number }>(
      `select count(*)::int as n from moderation_log where target_id = $1 and action in ('comment.remove', 'comment.restore')`,
      [String(commentId)],
    );
    expect(log!.n).toBe(2);
  });

  it("tells a suspended member they cannot post, and the server refuses a direct call", async () => {
    const cal = newIdentity("Cal");
    const { page } = await launchBrowser();
    await signInAs(page, cal, reviewPath);
    const form = page.getByRole("textbox", { name: "Your comment" }).locator("xpath=ancestor::form");
    // The fields a browser without JavaScript would post, taken while Cal may still post.
    const fields = await form.evaluate((element) =>
      Array.from(new FormData(element as HTMLFormElement).entries()).map(([k, v]) => [k, String(v)] as const),
    );

    const mod = newIdentity("Mona");
    const moderator = await launchBrowser();
    await signInAs(moderator.page, mod, "/");
    await setRole((await memberByAccount(mod.sub))!.handle, "moderator");
    const { handle, id } = (await memberByAccount(cal.sub))!;
    await page
      .getByRole("textbox", { name: "Your comment" })
      .fill("Links https://a.example https://b.example https://c.example");
    await page.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => page.getByText("awaiting moderation", { exact: false }).count()).toBeGreaterThan(0);
    await moderator.page.goto("/moderation");
    const item = moderator.page
      .getByRole("listitem")
      .filter({ hasText: "https://c.example" })
      .filter({ hasText: `@${handle}` });
    // The queue says why the comment waits.
    expect(await item.textContent()).toContain("held for moderation: it has three or more links");
    await item.getByRole("button", { name: `Suspend @${handle}`, exact: true }).click();
    await item.getByLabel("Reason for the suspension").fill("Link spam");
    await item.getByRole("button", { name: "Suspend from posting" }).click();
    await expect.poll(() => moderator.page.getByText(`@${handle} is suspended`).count()).toBe(1);
    // Suspended, the author is no longer offered for suspension, now or after a reload.
    expect(await item.getByRole("button", { name: `Suspend @${handle}`, exact: true }).count()).toBe(0);
    await moderator.page.reload();
    await expect.poll(() => item.getByText(`@${handle} is suspended from posting.`).count()).toBe(1);
    expect(await item.getByRole("button", { name: `Suspend @${handle}`, exact: true }).count()).toBe(0);

    const [sessions] = await query<{ n: number }>(`select count(*)::int as n from sessions where user_id = $1`, [id]);
    expect(sessions!.n).toBe(0);
    await signInAs(page, cal, reviewPath);
    await expect.poll(() => page.getByText("Your account is suspended, so you cannot comment.").count()).toBe(1);
    expect(await page.getByRole("textbox", { name: "Your comment" }).count()).toBe(0);

    const before = (
      await query<{ n: number }>(`select count(*)::int as n from comments where author_id = $1`, [id])
    )[0]!.n;
    const multipart: Record<string, string> = Object.fromEntries(fields);
    multipart.body = "Posting anyway";
    const response = await page.request.post(reviewPath, { multipart });
    expect(response.status()).toBeLessThan(500);
    const after = (await query<{ n: number }>(`select count(*)::int as n from comments where author_id = $1`, [id]))[0]!
      .n;
    expect(after).toBe(before);
    await page.goto(`/members/${handle}`);
    await expectNoAxeViolations(page);

    // Only a moderator is told on the member's page, from their own viewer payload.
    await moderator.page.goto(`/members/${handle}`);
    await expect
      .poll(() => moderator.page.getByText(`Moderators only: @${handle} is suspended from posting`).count())
      .toBe(1);
    expect(await moderator.page.getByRole("main").textContent()).toContain("Reason: Link spam");
    const readers = [await launchBrowser(), await launchBrowser()];
    await signInAs(readers[1]!.page, newIdentity("Rhea"), "/");
    for (const { page: reader } of readers) {
      const payload = reader.waitForResponse((response) => response.url().includes("/api/viewer"));
      await reader.goto(`/members/${handle}`);
      await payload;
      await expect.poll(() => reader.getByRole("heading", { level: 1 }).count()).toBe(1);
      expect(await reader.getByRole("main").textContent()).not.toMatch(/suspend/i);
      expect(await reader.content()).not.toMatch(/is suspended/i);
    }
  });

  it("holds a comment with a term the admin blocked until a moderator approves it", async () => {
    const admin = newIdentity("Ines");
    const { page } = await launchBrowser();
    await signInAs(page, admin, "/");
    await setRole((await memberByAccount(admin.sub))!.handle, "admin");
    await page.goto("/admin/blocklist");
    await page.getByLabel("Word or phrase").fill("Miracle Cure");
    await page.getByRole("button", { name: "Add to blocklist" }).click();
    await expect.poll(() => page.getByRole("list", { name: "Blocked terms" }).textContent()).toContain("miracle cure");
    await expectNoAxeViolations(page);

    const dev = newIdentity("Dev");
    const member = await launchBrowser();
    await signInAs(member.page, dev, reviewPath);
    await member.page
      .getByRole("textbox", { name: "Your comment" })
      .fill("Honestly this film is a miracle cure for a bad week.");
    await member.page.getByRole("button", { name: "Post comment" }).click();
    await expect.poll(() => member.page.getByText(/awaiting moderation/).count()).toBeGreaterThan(0);

    const reader = await launchBrowser();
    await reader.page.goto(reviewPath);
    expect(await reader.page.getByText("a miracle cure for a bad week").count()).toBe(0);

    await page.goto("/moderation");
    const item = page.getByRole("listitem").filter({ hasText: "a miracle cure for a bad week" });
    expect(await item.textContent()).toContain("held for moderation: it contains the blocked term “miracle cure”");
    await item.getByRole("button", { name: "Approve and show" }).click();
    await expect.poll(() => item.count()).toBe(0);
    await reader.page.reload();
    await expect.poll(() => reader.page.getByText("a miracle cure for a bad week").count()).toBe(1);
  });

  it("signs a member out from the reply box and leaves them on the review", async () => {
    const eve = newIdentity("Eve");
    const { page } = await launchBrowser();
    await signInAs(page, eve, reviewPath);
    await page.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL((url) => url.pathname === reviewPath);
    await expect.poll(() => page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThan(0);
  });
});
