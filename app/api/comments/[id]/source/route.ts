import { getCurrentUser } from "@/lib/auth";
import { getCommentSource } from "@/lib/comments/queries";
import { parseId } from "@/lib/params";

/**
 * A comment's Markdown for its author's edit form and for moderators of a
 * removed or held comment (lib/policy decides); 404 for anyone else, so a
 * stranger cannot tell a comment they may not read from one that is not there.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const headers = { "Cache-Control": "private, no-store" };
  const commentId = parseId((await params).id);
  const source = commentId === null ? null : await getCommentSource(await getCurrentUser(), commentId);
  if (source === null)
    return Response.json({ error: "No comment you may read at this address." }, { status: 404, headers });
  return Response.json({ source }, { headers });
}
