import { connection } from "next/server";
import { readiness } from "@/lib/health";

/**
 * Readiness for a load balancer: 200 when this instance can serve (the
 * database answers, and Redis when configured), 503 while it cannot or while
 * it drains after SIGTERM. Never cached.
 */
export async function GET() {
  await connection();
  const { ready, checks } = await readiness();
  return Response.json(checks, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
