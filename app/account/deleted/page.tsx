import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = {
  title: "Your account is deleted",
  robots: { index: false },
};

export default function AccountDeletedPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="font-serif text-4xl font-bold">Your account is deleted</h1>
      <p>You are signed out, and what you chose to delete is gone. Thank you for the conversation.</p>
      <p>
        <Link href="/" className="text-[var(--color-accent)] underline">
          Back to the films
        </Link>
      </p>
    </div>
  );
}
