import { MigrationSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta may send a notification our endpoint already answered 2xx again, later (Webhooks
// overview: retries go to every subscribed app, "This can result in duplicate webhook
// notifications"). The BFF applies a change before it looks for its dedupe record (decision 027),
// so applying an old change again must change nothing, also after a newer change of the same line.

const DAY = 86_400_000;
const HOUR = 3_600_000;

async function migratedAndRated() {
  const h = await bffWithSandbox("source-obo");
  const signup = await h.signup();
  const created = await h.post("/migrations", { code: signup.code });
  const m = MigrationSchema.parse(await created.json());
  await h.bff.idle();
  await h.graph.sandbox.advance(60_000); // Meta's automatic copy
  await h.graph.sandbox.settle();
  return { h, signup, m };
}

const report = async (h: Awaited<ReturnType<typeof bffWithSandbox>>, id: string) =>
  MigrationSchema.parse(await (await h.bff.request(`/migrations/${id}`)).json()).templates.items;

describe("a quality change delivered again after a newer one", () => {
  test("leaves the newer quality in the report (Meta's GREEN came again after its YELLOW)", async () => {
    const { h, signup, m } = await migratedAndRated();
    // Meta's 24 h quality window: each copy UNKNOWN -> GREEN, and Meta will send these again in 2 h.
    await h.graph.request("/__sandbox/faults", {
      method: "POST",
      body: JSON.stringify({ webhooks: { redeliver: { rate: 1, afterMs: 2 * HOUR } } }),
    });
    await h.graph.sandbox.advance(DAY);
    await h.graph.sandbox.settle();
    await h.graph.request("/__sandbox/faults", { method: "POST", body: "{}" });
    const copy = (await report(h, m.id)).find((i) => i.destinationQuality === "GREEN");
    expect(copy?.destinationTemplateId).toBeTruthy();

    // An hour later Meta rates that copy YELLOW and says so.
    await h.graph.sandbox.advance(HOUR);
    const template = h.graph.sandbox.state.templates.get(copy?.destinationTemplateId ?? "");
    if (!template) throw new Error("the copy is not in the sandbox");
    template.quality = { score: "YELLOW", date: Math.floor(h.graph.sandbox.clock.now() / 1000) };
    h.graph.sandbox.webhooks.send(
      signup.waba_id,
      signup.waba_id,
      "message_template_quality_update",
      {
        previous_quality_score: "GREEN",
        new_quality_score: "YELLOW",
        message_template_id: template.id,
        message_template_name: template.name,
        message_template_language: template.language,
      },
    );
    await h.graph.sandbox.settle();
    const yellow = (await report(h, m.id)).find(
      (i) => i.name === copy?.name && i.language === copy?.language,
    );
    expect(yellow?.destinationQuality).toBe("YELLOW");

    // Another hour: Meta's copies of the GREEN notifications arrive, byte for byte.
    await h.graph.sandbox.advance(HOUR);
    await h.graph.sandbox.settle();
    const again = h.graph.sandbox.state.webhooks.filter((w) =>
      w.attempts.some((a) => a.redelivery),
    );
    expect(again.length).toBeGreaterThan(0);
    expect(h.delivered.every((status) => status === 200)).toBe(true);
    const events = await (
      await h.bff.request(`/webhook-events?wabaId=${signup.waba_id}&limit=200`)
    ).json();
    const forCopy = (events.data as { field: string; value: Record<string, unknown> }[]).filter(
      (e) =>
        e.field === "message_template_quality_update" &&
        e.value.message_template_id === template.id,
    );
    // The operator's event list is right: GREEN once, YELLOW once.
    expect(forCopy.map((e) => e.value.new_quality_score).sort()).toEqual(["GREEN", "YELLOW"]);
    // The report must still say what Meta says now.
    expect(template.quality.score).toBe("YELLOW");
    const after = (await report(h, m.id)).find(
      (i) => i.name === copy?.name && i.language === copy?.language,
    );
    expect(after?.destinationQuality).toBe("YELLOW");
  });
});
