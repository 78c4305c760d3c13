import { describe, expect, it } from "vitest";
import { handleSchema, suggestHandle } from "@/lib/auth/handle";
import { profileSchema } from "@/lib/account/profile-schema";

const messageFor = (handle: string) => {
  const result = handleSchema.safeParse(handle);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("handle rules", () => {
  it("accepts lower-case letters, digits, dashes and underscores, normalising case and spaces", () => {
    expect(handleSchema.parse("maya_okafor-2")).toBe("maya_okafor-2");
    expect(handleSchema.parse("  Maya  ")).toBe("maya");
  });

  it("explains each rule it refuses", () => {
    expect(messageFor("ab")).toBe("A handle needs at least 3 characters.");
    expect(messageFor("a".repeat(31))).toBe("A handle can be at most 30 characters.");
    expect(messageFor("maya okafor")).toBe("Use only letters, digits, dashes and underscores.");
    expect(messageFor("maya/../admin")).toBe("Use only letters, digits, dashes and underscores.");
    expect(messageFor("-maya")).toBe("Start the handle with a letter or a digit.");
    expect(messageFor("Admin")).toBe("That handle is reserved; please choose another.");
  });

  it("suggests a valid, unreserved handle from a name or an email", () => {
    expect(suggestHandle("Maya Okafor")).toBe("maya-okafor");
    expect(suggestHandle("zoë@example.com")).toBe("zoe");
    expect(suggestHandle("Al")).toBe("member-al");
    expect(suggestHandle("admin")).toBe("admin-1");
    for (const source of ["Maya Okafor", "zoë@example.com", "Al", "admin", null, "!!!"]) {
      expect(handleSchema.safeParse(suggestHandle(source)).success).toBe(true);
    }
  });
});

describe("profile form schema", () => {
  it("requires a display name of at most 50 characters", () => {
    const empty = profileSchema.safeParse({ name: "   ", handle: "maya" });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues[0]).toMatchObject({ path: ["name"], message: "Enter the name other members will see." });
    const long = profileSchema.safeParse({ name: "x".repeat(51), handle: "maya" });
    expect(long.error?.issues[0]?.message).toBe("A display name can be at most 50 characters.");
  });

  it("returns the trimmed name and normalised handle", () => {
    expect(profileSchema.parse({ name: "  Maya O. ", handle: " Maya-2 " })).toEqual({
      name: "Maya O.",
      handle: "maya-2",
    });
  });
});
