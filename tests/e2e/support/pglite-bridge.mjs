// Test-only. The e2e harness preloads this into `next start` (NODE_OPTIONS=--import)
// when the app runs on embedded PGlite, which allows one process per data folder:
// tests then query the app's own database through it (tests/e2e/support/db.ts).
// It serves 127.0.0.1 only, on the port the harness chose; production never loads it.
import { createServer } from "node:http";

const port = Number(process.env.MARQUEE_E2E_BRIDGE_PORT);

if (port) {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      try {
        const { sql, params } = JSON.parse(body);
        // db/client.ts keeps the open database here.
        const handle = await globalThis.__marqueeDb?.handle;
        if (!handle?.client) {
          res.writeHead(503, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: "The app has not opened its embedded database yet." }));
          return;
        }
        const result = await handle.client.query(sql, params ?? []);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ rows: result.rows }, (_key, value) =>
            typeof value === "bigint" ? value.toString() : value,
          ),
        );
      } catch (error) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
      }
    });
  });
  server.on("error", (error) => {
    if (error.code !== "EADDRINUSE") throw error;
  });
  server.listen(port, "127.0.0.1");
  server.unref();
}
