"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import type { ReactNode } from "react";
import { ProviderMark } from "@/components/auth/provider-mark";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";
import { useViewer, useViewerActions } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { suspensionDetails } from "@/lib/policy";

// Only a signed-in reader gets this form, so its code (and the form library under it) loads when
// the viewer payload says so, not with the page every reader shares.
const CommentForm = dynamic(() => import("./comment-form").then((m) => m.CommentForm), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--color-muted)]">Loading the form…</p>,
});

/**
 * "Leave a Reply" for the reader of a published review: the comment form
 * with the account that signs it ("You are commenting using your Google
 * account"), a note for a suspended member, or `visitor` (the invitation to
 * sign in, drawn with the shared page) for anyone else and until the viewer
 * payload arrives.
 */
export function ReplyBox({
  reviewId,
  post,
  chooseAccount,
  signOut,
  visitor,
}: {
  reviewId: number;
  post: FormAction;
  chooseAccount: FormAction;
  signOut: FormAction;
  visitor: ReactNode;
}) {
  const viewer = useViewer();
  const { signOut: forget } = useViewerActions();
  const member = viewer?.member;
  if (!member) return visitor;
  if (member.suspended) {
    return (
      <p role="note">
        Your account is suspended, so you cannot comment. You can still read and sign in.{suspensionDetails(member)}
      </p>
    );
  }
  const accounts = viewer.review?.id === reviewId ? viewer.review.signing : [];
  const signing = accounts[0];
  if (!signing) {
    return (
      <p>
        Link a sign-in account on{" "}
        <Link href="/account" className="text-[var(--color-accent)] hover:underline">
          your account page
        </Link>{" "}
        to comment.
      </p>
    );
  }
  const base = `/reviews/${reviewId}`;
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <ProviderMark provider={signing.provider} className="h-4 w-4" />
        <span>You are commenting using your {signing.name} account</span>
        <span className="inline-flex items-start gap-1">
          <span aria-hidden="true">(</span>
          <form
            action={async (form) => {
              forget();
              await signOut(form);
            }}
            className="inline"
          >
            <input type="hidden" name="callbackUrl" value={base} />
            <button type="submit" className="text-[var(--color-accent)] hover:underline">
              Log out
            </button>
          </form>
          <span aria-hidden="true">/</span>
          <Disclosure label="Change" className="inline-block">
            {accounts.length > 1 ? (
              <ActionForm action={chooseAccount} idPrefix="signing" label="Choose the account that signs your comments">
                <input type="hidden" name="reviewId" value={reviewId} />
                <fieldset className="space-y-1">
                  <legend className="text-sm font-medium">Sign my comments with</legend>
                  {accounts.map((account, i) => (
                    <label key={`${account.provider}:${account.providerAccountId}`} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name="account"
                        value={`${account.provider}:${account.providerAccountId}`}
                        defaultChecked={i === 0}
                      />
                      <ProviderMark provider={account.provider} className="h-4 w-4" />
                      {account.name}
                    </label>
                  ))}
                </fieldset>
                <SubmitButton>Use this account</SubmitButton>
              </ActionForm>
            ) : (
              <p className="text-sm">This is the only account linked to your profile.</p>
            )}
            <Link href="/account" className="text-sm text-[var(--color-accent)] hover:underline">
              Sign in with another account and link it
            </Link>
          </Disclosure>
          <span aria-hidden="true">)</span>
        </span>
      </div>
      <CommentForm action={post} reviewId={reviewId} idPrefix="leave-reply" label="Your comment" />
    </>
  );
}
