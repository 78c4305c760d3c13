import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectFitsViewport, expectNoAxeViolations, PHONE_WIDTH } from "./support/a11y";
import { newIdentity, signInAs } from "./support/auth";
import { launchBrowser } from "./support/browser";
import { query } from "./support/db";
import { memberByAccount, setRole } from "./support/members";

const SCREENS = path.resolve("test-results/screens");
const WIDTHS = [1280, PHONE_WIDTH] as const;
const SCHEMES = ["light", "dark"] as const;

/** Waits for the parts that stream in after the frame (a per-request part behind its loading panel). */
async function settle(page: Page) {
  await page
    .waitForFunction(() => document.title !== "" && !document.querySelector("[data-loading-panel]"), undefined, {
      timeout: 10_000,
    })
    .catch(() => {});
  await page.evaluate(() => document.fonts.ready);
}

describe("screenshots of the main pages", () => {
  it(
    "saves each page at 1280 and 390 px, light and dark, none wider than its viewport and axe-clean in both schemes",
    { timeout: 300_000 },
    async () => {
      const [review] = await query<{ id: number }>(
        `select reviews.id from reviews join films on films.id = reviews.film_id
       join users on users.id = reviews.author_id where films.slug = 'her' and users.handle = 'maya'`,
      );
      // A moderator sees every page on the list, their own account and the queue included.
      const moira = newIdentity("Moira");
      const { page } = await launchBrowser();
      await signInAs(page, moira, "/");
      await setRole((await memberByAccount(moira.sub))!.handle, "moderator");

      // Something in the queue: a comment held for its links (written here, as a member's post would leave it).
      await query(
        `insert into comments (review_id, author_id, body, signed_with_provider, signed_with_account_id, held_at, held_reason)
       select $1, users.id, 'A screenshot of the queue: https://one.example https://two.example https://three.example', 'oidc', users.id, now(),
              'it has three or more links'
       from users where users.handle = 'jonas'`,
        [review!.id],
      );

      const pages: [name: string, path: string][] = [
        ["home", "/"],
        ["browse", "/films"],
        ["film", "/films/her"],
        ["review", `/reviews/${review!.id}`],
        ["member", "/members/maya"],
        ["account", "/account"],
        ["moderation", "/moderation"],
      ];
      mkdirSync(SCREENS, { recursive: true });
      const saved: string[] = [];
      for (const [name, address] of pages) {
        const response = await page.goto(address);
        expect(response?.status(), address).toBe(200);
        await settle(page);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const colorScheme of SCHEMES) {
            await page.emulateMedia({ colorScheme });
            await expectFitsViewport(page);
            const file = path.join(SCREENS, `${name}-${width}-${colorScheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            saved.push(file);
          }
        }
        await page.emulateMedia({ colorScheme: null });
        await page.setViewportSize({ width: 1280, height: 900 });
        // Both schemes again, and the phone's width, as every page the suite checks.
        await expectNoAxeViolations(page);
      }
      expect(saved).toHaveLength(pages.length * WIDTHS.length * SCHEMES.length);
    },
  );
});
