import { connection } from "next/server";
import { getPrimaryDb } from "@/db/client";
import { env } from "@/lib/env";
import { consumeIpAllowance, tooManyRequests } from "@/lib/rate-limit/ip";
import { suggest } from "@/lib/search/suggest";
import { clientIp } from "@/lib/security/client-ip";

/**
 * Suggestions for the header's search as someone types: `?q=` in, a few films
 * and people out as JSON. The same for every reader, so a CDN or the browser
 * may keep an answer for a few minutes; what reaches the app counts against
 * the address's allowance.
 */
export async function GET(request: Request) {
  // Answered when asked, never prerendered at build: the catalogue is not open then.
  await connection();
  const refusal = await consumeIpAllowance(
    await getPrimaryDb(),
    "suggest",
    clientIp(request, env().MARQUEE_TRUSTED_PROXIES),
  );
  if (refusal) return tooManyRequests(refusal);
  const suggestions = await suggest(new URL(request.url).searchParams.get("q"));
  return Response.json(suggestions, { headers: { "Cache-Control": "public, max-age=300" } });
}
