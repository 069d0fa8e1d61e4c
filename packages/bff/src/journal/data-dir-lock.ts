import { createHash, randomBytes } from "node:crypto";
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
 * The directory on disk that a PGlite `dataDir` names: a plain path, or `file://path` (which PGlite
 * also accepts); null for `memory://` and other stores that no other process can open.
 *
 * @example
 * diskPathOf("file:///var/lib/wa/db"); // "/var/lib/wa/db"
 */
export function diskPathOf(dataDir: string): string | null {
  if (dataDir.startsWith("file://")) return dataDir.slice("file://".length) || null;
  return dataDir.includes("://") ? null : dataDir;
}

/** The text of a lock file, or null when there is none (released or taken over meanwhile). */
async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Creates the lock file whole or not at all: the holder is written to a file of this call's
 * own, then linked to the lock's name (which fails if it exists), so nobody reads a half-written
 * lock and takes it for a dead one.
 */
async function tryCreate(path: string, holder: Holder): Promise<boolean> {
  // Unique per call: two opens in one process must not share (and unlink) one temporary file.
  const own = `${path}.${holder.pid}.${randomBytes(6).toString("hex")}.tmp`;
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
 * Removes a dead holder's lock file, at most once whoever else is trying: only the process that
 * creates the takeover marker of exactly this file may delete it, and only while it still holds
 * that text. Without the marker, two processes that both saw the dead lock would each delete
 * "the" lock, the second one deleting the fresh lock of the first, and both would open the
 * directory. A marker left by a process that died while taking over is removed for the next try.
 */
async function removeDeadLock(path: string, deadText: string, me: Holder): Promise<void> {
  const marker = `${path}.takeover-${createHash("sha256").update(deadText).digest("hex").slice(0, 16)}`;
  if (!(await tryCreate(marker, me))) {
    const other = parseHolder((await readText(marker)) ?? "");
    if (!other || !isAlive(other)) await unlink(marker).catch(() => {});
    return; // another process is taking it over now: the caller looks at the lock again
  }
  try {
    if ((await readText(path)) === deadText) await unlink(path).catch(() => {});
  } finally {
    await unlink(marker).catch(() => {});
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
  // The last round only tries to create: a takeover in the round before must be followed by one.
  for (let round = 1; round <= 4; round++) {
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
    const text = await readText(path);
    if (text === null || round === 4) continue; // released or taken over since: try again
    const holder = parseHolder(text);
    if (holder && isAlive(holder)) {
      const who = holder.pid === process.pid ? "this process" : `process ${holder.pid}`;
      throw new JournalError(
        "store_unavailable",
        `The embedded database at ${resolve(dataDir)} is already open in ${who} on ${holder.host}. ` +
          "PGlite serves one process: stop the other server, or set DATABASE_URL to share a PostgreSQL between instances.",
      );
    }
    // The holder is gone (or the file is unreadable, e.g. cut short by a crash): take it over.
    await removeDeadLock(path, text, me);
  }
  throw new JournalError(
    "store_unavailable",
    `The embedded database at ${resolve(dataDir)} is being opened by another process at the same time; try again.`,
  );
}
