import { BlockList, isIP } from "node:net";

/**
 * Who is asking, by address. Next.js hands the app only the request's
 * headers, not its socket; Marquee's patch to Next (patches/next+16.4.6.patch)
 * appends the connection's own address to X-Forwarded-For on every request,
 * as a proxy would, so the header's last entry is always the peer. Every
 * entry before it was written by someone else: believed only when the entry
 * after it is a trusted proxy (MARQUEE_TRUSTED_PROXIES).
 */

/** "::ffff:203.0.113.7" (IPv4 on an IPv6 socket) as "203.0.113.7"; anything else as it is. */
function normalise(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** A set of addresses and CIDR ranges, from MARQUEE_TRUSTED_PROXIES's entries. */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const normalised = normalise(address);
    const family = isIP(normalised) === 6 ? "ipv6" : "ipv4";
    if (prefix === undefined) list.addAddress(normalised, family);
    else list.addSubnet(normalised, Number(prefix), family);
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address from an X-Forwarded-For value whose last entry is the
 * connection's peer: walking from the right, the first address that is not a
 * trusted proxy. With no trusted proxies, the peer itself. Null when the
 * header is missing or empty.
 */
export function clientIpFrom(forwardedFor: string | null, trusted: BlockList): string | null {
  const chain = (forwardedFor ?? "")
    .split(",")
    .map(normalise)
    .filter((entry) => entry !== "");
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isTrusted(chain[i]!, trusted)) return chain[i]!;
  }
  // Every hop was a trusted proxy: the first one is as close to the client as anyone can tell.
  return chain[0] ?? null;
}

let cached: { key: string; list: BlockList } | undefined;

function trustedList(trustedEntries: readonly string[]): BlockList {
  const key = trustedEntries.join(",");
  if (cached?.key !== key) cached = { key, list: trustedProxies(trustedEntries) };
  return cached.list;
}

/** The client address of `request` (see clientIpFrom), given the trusted proxies' entries. */
export function clientIp(request: { headers: Headers }, trustedEntries: readonly string[]): string | null {
  return clientIpFrom(request.headers.get("x-forwarded-for"), trustedList(trustedEntries));
}

/** Whether the connection's peer (X-Forwarded-For's last entry) is a trusted proxy, whose own headers are believed. */
export function fromTrustedProxy(request: { headers: Headers }, trustedEntries: readonly string[]): boolean {
  if (trustedEntries.length === 0) return false;
  const peer = (request.headers.get("x-forwarded-for") ?? "").split(",").map(normalise).at(-1);
  return peer !== undefined && peer !== "" && isTrusted(peer, trustedList(trustedEntries));
}
