import { describe, expect, it } from "vitest";
import { sessionCookie } from "@/lib/auth/session-cookie";

describe("the session cookie the development sign-in sets", () => {
  it("is Auth.js's cookie over http: HttpOnly, SameSite=Lax, whole site, not Secure", () => {
    expect(sessionCookie(false)).toEqual({
      name: "authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });

  it("is Secure with the __Secure- prefix under https", () => {
    expect(sessionCookie(true)).toEqual({
      name: "__Secure-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });
});
