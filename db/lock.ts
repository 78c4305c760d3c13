import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Marquee process (pid ${holderPid}). ` +
        `PGlite allows one process per folder: stop that process (the dev server, say) and try again, ` +
        `or point MARQUEE_DATA_DIR at another folder.`,
    );
    this.name = "DataFolderLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the data folder for this process, or throws DataFolderLockedError when
 * another living process holds it. A lock left by a process that died is taken over.
 * Returns a function that releases it.
 */
export function lockDataFolder(dataDir: string, pid = process.pid): () => void {
  const lockPath = path.join(dataDir, "marquee.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, "utf8").trim() === String(pid)) unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockPath, "utf8").trim(), 10);
      if (holder === pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataFolderLockedError(dataDir, holder);
      }
      try {
        unlinkSync(lockPath);
      } catch {
        // Another process removed the stale lock first; try again.
      }
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}; try again.`);
}
