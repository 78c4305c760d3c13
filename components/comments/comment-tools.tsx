"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useViewer } from "@/components/viewer/viewer-context";
import type { FormAction } from "@/lib/forms/action-state";
import { commentControls, type CommentState } from "@/lib/policy";
import { REPORT_REASONS } from "@/lib/comments/rules";
import { RULE_OPTIONS } from "@/lib/moderation/rules";
import { ActionField, ActionForm, SubmitButton } from "@/components/ui/action-form";
import { Disclosure } from "@/components/ui/disclosure";

// Only a signed-in reader gets this form, so its code (and the form library under it) loads when
// the viewer payload says so, not with the page every reader shares.
const CommentForm = dynamic(() => import("./comment-form").then((m) => m.CommentForm), {
  ssr: false,
  loading: () => <p className="text-sm text-[var(--color-muted)]">Loading the form…</p>,
});

/** The comment and moderation actions a page hands to its threads. */
export interface CommentActions {
  edit: FormAction;
  delete: FormAction;
  report: FormAction;
  remove: FormAction;
  restore: FormAction;
  approve: FormAction;
}

/** What the rules need to know about one comment, as the shared page carries it. */
export interface CommentToolsFacts {
  id: number;
  authorId: string | null;
  state: CommentState;
  /** ISO 8601. */
  createdAt: string;
  /** Whom a reply answers, for its label. */
  name: string;
}

const ActionsContext = createContext<{ reviewId: number; post: FormAction; actions: CommentActions } | null>(null);

/** Hands the review and its comment actions to every comment's controls below it. */
export function CommentActionsProvider({
  reviewId,
  post,
  actions,
  children,
}: {
  reviewId: number;
  post: FormAction;
  actions: CommentActions;
  children: ReactNode;
}) {
  return <ActionsContext value={{ reviewId, post, actions }}>{children}</ActionsContext>;
}

const linkClass = "text-sm text-[var(--color-accent)] hover:underline";

/**
 * Reply, edit, delete, report and the moderator's controls under one
 * comment, decided in the browser by lib/policy from the viewer payload, so
 * the thread around them is the same page for every reader. The server checks
 * each action again. Before the payload arrives (or without JavaScript) there
 * is only "Reply", a link to the comment's own reply page.
 */
export function CommentTools(comment: CommentToolsFacts) {
  const scope = useContext(ActionsContext);
  if (!scope) throw new Error("CommentTools needs a CommentActionsProvider above it.");
  const { reviewId, post, actions } = scope;
  const viewer = useViewer();
  const [replying, setReplying] = useState(false);
  const member = viewer?.member ?? null;
  const replyHref = `/reviews/${reviewId}/reply/${comment.id}`;
  const replyLabel = (
    <>
      Reply<span className="sr-only"> to {comment.name}</span>
    </>
  );
  if (!member) {
    return comment.state === "visible" ? (
      <Link href={replyHref} className="comment-action block w-fit" prefetch={false}>
        {replyLabel}
      </Link>
    ) : null;
  }
  const controls = commentControls(
    member,
    { authorId: comment.authorId, state: comment.state, createdAt: new Date(comment.createdAt) },
    new Date(),
  );
  const prefix = `comment-${comment.id}`;
  // Each form is a landmark: its name says which comment, so a thread of several stays distinguishable.
  const which = `comment ${comment.id} by ${comment.name}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
        {controls.reply ? (
          <button
            type="button"
            className={linkClass}
            aria-expanded={replying}
            aria-controls={`reply-${comment.id}`}
            onClick={() => setReplying((open) => !open)}
          >
            {replyLabel}
          </button>
        ) : null}
        {controls.edit ? (
          <Disclosure label="Edit">
            <EditComment commentId={comment.id} action={actions.edit} prefix={prefix} />
          </Disclosure>
        ) : null}
        {controls.delete ? (
          <Disclosure label="Delete">
            <ActionForm
              action={actions.delete}
              idPrefix={`${prefix}-delete`}
              label={`Delete your comment ${comment.id}`}
            >
              <input type="hidden" name="commentId" value={comment.id} />
              <p className="text-sm">Delete this comment? Its words are erased; replies to it stay.</p>
              <SubmitButton tone="danger">Yes, delete it</SubmitButton>
            </ActionForm>
          </Disclosure>
        ) : null}
        {controls.report ? (
          <Disclosure label="Report">
            <ActionForm action={actions.report} idPrefix={`${prefix}-report`} label={`Report ${which}`}>
              <input type="hidden" name="commentId" value={comment.id} />
              <ActionField name="reason" label="What is wrong?" as="select" required options={REPORT_REASONS} />
              <ActionField
                name="note"
                label="Note for the moderators (needed for “Something else”)"
                as="textarea"
                maxLength={500}
                rows={2}
              />
              <SubmitButton>Send report</SubmitButton>
            </ActionForm>
          </Disclosure>
        ) : null}
        {controls.approve ? (
          <ActionForm action={actions.approve} idPrefix={`${prefix}-approve`} label={`Approve ${which}`}>
            <input type="hidden" name="commentId" value={comment.id} />
            <SubmitButton tone="plain">Approve</SubmitButton>
          </ActionForm>
        ) : null}
        {controls.remove ? (
          <Disclosure label="Remove">
            <ActionForm action={actions.remove} idPrefix={`${prefix}-remove`} label={`Remove ${which}`}>
              <input type="hidden" name="commentId" value={comment.id} />
              <ActionField name="rule" label="Rule broken" as="select" required options={RULE_OPTIONS} />
              <ActionField name="reason" label="Reason shown in the thread" required maxLength={500} />
              <SubmitButton tone="danger">Remove comment</SubmitButton>
            </ActionForm>
          </Disclosure>
        ) : null}
        {controls.restore ? (
          <Disclosure label="Restore">
            <ActionForm action={actions.restore} idPrefix={`${prefix}-restore`} label={`Restore ${which}`}>
              <input type="hidden" name="commentId" value={comment.id} />
              <ActionField
                name="reason"
                label="Reason for the log"
                maxLength={500}
                defaultValue="Restored after review"
              />
              <SubmitButton>Restore comment</SubmitButton>
            </ActionForm>
          </Disclosure>
        ) : null}
      </div>
      {controls.restore ? <RemovedText commentId={comment.id} /> : null}
      {replying && controls.reply ? (
        <div id={`reply-${comment.id}`} className="space-y-2 rounded border border-[var(--color-line)] p-3">
          <CommentForm
            action={post}
            reviewId={reviewId}
            parentId={comment.id}
            idPrefix={`reply-${comment.id}`}
            label={`Reply to ${comment.name}`}
            autoFocus
          />
          <button
            type="button"
            className="text-sm text-[var(--color-muted)] hover:underline"
            onClick={() => setReplying(false)}
          >
            Cancel reply
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** The Markdown a comment was written in, for its author's edit form or a moderator's eyes; fetched when needed. */
function useCommentSource(commentId: number, wanted: boolean): { source: string | null; failed: boolean } {
  const [result, setResult] = useState<{ source: string | null; failed: boolean }>({ source: null, failed: false });
  useEffect(() => {
    if (!wanted) return;
    const controller = new AbortController();
    fetch(`/api/comments/${commentId}/source`, { cache: "no-store", signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { source: string };
        setResult({ source: body.source, failed: false });
      })
      .catch(() => {
        if (!controller.signal.aborted) setResult({ source: null, failed: true });
      });
    return () => controller.abort();
  }, [commentId, wanted]);
  return result;
}

function EditComment({ commentId, action, prefix }: { commentId: number; action: FormAction; prefix: string }) {
  const { source, failed } = useCommentSource(commentId, true);
  if (failed)
    return <p className="text-sm">Your comment could not be loaded for editing. Reload the page to try again.</p>;
  if (source === null) return <p className="text-sm text-[var(--color-muted)]">Loading your comment…</p>;
  return (
    <ActionForm action={action} idPrefix={`${prefix}-edit`} label={`Edit your comment ${commentId}`}>
      <input type="hidden" name="commentId" value={commentId} />
      <ActionField
        name="body"
        label="Your comment"
        as="textarea"
        required
        maxLength={5000}
        defaultValue={source}
        rows={4}
      />
      <SubmitButton>Save edit</SubmitButton>
    </ActionForm>
  );
}

function RemovedText({ commentId }: { commentId: number }) {
  return (
    <Disclosure label="Show the removed text (moderators only)">
      <RemovedSource commentId={commentId} />
    </Disclosure>
  );
}

/** Mounted when the moderator opens the panel, so the text is fetched only then. */
function RemovedSource({ commentId }: { commentId: number }) {
  const { source, failed } = useCommentSource(commentId, true);
  return (
    <p tabIndex={-1} className="whitespace-pre-wrap text-sm">
      {failed ? "The removed text could not be loaded." : (source ?? "Loading…")}
    </p>
  );
}
