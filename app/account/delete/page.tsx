import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { getCurrentUser } from "@/lib/auth";
import { deleteAccountAction } from "./actions";
import { PerRequest } from "@/components/ui/per-request";

export const metadata: Metadata = {
  title: "Delete your account",
  robots: { index: false },
};

async function DeleteAccountPageContent() {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/account/delete");
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/account" className="text-[var(--color-accent)] underline">
          Your account
        </Link>
      </p>
      <h1 className="font-serif text-4xl font-bold">Delete your account</h1>
      <div className="space-y-2">
        <p>
          This cannot be undone. Your sign-in accounts, sessions, ratings (films&apos; averages are recounted without
          them), likes, reports, imports, diary, watchlist, lists, follows and notifications are deleted. You choose
          below what happens to your reviews and comments.
        </p>
        <p>
          Comments a moderator removed keep their text for the moderation record, and the moderation log keeps its
          entries.{" "}
          <a href="/account/export" className="text-[var(--color-accent)] underline">
            Download your data
          </a>{" "}
          first if you want a copy.
        </p>
      </div>
      <DeleteAccountForm action={deleteAccountAction} handle={user.handle} />
    </div>
  );
}

/** Rendered for each request: it depends on who is signed in. */
export default function DeleteAccountPage() {
  return (
    <PerRequest what="your account">
      <DeleteAccountPageContent />
    </PerRequest>
  );
}
