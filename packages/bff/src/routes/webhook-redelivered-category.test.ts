import { MigrationSchema } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta announces a category change ahead ("impending": `new_category` is still the current one,
// `correct_category` the coming one) and sends a second notification once it applies (facts
// §5.8). Meta delivers at least once: the notice may come again after the change applied.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("a category notice delivered again after the change it announced", () => {
  test("leaves the category Meta bills now in the report", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const report = async () =>
      MigrationSchema.parse(await (await h.bff.request(`/migrations/${m.id}`)).json()).templates
        .items;
    const copy = (await report()).find((i) => i.outcome === "copied" && i.category === "UTILITY");
    const template = h.graph.sandbox.state.templates.get(copy?.destinationTemplateId ?? "");
    if (!template) throw new Error("no UTILITY copy in the sandbox");
    const named = {
      message_template_id: Number(template.id),
      message_template_name: template.name,
      message_template_language: template.language,
    };

    // Meta's notice: the copy becomes MARKETING tomorrow. Meta will send it again in 26 h.
    await h.graph.request("/__sandbox/faults", {
      method: "POST",
      body: JSON.stringify({ webhooks: { redeliver: { rate: 1, afterMs: 26 * HOUR } } }),
    });
    const now = () => Math.floor(h.graph.sandbox.clock.now() / 1000);
    h.graph.sandbox.webhooks.send(signup.waba_id, signup.waba_id, "template_category_update", {
      ...named,
      new_category: "UTILITY",
      correct_category: "MARKETING",
      category_update_timestamp: now() + DAY / 1000,
    });
    await h.graph.sandbox.settle();
    await h.graph.request("/__sandbox/faults", { method: "POST", body: "{}" });

    // A day later the change applies and Meta says so.
    await h.graph.sandbox.advance(DAY);
    template.category = "MARKETING";
    h.graph.sandbox.webhooks.send(signup.waba_id, signup.waba_id, "template_category_update", {
      ...named,
      previous_category: "UTILITY",
      new_category: "MARKETING",
    });
    await h.graph.sandbox.settle();
    const line = async () =>
      (await report()).find((i) => i.name === copy?.name && i.language === copy?.language);
    expect((await line())?.category).toBe("MARKETING");

    // Two hours on, the notice arrives again, byte for byte, and is answered 200.
    await h.graph.sandbox.advance(2 * HOUR);
    await h.graph.sandbox.settle();
    const again = h.graph.sandbox.state.webhooks.filter(
      (w) => w.fields.includes("template_category_update") && w.attempts.some((a) => a.redelivery),
    );
    expect(again).toHaveLength(1);
    expect(h.delivered.every((status) => status === 200)).toBe(true);
    expect(template.category).toBe("MARKETING");
    expect((await line())?.category).toBe("MARKETING");
  });

  test("browsers get the report lines without the times that order Meta's changes", async () => {
    const h = await bffWithSandbox("source-obo");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    await h.graph.sandbox.advance(60_000); // Meta's automatic copy
    await h.graph.sandbox.settle();
    await h.graph.sandbox.advance(DAY); // and its quality window
    await h.graph.sandbox.settle();
    const body = (await (await h.bff.request(`/migrations/${m.id}`)).json()) as {
      templates: { items: Record<string, unknown>[] };
    };
    const rated = body.templates.items.filter((i) => i.destinationQuality === "GREEN");
    expect(rated.length).toBeGreaterThan(0);
    for (const item of body.templates.items) {
      expect(Object.keys(item)).not.toContain("qualityAt");
      expect(Object.keys(item)).not.toContain("categoryAt");
    }
  });
});
