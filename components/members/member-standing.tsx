"use client";

import { useViewer } from "@/components/viewer/viewer-context";
import { suspensionEndText } from "@/lib/policy";

/**
 * On a member's page, for a moderator only: that the member is suspended,
 * why and until when. The page is shared by every reader and never says it;
 * this comes from the moderator's own viewer payload, which nobody else's
 * carries, so for everyone else (and until the payload arrives) it is nothing.
 */
export function MemberStanding({ handle }: { handle: string }) {
  const profile = useViewer()?.profile;
  if (!profile || profile.handle !== handle || !profile.suspension) return null;
  const { reason, until } = profile.suspension;
  return (
    <p role="note" className="rounded border-l-4 border-[var(--color-accent)] bg-[var(--color-card)] p-3 text-sm">
      Moderators only: @{handle} is suspended from posting{" "}
      {until ? `until the end of ${suspensionEndText(until)}` : "until a moderator lifts it"}.
      {reason ? ` Reason: ${reason}` : ""}
    </p>
  );
}
