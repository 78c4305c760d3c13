import type { Metadata } from "next";
import Link from "next/link";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { PerRequest } from "@/components/ui/per-request";
import { unsubscribeAction } from "./actions";

type Search = Promise<{ token?: string | string[] }>;

export const metadata: Metadata = { title: "Stop reply e-mail", robots: { index: false, follow: false } };

/** The token from the e-mail's link, carried into the form (a link opened is never an unsubscribe by itself). */
async function Confirm({ searchParams }: { searchParams: Search }) {
  const given = (await searchParams).token;
  const token = typeof given === "string" ? given.slice(0, 500) : "";
  if (!token) {
    return (
      <p role="status">
        This link has no unsubscribe token. Use the link from the e-mail, or{" "}
        <Link href="/account/notifications" className="text-[var(--color-accent)] hover:underline">
          change your notification settings
        </Link>
        .
      </p>
    );
  }
  return <UnsubscribeForm action={unsubscribeAction} token={token} />;
}

/**
 * For people who click the link in a reply e-mail: a page with one button,
 * so a mail scanner that opens every link changes nothing.
 */
export default function UnsubscribePage({ searchParams }: { searchParams: Search }) {
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="font-serif text-3xl font-bold">Stop e-mail about replies</h1>
      <p>
        Marquee e-mails you when someone replies to one of your comments. Press the button to stop those e-mails; you
        are still told in the app.
      </p>
      <PerRequest what="the unsubscribe form">
        <Confirm searchParams={searchParams} />
      </PerRequest>
    </div>
  );
}
