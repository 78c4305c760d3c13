/** What members write through the server actions during the run. */
export const WRITE_KINDS = ["post", "rating", "like"] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** One request of the load test, as the test saw it. */
export interface Sample {
  /** A visitor's read, or a member's comment post, rating or like. */
  kind: "read" | WriteKind;
  phase: string;
  /** When it was sent, ms since the run began. */
  at: number;
  ms: number;
  status: number;
  /** For a write: the action said it was saved. */
  ok: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : `${Math.round(value)} ms`);

const plural: Record<Sample["kind"], string> = { read: "reads", post: "posts", rating: "ratings", like: "likes" };

/** Per phase and kind: count, answers by status, saved writes, p50 and p99. */
export function phaseTable(samples: Sample[], phases: string[]): string {
  const lines = ["| phase | requests | by status | p50 | p99 |", "| --- | --- | --- | --- | --- |"];
  for (const phase of phases) {
    for (const kind of ["read", ...WRITE_KINDS] as const) {
      const mine = samples.filter((s) => s.phase === phase && s.kind === kind);
      if (mine.length === 0) continue;
      const byStatus = new Map<string, number>();
      for (const s of mine) {
        const key =
          s.status === 0
            ? "no answer"
            : kind !== "read" && s.status === 200 && !s.ok
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
        `| ${phase}, ${plural[kind]} | ${mine.length} | ${statuses} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 99))} |`,
      );
    }
  }
  return lines.join("\n");
}

/** Whether a sample failed as a person would notice: no answer, a 5xx, or a write not saved. */
export function failed(sample: Sample): boolean {
  return sample.status === 0 || sample.status >= 500 || (sample.kind !== "read" && !sample.ok && sample.status !== 200);
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

/** One attempt to set a member's state (a rating's half stars, or liked or not), in the order they were sent. */
export interface StateWrite<T> {
  member: string;
  value: T;
  /** The action said it was saved. */
  acknowledged: boolean;
}

/**
 * The members whose last acknowledged state the database does not have. A
 * member's row may instead hold a value sent after that acknowledgement whose
 * answer never came or was an error (it may have been saved); `stored` maps a
 * member to the value in their row, and a missing member has no row (which
 * `absent` stands for: an unrated film, a review not liked).
 */
export function lostStates<T>(writes: StateWrite<T>[], stored: Map<string, T>, absent: T | undefined): string[] {
  const byMember = new Map<string, StateWrite<T>[]>();
  for (const write of writes) {
    const list = byMember.get(write.member) ?? [];
    list.push(write);
    byMember.set(write.member, list);
  }
  const lost: string[] = [];
  for (const [member, list] of byMember) {
    let last = -1;
    list.forEach((write, i) => {
      if (write.acknowledged) last = i;
    });
    if (last < 0) continue;
    const allowed = list.slice(last).map((write) => write.value);
    const value = stored.has(member) ? stored.get(member) : absent;
    if (!allowed.some((candidate) => candidate === value)) lost.push(member);
  }
  return lost;
}
