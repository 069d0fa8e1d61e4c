import { expect, test } from "vitest";
import { createChangeHub } from "./change-hub.js";

test("notify wakes every waiter of that migration, and only those", async () => {
  const hub = createChangeHub();
  const woken: string[] = [];
  const a1 = hub.wait("a", 60_000).then(() => woken.push("a1"));
  const a2 = hub.wait("a", 60_000).then(() => woken.push("a2"));
  const controller = new AbortController();
  const b = hub.wait("b", 60_000, controller.signal).then(() => woken.push("b"));
  hub.notify("a");
  await Promise.all([a1, a2]);
  expect(woken.sort()).toEqual(["a1", "a2"]);
  controller.abort();
  await b;
  expect(woken).toContain("b");
});

test.each([
  ["timed out", (hub: ReturnType<typeof createChangeHub>, id: string) => hub.wait(id, 1)],
  [
    "aborted",
    (hub: ReturnType<typeof createChangeHub>, id: string) => {
      const controller = new AbortController();
      const waiting = hub.wait(id, 60_000, controller.signal);
      controller.abort();
      return waiting;
    },
  ],
])("a wait that %s leaves nothing behind", async (_name, waitOnce) => {
  const hub = createChangeHub();
  for (let i = 0; i < 50; i++) await waitOnce(hub, `mig_${i}`);
  expect(hub.watched()).toBe(0);
});

test("a wait that ends leaves the other waiters of its migration in place", async () => {
  const hub = createChangeHub();
  const controller = new AbortController();
  const first = hub.wait("a", 60_000, controller.signal);
  let woken = false;
  const second = hub.wait("a", 60_000).then(() => {
    woken = true;
  });
  controller.abort();
  await first;
  expect(hub.watched()).toBe(1);
  hub.notify("a");
  await second;
  expect(woken).toBe(true);
  expect(hub.watched()).toBe(0);
});
