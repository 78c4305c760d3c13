import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { actionResult, findPostCommentAction } from "@/scripts/bench/http";

describe("the benchmark's reading of a server action's answer", () => {
  it("follows the head row to the action's return value", () => {
    const payload = [
      '0:{"a":"$@1","f":"","b":"build-1","q":"","i":false}',
      '1:{"ok":true,"message":"Your comment is posted.","commentId":42}',
      "",
    ].join("\n");
    expect(actionResult(payload)).toEqual({ ok: true, message: "Your comment is posted.", commentId: 42 });
  });

  it("finds a refusal among other rows", () => {
    const payload = ['2:I["chunk",[]]', '3:{"ok":false,"message":"Sign in to join the conversation."}'].join("\n");
    expect(actionResult(payload)).toEqual({ ok: false, message: "Sign in to join the conversation." });
  });

  it("answers null for a page that holds no action result", () => {
    expect(actionResult("<!DOCTYPE html><html></html>")).toBeNull();
  });
});

describe("the benchmark's lookup of the comment action", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function buildWith(node: Record<string, unknown>): string {
    dir = mkdtempSync(path.join(tmpdir(), "marquee-bench-test-"));
    mkdirSync(path.join(dir, ".next", "server"), { recursive: true });
    writeFileSync(
      path.join(dir, ".next", "server", "server-reference-manifest.json"),
      JSON.stringify({ node, edge: {} }),
    );
    return dir;
  }

  it("finds a postComment export the review page uses, wherever it lives", () => {
    const root = buildWith({
      aa11: {
        workers: { "app/reviews/[id]/page": {} },
        exportedName: "likeReviewAction",
        filename: "app/reviews/[id]/actions.ts",
      },
      bb22: {
        workers: { "app/reviews/[id]/page": {} },
        exportedName: "postCommentInThread",
        filename: "app/reviews/[id]/actions.ts",
      },
    });
    expect(findPostCommentAction(root)).toEqual({
      id: "bb22",
      exportedName: "postCommentInThread",
      filename: "app/reviews/[id]/actions.ts",
    });
  });

  it("fails with a message naming what it looked for when there is none", () => {
    const root = buildWith({
      aa11: {
        workers: { "app/reviews/[id]/page": {} },
        exportedName: "likeReviewAction",
        filename: "app/reviews/[id]/actions.ts",
      },
    });
    expect(() => findPostCommentAction(root)).toThrow(/No server action whose name starts with "postComment"/);
  });
});
