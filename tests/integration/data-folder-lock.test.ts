import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openEmbedded } from "@/db/client";
import { DataFolderLockedError, lockDataFolder } from "@/db/lock";

const folders: string[] = [];
function freshFolder() {
  const dir = mkdtempSync(path.join(tmpdir(), "marquee-lock-"));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the embedded data folder lock", () => {
  it("stops a second process on the same folder with a clear message", async () => {
    const dir = freshFolder();
    const handle = await openEmbedded(dir);
    try {
      const second = spawnSync(process.execPath, ["--import", "tsx", "scripts/migrate.ts"], {
        env: { ...process.env, MARQUEE_DATA_DIR: dir, DATABASE_URL: "" },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(
        `The data folder ${dir} is in use by another Marquee process (pid ${process.pid})`,
      );
    } finally {
      await handle.close();
    }
    expect(existsSync(path.join(dir, "marquee.lock"))).toBe(false);
  });

  it("refuses while the holder lives and takes over a lock its dead holder left", async () => {
    const dir = freshFolder();
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(path.join(dir, "marquee.lock"), String(holder.pid));
      expect(() => lockDataFolder(dir)).toThrow(DataFolderLockedError);
    } finally {
      holder.kill();
      await new Promise((resolve) => holder.once("exit", resolve));
    }
    const release = lockDataFolder(dir);
    release();
    expect(existsSync(path.join(dir, "marquee.lock"))).toBe(false);
  });
});
