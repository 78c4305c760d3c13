import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth";
import { searchFilmsForPicker } from "@/lib/letterboxd/queries";

/** GET /account/import/films?q=…: catalogue films for the import's film picker, signed-in members only. */
export async function GET(request: NextRequest): Promise<Response> {
  if (!(await getCurrentUser()))
    return NextResponse.json({ error: "Sign in to search for films here." }, { status: 401 });
  const text = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  const films = await searchFilmsForPicker(text);
  return NextResponse.json({ films }, { headers: { "cache-control": "private, no-store" } });
}
