import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NotificationSettingsForm } from "@/components/notifications/settings-form";
import { PerRequest } from "@/components/ui/per-request";
import { getCurrentUser } from "@/lib/auth";
import { mailConfigured } from "@/lib/notifications/mail-config";
import { getNotificationSettings } from "@/lib/notifications/queries";
import { saveNotificationSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Notification settings", robots: { index: false, follow: false } };

async function Settings() {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/account/notifications")}`);
  const choices = await getNotificationSettings(user.id);
  return (
    <>
      {mailConfigured() ? null : (
        <p className="text-sm text-[var(--color-muted)]">
          This site does not send e-mail at the moment; your e-mail choices apply once it does.
        </p>
      )}
      <NotificationSettingsForm action={saveNotificationSettingsAction} choices={choices} />
    </>
  );
}

/** Per kind: whether the member is told in the app, by e-mail, both or neither. */
export default function NotificationSettingsPage() {
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/notifications" className="text-[var(--color-accent)] hover:underline">
          ← Your notifications
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">Notification settings</h1>
      <p>Choose what Marquee tells you about, and whether it tells you here, by e-mail, or both.</p>
      <PerRequest what="your notification settings">
        <Settings />
      </PerRequest>
    </div>
  );
}
