import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientIp, clientIpFrom, trustedProxies } from "@/lib/security/client-ip";

const none = trustedProxies([]);
const edge = trustedProxies(["10.0.0.0/8", "2001:db8::/32", "192.0.2.10"]);

describe("the client's address", () => {
  it("is the connection's peer when no proxy is trusted, whatever the client wrote before it", () => {
    expect(clientIpFrom("198.51.100.7", none)).toBe("198.51.100.7");
    // A client that sends its own X-Forwarded-For only adds entries to the left of the peer.
    expect(clientIpFrom("1.2.3.4, 198.51.100.7", none)).toBe("198.51.100.7");
  });

  it("is the address a trusted proxy saw, when the peer is that proxy", () => {
    expect(clientIpFrom("203.0.113.9, 10.1.2.3", edge)).toBe("203.0.113.9");
    // Two trusted hops (a CDN range and a load balancer by address).
    expect(clientIpFrom("203.0.113.9, 192.0.2.10, 10.1.2.3", edge)).toBe("203.0.113.9");
    expect(clientIpFrom("2001:db8::5, 203.0.113.9, 2001:db8::1", edge)).toBe("203.0.113.9");
  });

  it("is the rightmost untrusted address of a spoofed chain, never what the client claims", () => {
    // The client claims to be 10.9.9.9 (a trusted range) and 8.8.8.8; the proxy appended the real address.
    expect(clientIpFrom("8.8.8.8, 10.9.9.9, 203.0.113.9, 10.1.2.3", edge)).toBe("203.0.113.9");
    expect(clientIpFrom("garbage, 203.0.113.9, 10.1.2.3", edge)).toBe("203.0.113.9");
  });

  it("does not believe a proxy that is not trusted", () => {
    // 198.51.100.1 is not in the list, so what it forwarded is not believed.
    expect(clientIpFrom("203.0.113.9, 198.51.100.1", edge)).toBe("198.51.100.1");
  });

  it("reads IPv4 on an IPv6 socket as IPv4, so ranges match", () => {
    expect(clientIpFrom("203.0.113.9, ::ffff:10.1.2.3", edge)).toBe("203.0.113.9");
    expect(clientIpFrom("::ffff:198.51.100.7", none)).toBe("198.51.100.7");
  });

  it("is the first hop when every hop is trusted, and null without the header", () => {
    expect(clientIpFrom("10.0.0.5, 10.1.2.3", edge)).toBe("10.0.0.5");
    expect(clientIpFrom(null, edge)).toBeNull();
    expect(clientIpFrom("", edge)).toBeNull();
  });

  it("is read from a request's headers", () => {
    const request = { headers: new Headers({ "x-forwarded-for": "203.0.113.9, 10.1.2.3" }) };
    expect(clientIp(request, ["10.0.0.0/8"])).toBe("203.0.113.9");
    expect(clientIp(request, [])).toBe("10.1.2.3");
  });
});

describe("MARQUEE_TRUSTED_PROXIES", () => {
  it("is none by default, and a comma-separated list of addresses and ranges", () => {
    expect(parseEnv({}).MARQUEE_TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ MARQUEE_TRUSTED_PROXIES: " 10.0.0.0/8, ::1 ,192.0.2.10" }).MARQUEE_TRUSTED_PROXIES).toEqual([
      "10.0.0.0/8",
      "::1",
      "192.0.2.10",
    ]);
  });

  it("stops the start naming itself when an entry is not an address or range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0/8", "2001:db8::/129"]) {
      expect(() => parseEnv({ MARQUEE_TRUSTED_PROXIES: bad }), bad).toThrow(/MARQUEE_TRUSTED_PROXIES/);
    }
  });
});
