/**
 * Where Auth.js may send a browser after signing in or out: only somewhere on
 * our own origin. Anything else (`https://evil.example`, `//evil.example`,
 * `/\evil`, `javascript:…`) lands on the home page instead.
 */
export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return base.origin;
  }
  return target.origin === base.origin ? target.href : base.origin;
}

/**
 * A `callbackUrl` from a query string or form made safe to hand to our own
 * redirects: a path on this site ("/films/her?x=1"), or `fallback` when it
 * points anywhere else or is missing. A full URL counts as ours only when it
 * is on `origin` (Auth.js passes full URLs, such as http://localhost:3000/account).
 */
export function localPath(callbackUrl: unknown, options: { origin?: string; fallback?: string } = {}): string {
  const fallback = options.fallback ?? "/";
  if (typeof callbackUrl !== "string" || callbackUrl === "") return fallback;
  const base = options.origin ? new URL(options.origin).origin : "http://marquee.invalid";
  let target: URL;
  try {
    target = new URL(callbackUrl, base);
  } catch {
    return fallback;
  }
  if (target.origin !== base) return fallback;
  // "/.//evil.example" normalises to the path "//evil.example", which a browser
  // reads as another host: only a single leading slash is a path here.
  if (/^\/[\\/]/.test(target.pathname)) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
