import postgres from "postgres";
import { e2e } from "./context";

let client: postgres.Sql | undefined;

/**
 * Runs SQL on the app's own database ($1, $2… placeholders) and returns the
 * rows as JSON would carry them (timestamps as ISO strings; cast counts with
 * ::int). On PostgreSQL it connects directly; on embedded PGlite, which admits
 * one process, it goes through the test-only bridge inside the app's server.
 */
export async function query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
  const { database } = e2e();
  if (database.kind === "postgres") {
    // Idle connections close themselves, so nothing keeps the test worker alive.
    client ??= postgres(database.url, { max: 2, idle_timeout: 1, onnotice: () => {} });
    const rows = await client.unsafe(sql, params as postgres.ParameterOrJSON<never>[]);
    return JSON.parse(JSON.stringify([...rows])) as Row[];
  }
  const response = await fetch(`${database.bridgeUrl}/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sql, params }),
  });
  const body = (await response.json()) as { rows?: Row[]; error?: string };
  if (!response.ok || !body.rows) throw new Error(`Query failed: ${body.error ?? response.status}\n${sql}`);
  return body.rows;
}
