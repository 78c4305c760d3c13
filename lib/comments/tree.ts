import { MAX_COMMENT_DEPTH } from "./schema";

/** Where a reply attaches: under its parent, or beside it once the parent is at the deepest level. */
export function placeReply(parent: {
  id: number;
  parentId: number | null;
  depth: number;
  threadRootId: number | null;
}): {
  parentId: number;
  depth: number;
  threadRootId: number;
  /** The parent itself when the reply attaches beside it; null when it attaches under it. */
  answeredId: number | null;
} {
  const threadRootId = parent.threadRootId ?? parent.id;
  if (parent.depth >= MAX_COMMENT_DEPTH && parent.parentId !== null) {
    return { parentId: parent.parentId, depth: MAX_COMMENT_DEPTH, threadRootId, answeredId: parent.id };
  }
  return {
    parentId: parent.id,
    depth: Math.min(parent.depth + 1, MAX_COMMENT_DEPTH),
    threadRootId,
    answeredId: null,
  };
}

export interface TreeInput {
  id: number;
  parentId: number | null;
  createdAt: Date;
}

export type TreeNode<T extends TreeInput> = T & { replies: TreeNode<T>[] };

/**
 * Builds threads from a flat list, oldest first at every level. `keep`
 * decides which comments show; a hidden comment still shows (as the caller
 * renders it, a tombstone) when any reply below it shows.
 */
export function buildThreads<T extends TreeInput>(
  rows: T[],
  keep: (row: T) => "show" | "tombstone-if-replies",
): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const row of rows) nodes.set(row.id, { ...row, replies: [] });
  const roots: TreeNode<T>[] = [];
  const sorted = [...nodes.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  for (const node of sorted) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  const prune = (list: TreeNode<T>[]): TreeNode<T>[] =>
    list.flatMap((node) => {
      node.replies = prune(node.replies);
      const decision = keep(node);
      if (decision === "show") return [node];
      return node.replies.length > 0 ? [node] : [];
    });
  return prune(roots);
}
