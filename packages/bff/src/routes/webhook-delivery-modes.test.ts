import { MigrationSchema } from "@wa-migrate/contracts";
import type { ScenarioName } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta may put up to 1,000 changes in one POST and may send a POST our endpoint already answered
// 2xx again (facts §5.1; Webhooks overview). The sandbox does both on request (fault `webhooks`).
// A whole migration runs under each mode, with Meta's automatic copy and its 24 h quality window,
// and what the operator reads (the templates report, GET /webhook-events) must be what
// one-change-per-POST delivery gives: every change applied once, none lost.

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface Seen {
  /** Report lines without `statusAt` (Meta's entry time, which follows the real clock). */
  items: Record<string, unknown>[];
  /** `[field, value]` of every webhook event the operator sees for the destination WABA. */
  events: string[];
  /** Changes Meta sent in bodies our endpoint answered 2xx, each body counted once. */
  sent: string[];
  /** Sandbox records: one per POST body, with the tries (and copies) made of it. */
  posts: { fields: string[]; attempts: { status: unknown; redelivery?: true }[] }[];
  answers: number[];
}

// The fault as a tester writes it: the control API fills in what is left out.
async function migrate(scenario: ScenarioName, webhooks: object | undefined): Promise<Seen> {
  const h = await bffWithSandbox(scenario);
  const faults = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    body: JSON.stringify(webhooks ? { webhooks } : {}),
  });
  expect(faults.status).toBe(200);
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  const m = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  // Meta's automatic copy 60 s after registration, the quality window a day later, then an hour
  // for copies sent late and a batch window left open.
  for (const ms of [0, 60_000, DAY, HOUR]) {
    await h.graph.sandbox.advance(ms);
    await h.graph.sandbox.settle();
  }
  await h.bff.idle();
  const read = await h.bff.request(`/migrations/${m.id}`);
  const migration = MigrationSchema.parse(await read.json());
  expect(migration.status).toBe("completed");
  const events = await h.bff.request(`/webhook-events?wabaId=${signup.waba_id}&limit=200`);
  expect(events.status).toBe(200);
  const posts = h.graph.sandbox.state.webhooks.filter((w) => w.state === "delivered");
  // Template ids are JSON numbers past 2^53 in Meta's bodies; the BFF keeps them as text.
  const sent = posts.flatMap((w) =>
    JSON.parse(
      w.body.replace(/"message_template_id":(\d+)/g, '"message_template_id":"$1"'),
    ).entry.flatMap((e: { changes: { field: string; value: unknown }[] }) =>
      e.changes.map((c) => JSON.stringify([c.field, c.value])),
    ),
  );
  return {
    items: migration.templates.items
      .map(({ statusAt: _at, ...item }) => item)
      .sort((a, b) => `${a.name}/${a.language}`.localeCompare(`${b.name}/${b.language}`)),
    events: ((await events.json()).data as { field: string; value: unknown }[])
      .map((e) => JSON.stringify([e.field, e.value]))
      .sort(),
    sent: sent.sort(),
    posts,
    answers: h.delivered,
  };
}

const baselines = new Map<ScenarioName, Promise<Seen>>();
const baseline = (scenario: ScenarioName) => {
  if (!baselines.has(scenario)) baselines.set(scenario, migrate(scenario, undefined));
  return baselines.get(scenario) as Promise<Seen>;
};

const BATCHED = { batch: { maxUpdates: 1000 } };
const BATCHED_IN_WINDOWS = { batch: { maxUpdates: 4, windowMs: 5_000 } };
const REDELIVERED = { redeliver: { rate: 1 } };
const REDELIVERED_LATER = { redeliver: { rate: 1, afterMs: HOUR } };
const BOTH = { batch: { maxUpdates: 1000 }, redeliver: { rate: 1, afterMs: 30 * 60_000 } };

describe("a migration's webhooks, batched or delivered again, reach the operator once each", () => {
  test.each([
    ["happy", "batched", BATCHED],
    ["happy", "batched in 5 s windows of at most 4", BATCHED_IN_WINDOWS],
    ["happy", "each delivered again at once", REDELIVERED],
    ["happy", "each delivered again an hour later", REDELIVERED_LATER],
    ["happy", "batched and each batch delivered again", BOTH],
    ["source-obo", "batched", BATCHED],
    ["source-obo", "each delivered again an hour later", REDELIVERED_LATER],
    ["source-obo", "batched and each batch delivered again", BOTH],
  ] as const)(
    "%s, %s: the same report and events as one change per POST",
    async (scenario, _mode, webhooks) => {
      const plain = await baseline(scenario);
      const seen = await migrate(scenario, webhooks);
      expect(seen.answers.length).toBeGreaterThan(0);
      expect(seen.answers.every((status) => status === 200)).toBe(true);
      expect(seen.items).toEqual(plain.items);
      expect(seen.events).toEqual(plain.events);
      // Nothing lost, nothing twice: each change Meta delivered is exactly one event.
      expect(seen.sent).toEqual(plain.sent);
      expect(seen.events).toEqual(seen.sent);
      expect(new Set(seen.events).size).toBe(seen.events.length);
      // The mode did happen: several changes shared a POST, or a delivered POST came again.
      if ("batch" in webhooks) expect(seen.posts.some((p) => p.fields.length > 1)).toBe(true);
      if ("redeliver" in webhooks)
        expect(seen.posts.every((p) => p.attempts.some((a) => a.redelivery))).toBe(true);
    },
  );

  test("the baseline itself: Meta's copies reach the report and the operator sees their events", async () => {
    const plain = await baseline("source-obo");
    expect(plain.items.length).toBeGreaterThan(0);
    expect(plain.items.every((i) => i.outcome === "copied")).toBe(true);
    expect(plain.events.some((e) => e.includes("message_template_quality_update"))).toBe(true);
    expect(plain.posts.every((p) => p.fields.length === 1)).toBe(true);
    expect(plain.events).toEqual(plain.sent);
  });
});
