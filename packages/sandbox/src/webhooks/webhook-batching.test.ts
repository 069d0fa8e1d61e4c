import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { type Json, startSandbox } from "../test-support/sandbox-harness.js";

// Meta, "Create a webhook endpoint" > Batching: "POST requests are aggregated and sent in a batch
// with a maximum of 1000 updates. However batching cannot be guaranteed" (facts §5.1). The
// sandbox sends one change per POST unless the `webhooks.batch` fault asks for batches.

function signed(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(Buffer.from(body, "utf8")).digest("hex")}`;
}

async function setFaults(h: Awaited<ReturnType<typeof startSandbox>>, faults: unknown) {
  const response = await h.graph.request("/__sandbox/faults", {
    method: "POST",
    body: JSON.stringify(faults),
  });
  expect(response.status).toBe(200);
}

/** Signup, exchange, subscription and Meta's template migration API, all at one sandbox time. */
async function copyTemplates(h: Awaited<ReturnType<typeof startSandbox>>) {
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  await h.call("POST", `/v26.0/${signup.waba_id}/subscribed_apps`, { token });
  const copied = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
    token,
    body: { source_waba_id: h.graph.sandbox.state.customer.sourceWabaId },
  });
  expect(copied.status).toBe(200);
  return { signup, migrated: copied.body.migrated_templates.length as number };
}

const posts = (h: Awaited<ReturnType<typeof startSandbox>>) =>
  h.outbound.filter((o) => o.method === "POST");

describe("webhook batching (fault webhooks.batch)", () => {
  test("signup's two account_update changes arrive in one POST, one entry, signed over its raw bytes", async () => {
    const h = await startSandbox();
    await setFaults(h, { webhooks: { batch: { maxUpdates: 1000 } } });
    const signup = await h.signup();
    await h.graph.sandbox.settle();
    const [only, ...rest] = posts(h);
    expect(rest).toEqual([]);
    const body: Json = JSON.parse(only?.body ?? "");
    expect(body.entry).toHaveLength(1);
    expect(body.entry[0].id).toBe(h.partner.business_id);
    expect(body.entry[0].changes.map((c: Json) => [c.field, c.value.event])).toEqual([
      ["account_update", "PARTNER_ADDED"],
      ["account_update", "PARTNER_APP_INSTALLED"],
    ]);
    expect(body.entry[0].changes[0].value.waba_info.waba_id).toBe(signup.waba_id);
    expect(only?.headers["x-hub-signature-256"]).toBe(
      signed(only?.body ?? "", h.partner.app_secret),
    );
    expect(
      h.graph.sandbox.state.webhooks.map((w) => [w.state, w.fields, w.attempts.length]),
    ).toEqual([["delivered", ["account_update", "account_update"], 1]]);
  });

  test("changes of several accounts made within the window share one POST, one entry per account", async () => {
    const h = await startSandbox();
    await setFaults(h, { webhooks: { batch: { maxUpdates: 1000, windowMs: 5_000 } } });
    const { signup, migrated } = await copyTemplates(h);
    await h.graph.sandbox.settle();
    expect(posts(h)).toEqual([]); // the window is still open
    await h.graph.sandbox.advance(5_000);
    await h.graph.sandbox.settle();
    const [only, ...rest] = posts(h);
    expect(rest).toEqual([]);
    const body: Json = JSON.parse(only?.body ?? "");
    expect(body.entry.map((e: Json) => [e.id, e.changes.length])).toEqual([
      [h.partner.business_id, 2],
      [signup.waba_id, migrated],
    ]);
    expect(migrated).toBeGreaterThan(1);
    expect(
      body.entry[1].changes.every((c: Json) => c.field === "message_template_status_update"),
    ).toBe(true);
    expect(only?.headers["x-hub-signature-256"]).toBe(
      signed(only?.body ?? "", h.partner.app_secret),
    );
  });

  test.each([
    [1, "one change per POST, as without the fault"],
    [4, "a new POST after every four changes"],
    [1000, "Meta's maximum: everything in one POST"],
  ])("maxUpdates %i: %s", async (maxUpdates) => {
    const h = await startSandbox();
    await setFaults(h, { webhooks: { batch: { maxUpdates, windowMs: 5_000 } } });
    const { migrated } = await copyTemplates(h);
    await h.graph.sandbox.advance(5_000);
    await h.graph.sandbox.settle();
    const total = 2 + migrated;
    const sizes = posts(h).map((o) =>
      JSON.parse(o.body).entry.reduce((n: number, e: Json) => n + e.changes.length, 0),
    );
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
    expect(sizes).toHaveLength(Math.ceil(total / maxUpdates));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(maxUpdates);
  });

  test("a batch answered 5xx is retried whole: the same bytes and the same signature", async () => {
    const h = await startSandbox();
    await setFaults(h, { webhooks: { batch: { maxUpdates: 1000 } } });
    h.receiver.status = 500;
    await h.signup();
    await h.graph.sandbox.settle();
    h.receiver.status = 200;
    await h.graph.sandbox.advance(5_000);
    await h.graph.sandbox.settle();
    const sent = posts(h);
    expect(sent).toHaveLength(3); // at once, the immediate retry, then 5 s later
    expect(new Set(sent.map((o) => o.body)).size).toBe(1);
    expect(new Set(sent.map((o) => o.headers["x-hub-signature-256"])).size).toBe(1);
    expect(h.graph.sandbox.state.webhooks.map((w) => [w.state, w.fields.length])).toEqual([
      ["delivered", 2],
    ]);
  });

  test("a change Meta would not send (app not subscribed to the WABA) stays out of the batch", async () => {
    const h = await startSandbox();
    await setFaults(h, { webhooks: { batch: { maxUpdates: 1000 } } });
    const signup = await h.signup();
    const skipped = h.graph.sandbox.webhooks.send(
      signup.waba_id,
      signup.waba_id,
      "message_template_status_update",
      { event: "APPROVED", message_template_name: "x" },
    );
    await h.graph.sandbox.settle();
    expect(skipped.state).toBe("not-subscribed");
    expect(posts(h)).toHaveLength(1);
    expect(posts(h)[0]?.body).not.toContain("message_template_status_update");
  });
});
