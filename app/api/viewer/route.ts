import type { NextRequest } from "next/server";
import { onPrimary } from "@/db/client";
import { getCurrentUser } from "@/lib/auth";
import { handledDatabaseFault, RETRY_AFTER_SECONDS } from "@/lib/unavailable";
import { buildViewerPayload } from "@/lib/viewer/payload";
import { parseViewerFilms, VIEWER_FILMS_MAX } from "@/lib/viewer/schema";

/**
 * Who is reading, for the per-reader parts of a page that is cached for
 * everyone (lib/viewer/schema.ts). It depends on the session, so no shared
 * cache may keep it. Read from the primary: it shows the member's own
 * writes (their rating, their like) right after they made them. While the
 * database is away it answers 503, and the page asks again: a member is
 * never shown as signed out because their session could not be read.
 */
export async function GET(request: NextRequest) {
  const path = request.nextUrl.searchParams.get("path") ?? "/";
  // A poster grid's film ids: digits only, at most a page of them; anything else is refused unread.
  const films = parseViewerFilms(request.nextUrl.searchParams.get("films"));
  if (films === null) {
    return Response.json(
      { error: `films must be at most ${VIEWER_FILMS_MAX} film ids, comma separated` },
      { status: 400, headers: { "Cache-Control": "private, no-store" } },
    );
  }
  try {
    const payload = await onPrimary(async () => buildViewerPayload(await getCurrentUser(), path.slice(0, 300), films));
    return Response.json(payload, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (!handledDatabaseFault(error, "viewer")) throw error;
    return Response.json(
      { unavailable: true },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
}
