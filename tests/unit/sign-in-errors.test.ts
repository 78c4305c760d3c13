import { describe, expect, it } from "vitest";
import { hideAccountNotLinked, NOT_SIGNED_IN_HERE, signInErrorMessage } from "@/lib/auth/sign-in-errors";

describe("sign-in error messages", () => {
  it("says the same about an account whose email is registered as about any refused sign-in", () => {
    const notLinked = signInErrorMessage("OAuthAccountNotLinked");
    expect(notLinked).toBe(signInErrorMessage("AccessDenied"));
    expect(notLinked).toBe(NOT_SIGNED_IN_HERE);
    expect(notLinked).toMatch(/^That account could not sign you in here\./);
    expect(notLinked).toContain("link this one from your account page");
    expect(notLinked).not.toMatch(/belongs|already linked|registered|email/i);
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

describe("the sign-in route's redirects", () => {
  const redirect = (location: string) => () =>
    Promise.resolve(
      new Response(null, {
        status: 302,
        headers: [
          ["location", location],
          ["set-cookie", "a=1; Path=/"],
          ["set-cookie", "b=2; Path=/"],
        ],
      }),
    );

  it("turn OAuthAccountNotLinked into AccessDenied, keeping the status and every cookie", async () => {
    const response = await hideAccountNotLinked(redirect("http://localhost:3000/signin?error=OAuthAccountNotLinked"))();
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/signin?error=AccessDenied");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("leave every other answer as it was", async () => {
    const response = await hideAccountNotLinked(redirect("http://localhost:3000/account"))();
    expect(response.headers.get("location")).toBe("http://localhost:3000/account");
  });
});
