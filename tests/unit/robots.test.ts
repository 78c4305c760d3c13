import { describe, expect, it } from "vitest";
import robots from "@/app/robots";

describe("robots.txt", () => {
  it("lets crawlers read the public moderation record and rules, and keeps them out of members-only pages", () => {
    const { rules } = robots();
    const rule = Array.isArray(rules) ? rules[0] : rules;
    expect(rule?.allow).toEqual(expect.arrayContaining(["/", "/moderation/record", "/moderation/rules"]));
    expect(rule?.disallow).toEqual(
      expect.arrayContaining(["/moderation", "/notifications", "/activity", "/films/*/log", "/account"]),
    );
  });
});
