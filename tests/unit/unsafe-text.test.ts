import { describe, expect, it } from "vitest";
import { profileSchema } from "@/lib/account/profile-schema";
import { handleSchema } from "@/lib/auth/handle";
import { blockedTermSchema } from "@/lib/moderation/schema";
import { reviewFormSchema } from "@/lib/reviews/schema";
import { normalizeForMatching, UNSAFE_TEXT_MESSAGE } from "@/lib/text";

const review = (verdict: string) => ({ halfStars: "", verdict, body: "A fine film.", intent: "draft" });
const issuesOn = (
  result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
  field: string,
) => (result.error?.issues ?? []).filter((issue) => issue.path[0] === field).map((issue) => issue.message);

describe("control and text-direction characters", () => {
  it.each([
    ["a NUL", "Maya\u0000"],
    ["a carriage return and line feed", "Maya\r\n[auth][error] forged"],
    ["a bell", "Maya\u0007"],
    ["a right-to-left override", "Maya\u202Egnp.exe"],
    ["a first-strong isolate", "Maya\u2068"],
  ])("refuses a display name with %s, by the name field", (_what, name) => {
    expect(issuesOn(profileSchema.safeParse({ name, handle: "maya" }), "name")).toContain(UNSAFE_TEXT_MESSAGE);
  });

  it("keeps accepting ordinary names, accents and right-to-left scripts", () => {
    for (const name of ["Maya Okafor", "Zoë Ngô", "مايا", "María-José O'Neil"]) {
      expect(profileSchema.safeParse({ name, handle: "maya" }).success).toBe(true);
    }
  });

  it("refuses a handle with a bidi override or control character with the same message first", () => {
    for (const handle of ["maya\u202E", "ma\u0000ya", "\u2066maya"]) {
      const result = handleSchema.safeParse(handle);
      expect(result.error?.issues[0]?.message).toBe(UNSAFE_TEXT_MESSAGE);
    }
  });

  it("refuses a verdict with a control character or bidi override, but lets a pasted line break through as a space", () => {
    expect(issuesOn(reviewFormSchema.safeParse(review("Great\u0008 film")), "verdict")).toEqual([UNSAFE_TEXT_MESSAGE]);
    expect(issuesOn(reviewFormSchema.safeParse(review("Great \u202Dfilm")), "verdict")).toEqual([UNSAFE_TEXT_MESSAGE]);
    const pasted = reviewFormSchema.safeParse(review("Great\n\tfilm"));
    expect(pasted.success).toBe(true);
    expect(pasted.data?.verdict).toBe("Great film");
  });
});

describe("text as the blocklist compares it", () => {
  it("drops zero-width characters and soft hyphens, folds full-width letters and case", () => {
    expect(normalizeForMatching("bad\u200bword")).toBe("badword");
    expect(normalizeForMatching("b\u00ADa\u200Cd\u200Dw\u2060o\uFEFFrd")).toBe("badword");
    expect(normalizeForMatching("ＢＡＤＷＯＲＤ")).toBe("badword");
    expect(normalizeForMatching("Ordinary Words")).toBe("ordinary words");
  });
});

describe("a blocklist term", () => {
  it("is stored as comments are matched: NFKC, lower case, no invisible characters", () => {
    expect(blockedTermSchema.parse({ term: "  ＧＲＵＭ\u200bble\u00adweed " }).term).toBe("grumbleweed");
    expect(blockedTermSchema.safeParse({ term: "\u200bx\u200b" }).success).toBe(false);
  });
});
