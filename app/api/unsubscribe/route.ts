import type { NextRequest } from "next/server";
import { onPrimary } from "@/db/client";
import { unsubscribeFromReplies } from "@/lib/notifications/write";

/**
 * One-click unsubscribe (RFC 8058): a mail client POSTs here, with
 * `List-Unsubscribe=One-Click` in the body, to the address in the e-mail's
 * List-Unsubscribe header. The signed token in the query says whose reply
 * e-mail to turn off; no session or cookie is needed or read.
 */
export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const result = await onPrimary(() => unsubscribeFromReplies({ token }));
  const headers = { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" };
  if (!result.ok) {
    return new Response(result.message, { status: result.code === "not_found" ? 404 : 400, headers });
  }
  return new Response("You will no longer get e-mail about replies to your comments.", { status: 200, headers });
}
