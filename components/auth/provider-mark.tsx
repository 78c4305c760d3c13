const KNOWN = new Set(["google", "twitter", "facebook"]);

/**
 * A small mark for a sign-in provider, drawn by the stylesheet (app/globals.css)
 * so a thread of comments carries a class name for each, not a drawing; no
 * image requests. Decorative: the provider's name always sits beside it as text.
 * Any other provider (an OpenID Connect issuer) gets a key.
 */
export function ProviderMark({ provider, className = "h-5 w-5" }: { provider: string; className?: string }) {
  const mark = KNOWN.has(provider) ? provider : "key";
  return <span aria-hidden="true" className={`provider-mark provider-mark-${mark} ${className}`} />;
}
