"use client";

import Link from "next/link";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { useViewer } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { isPoster } from "@/lib/policy";

/**
 * Follow or unfollow the member whose page this is. The page is shared by
 * every reader, so whether you follow them comes from your own viewer
 * payload: nothing for your own page or until it arrives, a sign-in link for
 * a visitor. The form says which state it wants, so sending it twice changes
 * nothing, and it is a plain form posting to a server action.
 */
export function FollowButton({ handle, name, action }: { handle: string; name: string; action: FormAction }) {
  const viewer = useViewer();
  if (!viewer) return null;
  if (!viewer.member) {
    return (
      <Link
        href={`/signin?callbackUrl=${encodeURIComponent(`/members/${handle}`)}`}
        className="font-medium text-[var(--color-accent)] hover:underline"
      >
        Sign in to follow {name}
      </Link>
    );
  }
  const follow = viewer.follow;
  if (!follow || follow.handle !== handle || !isPoster(viewer.member)) return null;
  return (
    <ActionForm
      action={action}
      idPrefix="follow"
      label={`Follow ${name}`}
      className="flex flex-wrap items-center gap-3"
    >
      <input type="hidden" name="handle" value={handle} />
      <input type="hidden" name="follow" value={follow.following ? "0" : "1"} />
      {follow.following ? (
        <span className="rounded border border-[var(--color-accent)] px-2 py-0.5 text-sm font-semibold">Following</span>
      ) : null}
      <SubmitButton tone={follow.following ? "plain" : "primary"}>
        {follow.following ? "Unfollow" : "Follow"}
      </SubmitButton>
    </ActionForm>
  );
}
