import { describe, expect, it } from "vitest";
import { hasRole, ROLES } from "@/lib/auth/roles";

describe("hasRole", () => {
  it("ranks admin above moderator above member", () => {
    expect(hasRole("admin", "moderator")).toBe(true);
    expect(hasRole("admin", "member")).toBe(true);
    expect(hasRole("moderator", "member")).toBe(true);
  });

  it("refuses a lower role", () => {
    expect(hasRole("member", "moderator")).toBe(false);
    expect(hasRole("member", "admin")).toBe(false);
    expect(hasRole("moderator", "admin")).toBe(false);
  });

  it("accepts each role for itself", () => {
    for (const role of ROLES) expect(hasRole(role, role)).toBe(true);
  });
});

describe("the role list", () => {
  it("is the database's role enum, in the same order", async () => {
    const { roleEnum } = await import("@/db/schema");
    expect([...ROLES]).toEqual(roleEnum.enumValues);
  });
});
