/**
 * The browser security headers every response carries, decided in one place
 * and sent by proxy.ts on every path: a content security policy with a fresh
 * nonce on the pages rendered for each request, and one allowing this
 * origin's inline scripts on the pages served from the route cache. No
 * server imports: proxy.ts loads this module.
 * README, "Security headers", says why the policy is what it is.
 */

export interface PolicyOptions {
  /** Development relaxes only what `next dev` needs: React's debugging eval. */
  development: boolean;
  /** Served over https: every http address on the page is fetched over https instead. */
  https: boolean;
  /** The per-request nonce: inline scripts only by this nonce (or a known hash), never any inline script. */
  nonce?: string;
  /** Origins a sign-in form may be redirected to (the OAuth providers' authorization pages). */
  formTargets?: readonly string[];
}

/** Where each sign-in provider sends the browser to authorize, for `form-action`. */
export const PROVIDER_AUTHORIZE_ORIGINS: Readonly<Record<string, readonly string[]>> = {
  google: ["https://accounts.google.com"],
  twitter: ["https://x.com", "https://twitter.com"],
  facebook: ["https://www.facebook.com"],
};

/**
 * The one inline script React writes into a prerendered shell without a nonce
 * (it times when streamed parts are revealed), allowed by its hash.
 */
export const REACT_REVEAL_TIMER_SCRIPT = "requestAnimationFrame(function(){$RT=performance.now()});";
export const REACT_REVEAL_TIMER_HASH = "sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs=";

/** The Content-Security-Policy header's value. */
export function contentSecurityPolicy(options: PolicyOptions): string {
  const scripts = options.nonce
    ? // Next puts the nonce on every inline script it streams for this request; the
      // prerendered shell's <script src> tags carry none, so files from this origin stay allowed.
      ["'self'", `'nonce-${options.nonce}'`, `'${REACT_REVEAL_TIMER_HASH}'`]
    : // A page served from the route cache is the same bytes for every reader, so its inline
      // RSC payload scripts can carry neither a fresh nonce nor a hash named in this header.
      ["'self'", "'unsafe-inline'"];
  if (options.development) scripts.push("'unsafe-eval'");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", ...scripts],
    // Inline event handlers (onerror=…) never run, even where inline scripts may.
    ["script-src-attr", "'none'"],
    // React writes style attributes (a bar's width in the rating histogram).
    ["style-src", "'self'", "'unsafe-inline'"],
    // data: for the inline favicon; Open Graph images are routes on this origin.
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'", ...(options.formTargets ?? [])],
    ["manifest-src", "'self'"],
    ["worker-src", "'self'"],
  ];
  const policy = directives.map((directive) => directive.join(" "));
  if (options.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/**
 * Every browser feature Marquee never uses, switched off for the page and
 * anything it embeds (only names Chromium knows: an unknown one is a console warning).
 */
const DISABLED_FEATURES = [
  "accelerometer",
  "autoplay",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "idle-detection",
  "interest-cohort",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "screen-wake-lock",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export const PERMISSIONS_POLICY = DISABLED_FEATURES.map((feature) => `${feature}=()`).join(", ");

/** Two years, subdomains included: the value browsers' preload lists ask for. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** The headers besides the content security policy, the same on every response. */
export function securityHeaders(options: { https: boolean }): { key: string; value: string }[] {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  // A browser remembers HSTS for two years; sending it from a site on plain http would be a lie.
  if (options.https) headers.push({ key: "Strict-Transport-Security", value: HSTS });
  return headers;
}

/**
 * Pages rendered for each request (they read the session or the query
 * string), whose scripts Next marks with the request's nonce. Every other
 * page is served from the route cache, the same bytes for everyone.
 */
/** Pages only a signed-in member may open (proxy.ts sends a visitor without a session cookie to sign in). */
export const SIGNED_IN_ONLY_PAGES = [
  /^\/account(\/delete|\/import(\/.*)?)?$/,
  /^\/admin(\/.*)?$/,
  // The public moderation record and the house rules are for everyone, visitors too.
  /^\/moderation(?!\/(?:record|rules)(?:\/|$))(\/.*)?$/,
  /^\/films\/[^/]+\/review$/,
  /^\/reviews\/[^/]+\/reply\/[^/]+$/,
  /^\/reviews\/[^/]+\/unpublished$/,
  /^\/notifications$/,
  /^\/account\/notifications$/,
];

const PER_REQUEST_PAGES = [
  /^\/$/,
  /^\/films$/,
  /^\/reviews$/,
  /^\/members$/,
  /^\/signin$/,
  ...SIGNED_IN_ONLY_PAGES,
  /^\/moderation\/record$/,
];

export function rendersPerRequest(pathname: string): boolean {
  return PER_REQUEST_PAGES.some((pattern) => pattern.test(pathname));
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
