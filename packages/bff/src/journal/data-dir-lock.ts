import { readFileSync } from "node:fs";
import { link, readFile, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { JournalError } from "./journal-error.js";

/** A held lock on a PGlite data directory; `release()` gives it up (idempotent). */
export interface DataDirLock {
  /** The lock file beside the data directory (`<dataDir>.lock`). */
  readonly path: string;
  release(): Promise<void>;
}

/** What a lock file says about its holder. */
interface Holder {
  pid: number;
  host: string;
  /** The holder's start time (Linux `/proc/<pid>/stat` field 22), so a reused pid is not taken for it. */
  started: string;
}

/** The start time of a process on Linux, or "" where `/proc` cannot tell. */
function startTimeOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 counted from after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
  } catch {
    return "";
  }
}

function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process: cannot tell, so keep out
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = startTimeOf(holder.pid);
  return holder.started === "" || started === "" || started === holder.started;
}

function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    if (typeof value.pid !== "number" || typeof value.host !== "string") return null;
    return { pid: value.pid, host: value.host, started: String(value.started ?? "") };
  } catch {
    return null;
  }
}

/**
 * Creates the lock file whole or not at all: the holder is written to a file of this process's
 * own, then linked to the lock's name (which fails if it exists), so nobody reads a half-written
 * lock and takes it for a dead one.
 */
async function tryCreate(path: string, holder: Holder): Promise<boolean> {
  const own = `${path}.${holder.pid}.tmp`;
  await writeFile(own, JSON.stringify(holder));
  try {
    await link(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(own).catch(() => {});
  }
}

/**
 * Takes the lock of a PGlite data directory for this process. PGlite is a single-process
 * database: a second process writing the same directory corrupts it, and the journal releases
 * every lease it finds at open on the promise that their holder is gone. A lock left by a process
 * that died (crash, SIGKILL) is taken over; one held by a live process, or by this process through
 * another open journal, is refused with `store_unavailable`.
 *
 * @example
 * const lock = await lockDataDir("./.wa-migrate/db");
 * try { ... } finally { await lock.release(); }
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = `${resolve(dataDir)}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), started: startTimeOf(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await tryCreate(path, me)) {
      let held = true;
      return {
        path,
        async release() {
          if (!held) return;
          held = false;
          const now = parseHolder(await readFile(path, "utf8").catch(() => ""));
          if (now?.pid === me.pid && now.host === me.host) await unlink(path).catch(() => {});
        },
      };
    }
    const holder = parseHolder(await readFile(path, "utf8").catch(() => ""));
    if (holder && isAlive(holder)) {
      const who = holder.pid === process.pid ? "this process" : `process ${holder.pid}`;
      throw new JournalError(
        "store_unavailable",
        `The embedded database at ${resolve(dataDir)} is already open in ${who} on ${holder.host}. ` +
          "PGlite serves one process: stop the other server, or set DATABASE_URL to share a PostgreSQL between instances.",
      );
    }
    // The holder is gone (or the file is unreadable, e.g. cut short by a crash): take it over.
    await unlink(path).catch(() => {});
  }
  throw new JournalError(
    "store_unavailable",
    `The embedded database at ${resolve(dataDir)} is being opened by another process at the same time; try again.`,
  );
}
