import { describe, expect, it } from "vitest";
import { failed, lostStates, phaseTable, type Sample } from "@/scripts/loadtest/stats";

describe("the load test's tally of ratings and likes", () => {
  it("finds nothing lost when each member's row holds their last acknowledged value", () => {
    const writes = [
      { member: "a", value: 3, acknowledged: true },
      { member: "a", value: 5, acknowledged: true },
      { member: "b", value: 2, acknowledged: true },
    ];
    expect(
      lostStates(
        writes,
        new Map([
          ["a", 5],
          ["b", 2],
        ]),
        undefined,
      ),
    ).toEqual([]);
  });

  it("names a member whose row holds an older value, or none at all", () => {
    const writes = [
      { member: "a", value: 3, acknowledged: true },
      { member: "a", value: 5, acknowledged: true },
      { member: "b", value: 2, acknowledged: true },
    ];
    expect(lostStates(writes, new Map([["a", 3]]), undefined)).toEqual(["a", "b"]);
  });

  it("accepts a value sent after the last acknowledgement whose answer never came", () => {
    const writes = [
      { member: "a", value: 3, acknowledged: true },
      { member: "a", value: 6, acknowledged: false },
    ];
    expect(lostStates(writes, new Map([["a", 6]]), undefined)).toEqual([]);
    expect(lostStates(writes, new Map([["a", 3]]), undefined)).toEqual([]);
    expect(lostStates(writes, new Map([["a", 1]]), undefined)).toEqual(["a"]);
  });

  it("counts an acknowledged unlike as kept only when no like row is left", () => {
    const writes = [
      { member: "a", value: true, acknowledged: true },
      { member: "a", value: false, acknowledged: true },
    ];
    expect(lostStates(writes, new Map(), false)).toEqual([]);
    expect(lostStates(writes, new Map([["a", true]]), false)).toEqual(["a"]);
  });

  it("ignores members with nothing acknowledged", () => {
    expect(lostStates([{ member: "a", value: 4, acknowledged: false }], new Map(), undefined)).toEqual([]);
  });
});

describe("the load test's table of answers", () => {
  const sample = (kind: Sample["kind"], status: number, ok: boolean): Sample => ({
    kind,
    phase: "no fault",
    at: 0,
    ms: 100,
    status,
    ok,
  });

  it("has a row for each kind of write, with refusals told apart", () => {
    const table = phaseTable(
      [sample("read", 200, true), sample("rating", 200, true), sample("like", 200, false), sample("like", 503, false)],
      ["no fault"],
    );
    expect(table).toContain("| no fault, reads | 1 | 200 × 1 |");
    expect(table).toContain("| no fault, ratings | 1 | 200 × 1 |");
    expect(table).toContain("| no fault, likes | 2 | 200 not saved × 1, 503 × 1 |");
    expect(table).not.toContain("posts");
  });

  it("counts a write answered with an error status as failed, a refusal as not", () => {
    expect(failed(sample("rating", 503, false))).toBe(true);
    expect(failed(sample("like", 200, false))).toBe(false);
    expect(failed(sample("read", 0, false))).toBe(true);
  });
});
