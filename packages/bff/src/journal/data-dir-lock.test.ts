import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { newMigrationFixture } from "../store/migration-fixture.js";
import { lockDataDir } from "./data-dir-lock.js";
import { JournalError } from "./journal-error.js";
import { openJournalStore } from "./open-journal-store.js";

let dir: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wa-journal-lock-"));
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true });
});

/** A live process of this machine that is not us: a node that waits to be killed. */
async function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await new Promise((resolve) => child.once("spawn", resolve));
  return child;
}

test("a second journal on the same PGlite directory is refused while the first is open, and opens once it is closed", {
  timeout: 60_000,
}, async () => {
  const dataDir = join(dir, "db-twice");
  const first = await openJournalStore({ dataDir });
  await first.createMigration(newMigrationFixture({ id: "m1" }));

  const refused = await openJournalStore({ dataDir }).catch((error) => error);
  expect(refused).toBeInstanceOf(JournalError);
  expect(refused.code).toBe("store_unavailable");
  expect(refused.message).toContain("already open in this process");
  expect(refused.message).toContain("DATABASE_URL");
  // The refused open touched nothing: the first journal still works and still holds the lock.
  expect((await first.getMigration("m1"))?.id).toBe("m1");
  expect(existsSync(`${dataDir}.lock`)).toBe(true);

  await first.close();
  expect(existsSync(`${dataDir}.lock`)).toBe(false);
  const second = await openJournalStore({ dataDir });
  try {
    expect((await second.getMigration("m1"))?.id).toBe("m1");
  } finally {
    await second.close();
  }
});

test("a lock held by another live process is refused, naming the process", async () => {
  const dataDir = join(dir, "db-other");
  const other = await liveProcess();
  await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: other.pid, host: hostname() }));

  const refused = await lockDataDir(dataDir).catch((error) => error);
  expect(refused).toBeInstanceOf(JournalError);
  expect(refused.code).toBe("store_unavailable");
  expect(refused.message).toContain(`process ${other.pid}`);
  // The other process's lock is left as it was.
  expect(JSON.parse(await readFile(`${dataDir}.lock`, "utf8")).pid).toBe(other.pid);
});

test.each([
  [
    "a process that has exited",
    async () => {
      const gone = await liveProcess();
      const exited = new Promise((resolve) => gone.once("exit", resolve));
      gone.kill("SIGKILL");
      await exited;
      return JSON.stringify({ pid: gone.pid, host: hostname() });
    },
  ],
  [
    "a reused pid (same pid, another start time)",
    async () => JSON.stringify({ pid: process.pid, host: hostname(), started: "1" }),
  ],
  ["a file cut short by a crash", async () => '{"pid": 12'],
])("a lock left by %s is taken over", async (_, content) => {
  const dataDir = join(dir, `db-stale-${Math.random().toString(36).slice(2)}`);
  await writeFile(`${dataDir}.lock`, await content());

  const lock = await lockDataDir(dataDir);
  expect(JSON.parse(await readFile(lock.path, "utf8")).pid).toBe(process.pid);
  await lock.release();
  expect(existsSync(lock.path)).toBe(false);
});

test("opens racing over a dead process's lock: exactly one wins, the others are refused cleanly", async () => {
  // After a crash, a restarted server and an operator's `db:migrate` (or two restarts) find the
  // same dead lock at once. Each round: six opens at the same moment (in one process, which the
  // lock treats like six processes: one may hold it, the others are refused).
  const dead = JSON.stringify({ pid: process.pid, host: hostname(), started: "1" });
  for (let round = 0; round < 40; round++) {
    const dataDir = join(dir, `db-race-${round}`);
    await writeFile(`${dataDir}.lock`, dead);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => lockDataDir(dataDir)));
    const held = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(held, `holders in round ${round}`).toHaveLength(1);
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(JournalError);
    for (const lock of held) await lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }
});

test("a file:// data directory (PGlite's own spelling of a path) is locked like a plain path", {
  timeout: 60_000,
}, async () => {
  const dataDir = join(dir, "db-file-url");
  const first = await openJournalStore({ dataDir: `file://${dataDir}` });
  try {
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    for (const again of [`file://${dataDir}`, dataDir]) {
      const refused = await openJournalStore({ dataDir: again }).catch((error) => error);
      expect(refused).toBeInstanceOf(JournalError);
      expect(refused.message).toContain("already open in this process");
    }
  } finally {
    await first.close();
  }
  expect(existsSync(`${dataDir}.lock`)).toBe(false);
});

test("a memory database takes no lock", async () => {
  const store = await openJournalStore({ dataDir: "memory://" });
  const again = await openJournalStore({ dataDir: "memory://" });
  await store.close();
  await again.close();
  expect(existsSync("memory://.lock")).toBe(false);
});
