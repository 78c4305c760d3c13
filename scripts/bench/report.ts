import type { LoadResult } from "./http";

const kb = (bytes: number) => (bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`);
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function statusText(result: Pick<LoadResult, "statuses" | "non2xx" | "errors">): string {
  const codes = Object.entries(result.statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");
  const extra = [result.non2xx ? `non-2xx ${result.non2xx}` : "", result.errors ? `errors ${result.errors}` : ""]
    .filter(Boolean)
    .join(", ");
  return [codes || "none", extra].filter(Boolean).join("; ");
}

/** The read table: one row per URL, ratios against the static file's req/s. */
export function readTable(results: LoadResult[], baseline: number): string {
  return table(
    ["page", "req/s", "p50", "p99", "statuses", "HTML", "× static", "note"],
    results.map((r) => [
      r.label,
      r.requestsPerSecond.toFixed(1),
      ms(r.p50),
      ms(r.p99),
      statusText(r),
      kb(r.bytes),
      baseline > 0 ? `${(r.requestsPerSecond / baseline).toFixed(3)}×` : "—",
      r.note ?? "",
    ]),
    [false, true, true, true, false, true, true, false],
  );
}

export interface Target {
  what: string;
  measured: string;
  pass: boolean | null;
}

export function targetTable(targets: Target[]): string {
  return table(
    ["", "target", "measured"],
    targets.map((t) => [t.pass === null ? "n/a " : t.pass ? "PASS" : "MISS", t.what, t.measured]),
    [false, false, false],
  );
}

export { kb, ms };
