import { describe, expect, it } from "vitest";
import { appUrl } from "./support/context";

const TABS = ["diary", "watchlist", "lists", "followers", "following", "reviews"];

describe("a member's paged tabs", () => {
  it("answer a later page by its number and say not found for an address that is not a page", async () => {
    for (const tab of TABS) {
      const later = await fetch(appUrl(`/members/maya/${tab}/2`), { redirect: "manual" });
      expect(later.status, `${tab}/2`).toBe(200);
      expect(await later.text(), `${tab}/2`).toContain('href="/members/maya"');
      for (const page of ["0", "two", "1234567"]) {
        const response = await fetch(appUrl(`/members/maya/${tab}/${page}`), { redirect: "manual" });
        expect(response.status, `${tab}/${page}`).toBe(404);
      }
    }
  });
});
