import { describe, expect, it } from "vitest";
import { wxr } from "../support/wxr";
import { expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { expectNotFoundPage, launchBrowser, screenshot } from "./support/browser";
import { appUrl } from "./support/context";
import { query } from "./support/db";
import { memberByAccount, setRole } from "./support/members";

const run = Date.now().toString(36);
const site = `https://reel-${run}.example`;
// A film of its own (created by the import), so other journeys' counts of Her's reviews and ratings stay theirs.
const film = `Paper Lanterns ${run}`;

const exportFile = wxr({
  site,
  authors: [{ id: 1, login: "reelthoughts", displayName: "Reel Thoughts" }],
  posts: [
    {
      id: 1,
      title: `${film} (1987)`,
      creator: "reelthoughts",
      content:
        "Theodore writes other people&#8217;s letters.\n\nThen an operating system answers back.\n\n<strong>My Rating:</strong> 4/4 – A love story for the near future",
      comments: [
        { id: 1, author: "Ana Ruiz", content: "The letters scene!", date: "2014-01-14 09:01:00" },
        { id: 2, parent: 1, author: "Ben Okoro", content: "And the score.", date: "2014-01-14 09:02:00" },
        { id: 3, author: "Spam Bot", content: "Buy now", approved: "spam", date: "2014-01-14 09:03:00" },
      ],
    },
    { id: 2, title: `Notes on ${film}`, creator: "reelthoughts", content: "<p>No rating yet.</p>" },
  ],
});

describe("the WordPress import page", () => {
  it("does not exist for visitors or members", async () => {
    expect((await fetch(appUrl("/admin/import"))).status).toBe(404);
    const { page } = await launchBrowser();
    await signInAs(page, newIdentity("Curious"));
    await expectNotFoundPage(page, "/admin/import");
  });

  it("lets an admin upload an export, read the summary, see the imported thread and hand the author over", async () => {
    const admin = newIdentity("Importer");
    const { page } = await launchBrowser();
    await signInAs(page, admin);
    const adminMember = (await memberByAccount(admin.sub))!;
    await setRole(adminMember.handle, "admin");

    await page.goto("/admin");
    await page.getByRole("link", { name: "Import reviews from WordPress" }).click();
    await page.waitForURL(appUrl("/admin/import"));
    await expect.poll(() => page.title()).toBe("Import from WordPress · Marquee");
    await expectNoAxeViolations(page);

    await page.getByLabel("WordPress export file").setInputFiles({
      name: "reel-thoughts.xml",
      mimeType: "text/xml",
      buffer: Buffer.from(exportFile),
    });
    await page.getByRole("button", { name: "Import" }).click();
    const summary = page.getByRole("list", { name: "Import summary" });
    await summary.waitFor();
    const lines = await summary.getByRole("listitem").allTextContents();
    expect(lines).toEqual(
      expect.arrayContaining([
        `2 posts imported as reviews, 1 of them left as drafts without a rating line: “Notes on ${film}”.`,
        "2 comments imported.",
        "1 comment skipped: 0 pending, 1 spam, 0 trashed, 0 pingbacks.",
      ]),
    );
    await screenshot(page, "admin-import-summary");
    await expectNoAxeViolations(page);

    const [review] = await query<{ id: number; handle: string }>(
      `select r.id, u.handle from reviews r join users u on u.id = r.author_id join films f on f.id = r.film_id
       where u.imported_from = 'wordpress' and f.title = $1`,
      [film],
    );
    const reader = await launchBrowser();
    await reader.page.goto(`/reviews/${review!.id}`);
    const heading = reader.page.getByRole("heading", { name: `2 thoughts on “${film}”` });
    await heading.waitFor();
    expect(await reader.page.getByText("A love story for the near future").count()).toBeGreaterThan(0);
    const ana = reader.page.getByRole("article", { name: "Comment by Ana Ruiz" });
    expect(await ana.getByText("via WordPress import").count()).toBe(1);
    expect(await reader.page.getByRole("article", { name: "Comment by Ben Okoro" }).count()).toBe(1);
    await screenshot(reader.page, "imported-review");
    await expectNoAxeViolations(reader.page);

    await page.reload();
    await page.getByLabel("Imported member", { exact: true }).selectOption(review!.handle);
    await page.getByLabel("Hand to the member (handle)").fill(adminMember.handle);
    await page.getByRole("button", { name: "Hand over" }).click();
    await expect.poll(() => page.getByText(`are now @${adminMember.handle}'s.`).count()).toBe(1);
    const owned = await query<{ n: number }>(`select count(*)::int as n from reviews where author_id = $1`, [
      adminMember.id,
    ]);
    expect(owned[0]!.n).toBe(2);
  });
});
