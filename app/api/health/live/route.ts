import { connection } from "next/server";

/** Liveness for a load balancer or orchestrator: the process answers. Never cached, touches nothing. */
export async function GET() {
  await connection();
  return new Response("ok\n", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
