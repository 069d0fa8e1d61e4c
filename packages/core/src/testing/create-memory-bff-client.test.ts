import { MigrationSchema } from "@wa-migrate/contracts";
import { afterEach, expect, test, vi } from "vitest";
import { createMemoryBffClient } from "./create-memory-bff-client.js";

afterEach(() => {
  vi.useRealTimers();
});

test("walks a migration through the five server steps, every record valid for the contracts", async () => {
  const client = createMemoryBffClient();
  const created = await client.createMigration({ code: "AQB", wabaId: "111" });
  expect(created).toMatchObject({ id: "mig_1", status: "running", wabaId: "111" });
  const seen: string[] = [];
  client.subscribe("mig_1", (m) => {
    expect(MigrationSchema.safeParse(m).success).toBe(true);
    seen.push(`${m.status}:${m.steps.find((s) => s.status === "running")?.id ?? "-"}`);
  });
  await Promise.resolve(); // the current record first, like the SSE stream
  client.runToEnd();
  expect(seen).toEqual([
    "running:capture_assets",
    "running:share_credit_line",
    "running:subscribe_webhooks",
    "running:migrate_templates",
    "running:register_phone",
    "completed:-",
  ]);
  expect(client.get("mig_1")?.billingCutoverAt).not.toBeNull();
});

test("the same Idempotency-Key returns the same migration", async () => {
  const client = createMemoryBffClient();
  const a = await client.createMigration({ code: "AQB" }, { idempotencyKey: "k" });
  const b = await client.createMigration({ code: "AQB" }, { idempotencyKey: "k" });
  expect(b.id).toBe(a.id);
  expect(client.calls.create).toHaveLength(2);
});

test("stops where scripted, refuses retry while running, heals on retry", async () => {
  const client = createMemoryBffClient({
    stopAt: { step: "subscribe_webhooks", code: "webhook_subscription_failed" },
  });
  await client.createMigration({ code: "AQB" });
  await expect(client.retry("mig_1")).rejects.toMatchObject({
    code: "migration_running",
    status: 409,
  });
  const stopped = client.runToEnd();
  expect(stopped?.status).toBe("failed");
  expect(stopped?.steps.find((s) => s.id === "subscribe_webhooks")?.lastError?.code).toBe(
    "webhook_subscription_failed",
  );
  await client.retry("mig_1");
  expect(client.runToEnd()?.status).toBe("completed");
});

test("a scripted create error and an unknown id are problem-shaped BffErrors", async () => {
  const client = createMemoryBffClient({ createError: "code_used" });
  await expect(client.createMigration({ code: "AQB" })).rejects.toMatchObject({
    name: "BffError",
    code: "code_used",
    status: 400,
    problem: { code: "code_used", retryable: false },
  });
  await expect(client.getMigration("nope")).rejects.toMatchObject({
    code: "not_found",
    status: 404,
  });
});

test("with intervalMs it advances by itself and stops when nothing runs", async () => {
  vi.useFakeTimers();
  const client = createMemoryBffClient({ intervalMs: 500 });
  await client.createMigration({ code: "AQB" });
  await vi.advanceTimersByTimeAsync(500);
  expect(client.get("mig_1")?.steps.find((s) => s.status === "running")?.id).toBe(
    "share_credit_line",
  );
  await vi.advanceTimersByTimeAsync(2000);
  expect(client.get("mig_1")?.status).toBe("completed");
  expect(vi.getTimerCount()).toBe(0);
});
