import type { Metadata } from "next";
import Link from "next/link";
import { signInWithProvider, signOutAction } from "@/app/signin/actions";
import { AccountMenu } from "@/components/auth/account-menu";
import { SearchBox } from "@/components/films/search-box";
import { NotificationsLink } from "@/components/notifications/notifications-link";
import { ViewerProvider } from "@/components/viewer/viewer-context";
import { siteUrl } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: "Marquee — film reviews and the people who write them", template: "%s · Marquee" },
  description:
    "Rate films on a four-point scale, write reviews and talk them over with a community that cares about cinema.",
  applicationName: "Marquee",
  // Inline, so no page spends a request on it (the same drawing as public/favicon.svg).
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'%3E%3Crect width='64' height='64' rx='12' fill='%239b2c1f'/%3E%3Cpath d='M14 48V16h8l10 16 10-16h8v32h-8V30l-10 15-10-15v18z' fill='%23fbf8f3'/%3E%3C/svg%3E",
  },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <ViewerProvider>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-[var(--color-card)] focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <header className="border-b border-[var(--color-line)]">
            <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-4 px-4 py-3">
              <Link href="/" className="font-serif text-2xl font-bold tracking-tight no-underline">
                Marquee
              </Link>
              <nav aria-label="Main" className="flex gap-4 text-sm">
                <Link href="/films" className="hover:underline">
                  Films
                </Link>
                <Link href="/reviews" className="hover:underline">
                  Reviews
                </Link>
                <Link href="/members" className="hover:underline">
                  Members
                </Link>
              </nav>
              <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-3">
                <SearchBox />
                <NotificationsLink />
                <AccountMenu signIn={signInWithProvider} signOut={signOutAction} />
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
            {children}
          </main>
          <footer className="border-t border-[var(--color-line)] text-sm text-[var(--color-muted)]">
            <div className="mx-auto max-w-5xl px-4 py-6">
              <p>Marquee — reviews on a four-point scale, written by members and kept civil by moderators.</p>
              <p className="mt-2">
                <Link href="/moderation/record" className="hover:underline">
                  Moderation record
                </Link>
                {" · "}
                <Link href="/moderation/rules" className="hover:underline">
                  House rules
                </Link>
              </p>
            </div>
          </footer>
        </ViewerProvider>
      </body>
    </html>
  );
}
