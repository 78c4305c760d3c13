import { NextResponse, type NextRequest } from "next/server";
import { exportMemberData, type ExportFormat } from "@/lib/account/export";
import { getCurrentUser } from "@/lib/auth";

/**
 * GET /account/export: the signed-in member's data as JSON (schemaVersion 1,
 * see README), or `?format=ratings.csv` for their ratings as CSV. A few an
 * hour; past that, 429 with the time to wait.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", "/account/export");
    return NextResponse.redirect(signIn, 303);
  }
  const requested = request.nextUrl.searchParams.get("format") ?? "json";
  if (requested !== "json" && requested !== "ratings.csv") {
    return new Response(`Unknown format "${requested}". Use json or ratings.csv.\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const result = await exportMemberData(user, requested satisfies ExportFormat);
  if (!result.ok) {
    const status = result.code === "rate_limited" ? 429 : 404;
    return new Response(`${result.message}\n`, {
      status,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        "cache-control": "no-store",
        ...(status === 429 ? { "retry-after": "3600" } : {}),
      },
    });
  }
  return new Response(result.value.body, {
    headers: {
      "content-type": result.value.contentType,
      "content-disposition": `attachment; filename="${result.value.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
