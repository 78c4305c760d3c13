import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";

describe("sign-in error messages", () => {
  it("explains an account whose email belongs to another member, and how to link it", () => {
    expect(signInErrorMessage("OAuthAccountNotLinked")).toMatch(
      /^This email belongs to a member who signed in with another provider; sign in with that one and link this account from your account page\./,
    );
  });

  it("gives each known code its own sentence and anything else a general one", () => {
    const messages = ["Configuration", "AccessDenied", "OAuthCallbackError", "Verification"].map(signInErrorMessage);
    expect(new Set(messages).size).toBe(4);
    expect(signInErrorMessage("SomethingNew")).toBe(signInErrorMessage("Verification"));
    expect(signInErrorMessage("Configuration")).toMatch(/could not be reached/);
  });

  it("tells a visitor whose address started too many sign-ins to wait", () => {
    expect(signInErrorMessage("RateLimited")).toMatch(/Too many sign-in attempts.*Wait a minute/);
  });

  it("says nothing when there is no error", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
  });
});
