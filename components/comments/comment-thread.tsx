import type { CommentView } from "@/lib/comments/queries";
import type { TreeNode } from "@/lib/comments/tree";
import type { FormAction } from "@/lib/forms/action-state";
import { CommentActionsProvider, type CommentActions } from "./comment-tools";
import { CommentTree, type TreeComment } from "./comment-tree";

export interface ThreadContext {
  reviewId: number;
  providerName: (provider: string) => string;
  /** The post action for reply forms, and the actions under each comment. */
  post: FormAction;
  actions: CommentActions;
  /** Replies folded away under each thread root on this page. */
  folded: Map<number, number>;
  /** Where a thread is read on its own: this, then the root's id. */
  threadBase: string;
}

function compact(comment: TreeNode<CommentView>, providers: Set<string>): TreeComment {
  providers.add(comment.signedWith);
  return {
    id: comment.id,
    authorId: comment.authorId,
    state: comment.state,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    html: comment.html,
    removalReason: comment.removalReason,
    handle: comment.author?.handle ?? null,
    name: comment.author?.name ?? comment.guestName ?? null,
    inReplyTo: comment.inReplyTo,
    signedWith: comment.signedWith,
    replies: comment.replies.map((reply) => compact(reply, providers)),
  };
}

/**
 * A page's comment threads. The comments go to the browser as their facts
 * and stored HTML (CommentTree draws them, on the server first), and the
 * review and its actions once for all their controls.
 */
export function CommentThread({ comments, context }: { comments: TreeNode<CommentView>[]; context: ThreadContext }) {
  const providers = new Set<string>();
  const tree = comments.map((comment) => compact(comment, providers));
  return (
    <CommentActionsProvider reviewId={context.reviewId} post={context.post} actions={context.actions}>
      <CommentTree
        comments={tree}
        settings={{
          providers: Object.fromEntries([...providers].map((id) => [id, context.providerName(id)])),
          folded: Object.fromEntries(context.folded),
          threadBase: context.threadBase,
        }}
      />
    </CommentActionsProvider>
  );
}
