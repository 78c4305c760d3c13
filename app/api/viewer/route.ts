import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { buildViewerPayload } from "@/lib/viewer/payload";

/**
 * Who is reading, for the per-reader parts of a page that is cached for
 * everyone (lib/viewer/schema.ts). It depends on the session, so no shared
 * cache may keep it.
 */
export async function GET(request: NextRequest) {
  const path = request.nextUrl.searchParams.get("path") ?? "/";
  const payload = await buildViewerPayload(await getCurrentUser(), path.slice(0, 300));
  return Response.json(payload, { headers: { "Cache-Control": "private, no-store" } });
}
