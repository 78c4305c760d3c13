/** One request of the load test, as the test saw it. */
export interface Sample {
  kind: "read" | "post";
  phase: string;
  /** When it was sent, ms since the run began. */
  at: number;
  ms: number;
  status: number;
  /** For a post: the action said it was saved. */
  ok: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : `${Math.round(value)} ms`);

/** Per phase and kind: count, answers by status, saved posts, p50 and p99. */
export function phaseTable(samples: Sample[], phases: string[]): string {
  const lines = ["| phase | requests | by status | p50 | p99 |", "| --- | --- | --- | --- | --- |"];
  for (const phase of phases) {
    for (const kind of ["read", "post"] as const) {
      const mine = samples.filter((s) => s.phase === phase && s.kind === kind);
      if (mine.length === 0) continue;
      const byStatus = new Map<string, number>();
      for (const s of mine) {
        const key =
          s.status === 0
            ? "no answer"
            : kind === "post" && s.status === 200 && !s.ok
              ? "200 not saved"
              : String(s.status);
        byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
      }
      const statuses = [...byStatus.entries()]
        .sort()
        .map(([k, n]) => `${k} × ${n}`)
        .join(", ");
      const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
      lines.push(
        `| ${phase}, ${kind}s | ${mine.length} | ${statuses} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Whether a sample failed as a person would notice: no answer, a 5xx, or a post not saved. */
export function failed(sample: Sample): boolean {
  return sample.status === 0 || sample.status >= 500 || (sample.kind === "post" && !sample.ok && sample.status !== 200);
}

/**
 * How long after `from` the last failed answer came, among those that came
 * within [from, until): the time it took to recover (0 when nothing failed).
 */
export function recoveryMs(samples: Sample[], from: number, until: number): number {
  const failures = samples.filter((s) => s.at + s.ms >= from && s.at + s.ms < until && failed(s));
  if (failures.length === 0) return 0;
  return Math.max(...failures.map((s) => s.at + s.ms)) - from;
}
