import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { csv, sampleZip } from "../support/letterboxd";
import { expectNoAxeViolations } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser, screenshot } from "./support/browser";
import { query } from "./support/db";
import { memberByAccount } from "./support/members";

/** An export against the demo catalogue: "Her" matches, "Fargo" is a year off, one film is missing. */
function exportForTheCatalogue(): Buffer {
  const lb = "https://boxd.it/";
  return Buffer.from(
    sampleZip({
      "ratings.csv": csv(
        ["Date", "Name", "Year", "Letterboxd URI", "Rating"],
        [
          ["2024-01-05", "Her", 2013, `${lb}her`, "4.5"],
          ["2024-01-06", "Fargo", 1997, `${lb}fargo`, "2.5"],
          ["2024-01-07", "A Film Nobody Catalogued", 1999, `${lb}nobody`, "3"],
        ],
      ),
      "reviews.csv": csv(
        ["Date", "Name", "Year", "Letterboxd URI", "Rating", "Rewatch", "Review", "Tags", "Watched Date"],
        [
          [
            "2024-01-05",
            "Her",
            2013,
            `${lb}her-r`,
            "4.5",
            "",
            "Tender and strange. It stays with you.",
            "",
            "2024-01-04",
          ],
        ],
      ),
      "watchlist.csv": csv(
        ["Date", "Name", "Year", "Letterboxd URI"],
        [["2024-02-01", "Titanic", 1997, `${lb}titanic`]],
      ),
    }),
  );
}

describe("bringing your data and leaving with it", () => {
  it("imports a Letterboxd export: a wrong file is refused by the field, then upload → preview → confirm, and again adds nothing", async () => {
    const { page } = await launchBrowser();
    const ada = newIdentity("Ada");
    await signInAs(page, ada, "/account");
    await page.getByRole("link", { name: "Import from Letterboxd" }).click();
    await page.getByRole("heading", { name: "Import from Letterboxd", level: 1 }).waitFor();
    expect(await page.getByRole("table").first().textContent()).toContain("2½★2/4");
    await expectNoAxeViolations(page);

    const field = page.getByLabel("Your Letterboxd export");
    await field.setInputFiles({
      name: "ratings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Date,Name\n2024-01-01,Her\n"),
    });
    await page.getByRole("button", { name: "Read the export" }).click();
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#letterboxd-files-error").textContent()).toMatch(
      /^ratings\.csv does not have Letterboxd's columns/,
    );

    const upload = async () => {
      await page.goto("/account/import");
      await page
        .getByLabel("Your Letterboxd export")
        .setInputFiles({ name: "letterboxd-ada.zip", mimeType: "application/zip", buffer: exportForTheCatalogue() });
      await page.getByRole("button", { name: "Read the export" }).click();
      await page.getByRole("heading", { name: "Check your Letterboxd import" }).waitFor();
    };
    await upload();
    expect(await page.getByRole("main").textContent()).toContain("Nothing is saved yet");
    expect(await page.getByLabel("Fargo (1997)", { exact: true }).inputValue()).not.toBe("skip");
    const missing = page.getByLabel("A Film Nobody Catalogued (1999)", { exact: true });
    expect(await missing.inputValue()).toBe("skip");
    const matched = page.getByRole("region", { name: /^Matched/ });
    expect(await matched.textContent()).toContain("4½★ → 3½/4");
    expect(await matched.textContent()).toContain("“Tender and strange.”");
    await screenshot(page, "letterboxd-preview");
    await expectNoAxeViolations(page);

    await page.getByLabel("Search the catalogue for A Film Nobody Catalogued (1999)").fill("titan");
    await expect.poll(() => page.locator("#film-2-search-status").textContent()).toMatch(/Titanic \(1997\) is chosen/);
    const [titanic] = await query<{ id: number }>(`select id from films where title = 'Titanic' and year = 1997`);
    expect(await missing.inputValue()).toBe(String(titanic!.id));

    await page.getByLabel("Publish them now (a review without a rating stays a draft)").check();
    await page.getByRole("button", { name: "Import these" }).click();
    await page.getByRole("heading", { name: "Your Letterboxd import is saved" }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain("3 ratings added");
    await expectNoAxeViolations(page);
    const member = await memberByAccount(ada.sub);
    const counts = async () =>
      (
        await query<{ ratings: number; reviews: number; watchlist: number }>(
          `select (select count(*)::int from ratings where user_id = $1) as ratings,
                  (select count(*)::int from reviews where author_id = $1 and status = 'published') as reviews,
                  (select count(*)::int from watchlist_items where user_id = $1) as watchlist`,
          [member!.id],
        )
      )[0]!;
    expect(await counts()).toEqual({ ratings: 3, reviews: 1, watchlist: 1 });

    await upload();
    await page.getByRole("button", { name: "Import these" }).click();
    await page.getByRole("heading", { name: "Your Letterboxd import is saved" }).waitFor();
    expect(await page.getByRole("main").textContent()).toContain("0 ratings added");
    expect(await counts()).toEqual({ ratings: 3, reviews: 1, watchlist: 1 });
  });

  it("deletes an account after the handle is typed; the member's comment stays in its thread as a former member's", async () => {
    const { page } = await launchBrowser();
    const grace = newIdentity("Grace");
    await signInAs(page, grace, "/account");
    const member = (await memberByAccount(grace.sub))!;
    const [review] = await query<{ id: number }>(
      `select id from reviews where status = 'published' order by id limit 1`,
    );
    const [comment] = await query<{ id: number }>(
      `insert into comments (review_id, author_id, body, depth, signed_with_provider, signed_with_account_id)
       values ($1, $2, 'Grace was here, and liked the ending.', 0, 'oidc', $3) returning id`,
      [review!.id, member.id, grace.sub],
    );
    await query(`update comments set thread_root_id = id where id = $1`, [comment!.id]);

    await page.goto("/account");
    await page.getByRole("link", { name: "Delete your account" }).click();
    await page.getByRole("heading", { name: "Delete your account" }).waitFor();
    await expectNoAxeViolations(page);
    const confirm = page.getByLabel(/^Type your handle/);
    await confirm.fill("not-me");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect.poll(() => confirm.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#delete-confirm-handle-error").textContent()).toBe(
      `That is not your handle. Type ${member.handle} to confirm.`,
    );

    await confirm.fill(member.handle);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.getByRole("heading", { name: "Your account is deleted" }).waitFor();
    await page.getByRole("banner").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await query(`select id from users where id = $1`, [member.id])).toEqual([]);

    await page.goto(`/reviews/${review!.id}`);
    const kept = page.getByRole("article", { name: "Comment by a former member" });
    await kept.waitFor();
    expect(await kept.textContent()).toContain("Grace was here, and liked the ending.");
    await expectNoAxeViolations(page);
  });
});
