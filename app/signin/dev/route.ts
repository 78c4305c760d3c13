import { NextResponse } from "next/server";
import { localPath } from "@/lib/auth/redirect";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { AUTH_BODY_LIMIT_BYTES, readBoundedBody } from "@/lib/security/body";

function notFound() {
  return new NextResponse("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Development sign-in as a demo member (POST handle, callbackUrl). The
 * condition is written out literally so the production build inlines it,
 * drops everything after it, and this route answers 404 there.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.NODE_ENV !== "development") return notFound();

  const url = new URL(request.url);
  const origin = request.headers.get("origin");
  if (origin && origin !== url.origin) {
    return new NextResponse("Demo sign-in only works from this site's own sign-in page.", { status: 403 });
  }
  const body = await readBoundedBody(request, AUTH_BODY_LIMIT_BYTES);
  if (body instanceof Response) return body;
  const form = await new Response(body, {
    headers: { "content-type": request.headers.get("content-type") ?? "" },
  }).formData();
  const handle = String(form.get("handle") ?? "");
  const destination = localPath(form.get("callbackUrl"), { origin: url.origin });

  const { startDemoSession } = await import("@/lib/auth/dev-session");
  const session = await startDemoSession(handle);
  if (!session) {
    return new NextResponse(
      `There is no demo member "${handle}" in this database. Run \`npm run db:seed\` to add the demo members.`,
      { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } },
    );
  }
  const secure = url.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const cookie = sessionCookie(secure);
  const response = NextResponse.redirect(new URL(destination, url.origin), 303);
  response.cookies.set(cookie.name, session.sessionToken, { ...cookie.options, expires: session.expires });
  return response;
}

/** Development: the demo accounts are listed on the sign-in page. */
export async function GET(request: Request): Promise<Response> {
  if (process.env.NODE_ENV !== "development") return notFound();
  return NextResponse.redirect(new URL("/signin#demo-accounts", request.url), 303);
}
