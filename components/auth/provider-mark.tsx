/**
 * A small mark for a sign-in provider, drawn inline (no image requests).
 * Decorative: the provider's name always sits beside it as text.
 */
export function ProviderMark({ provider, className = "h-5 w-5" }: { provider: string; className?: string }) {
  const common = { viewBox: "0 0 24 24", className, "aria-hidden": true, focusable: false } as const;
  switch (provider) {
    case "google":
      return (
        <svg {...common}>
          <g fill="none" strokeWidth="3.2">
            <path d="M17.66 6.34A8 8 0 0 0 4.48 9.26" stroke="#ea4335" />
            <path d="M4.48 9.26a8 8 0 0 0 0 5.48" stroke="#fbbc05" />
            <path d="M4.48 14.74a8 8 0 0 0 13.18 2.92" stroke="#34a853" />
            <path d="M17.66 17.66A8 8 0 0 0 20 12h-8" stroke="#4285f4" />
          </g>
        </svg>
      );
    case "twitter":
      return (
        <svg {...common}>
          <rect width="24" height="24" rx="5" fill="#000" />
          <path d="M6.2 5.8h3.4l8.2 12.4h-3.4z" fill="#fff" />
          <path d="M17.4 5.8 12.9 11M11.1 13l-4.7 5.2" stroke="#fff" strokeWidth="1.7" />
        </svg>
      );
    case "facebook":
      return (
        <svg {...common}>
          <circle cx="12" cy="12" r="12" fill="#1877f2" />
          <path
            d="M13.3 24v-8.6h2.6l.4-3.1h-3v-2c0-.9.3-1.5 1.6-1.5h1.6V6.1c-.3 0-1.3-.1-2.4-.1-2.3 0-3.9 1.4-3.9 4v2.3H7.6v3.1h2.6V24z"
            fill="#fff"
          />
        </svg>
      );
    default:
      // A key: any OpenID Connect provider (a company Keycloak, the test issuer).
      return (
        <svg {...common}>
          <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <circle cx="8" cy="12" r="4" />
            <path d="M12 12h9M18 12v3M21 12v2" />
          </g>
        </svg>
      );
  }
}
