import "server-only";

/** The most a sign-in request's body may hold: its form is a provider, a CSRF token and a callback URL. */
export const AUTH_BODY_LIMIT_BYTES = 8 * 1024;

/** The plain answer to a body over the limit. */
export function payloadTooLarge(limit: number): Response {
  return new Response(`This request is too large: at most ${limit} bytes are accepted here.\n`, {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8", connection: "close" },
  });
}

/**
 * Reads at most `limit` bytes of `request`'s body: a declared Content-Length
 * over the limit is refused before reading anything, and a body streamed
 * without one (or longer than it said) is refused as soon as the count passes
 * the limit, so an oversized body is never held in memory. Returns the body's
 * bytes, or the 413 response to send.
 */
export async function readBoundedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | Response> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) return payloadTooLarge(limit);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

/**
 * `request` again with its body read under `limit` (see readBoundedBody), for
 * handing on to a handler that reads the body itself; or the 413 response.
 */
export async function withBoundedBody<R extends Request>(
  request: R,
  limit: number,
  rebuild: (body: Uint8Array<ArrayBuffer>) => R,
): Promise<R | Response> {
  const body = await readBoundedBody(request, limit);
  return body instanceof Response ? body : rebuild(body);
}
