import { MigrationSchema, ProblemDetailsSchema } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// Meta batches up to 1,000 updates per POST (facts §5.1) and "Webhook payloads can be up to 3 MB"
// (Webhooks overview, "Payload size"). A batch that also carries customers' messages can pass
// 1 MB; the template change inside it must still reach the report. Meta retries a refused POST
// for 36 h, then drops it, so a size refusal loses every change in the batch for good.

const HOUR = 3_600_000;

/** A customer's text message as Meta's `messages` webhook carries it (Webhooks overview). */
function customerMessage(phone: { id: string; display: string }, n: number) {
  return {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: phone.display, phone_number_id: phone.id },
    contacts: [
      { profile: { name: `Customer ${n}` }, wa_id: `4915112${String(n).padStart(6, "0")}` },
    ],
    messages: [
      {
        from: `4915112${String(n).padStart(6, "0")}`,
        id: `wamid.HBgLNDkxNTExMjM0NTY3FQIAEhgU${n}`,
        timestamp: "1767607200",
        type: "text",
        // Meta's longest text body is 4,096 characters.
        text: { body: `Where is my order? ${"x".repeat(4000)}` },
      },
    ],
  };
}

describe("a batch between 1 MB and Meta's 3 MB", () => {
  test("still applies the template change it carries", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const created = await h.post("/migrations", { code: signup.code });
    const m = MigrationSchema.parse(await created.json());
    await h.bff.idle();
    await h.graph.sandbox.settle();
    const read = async () =>
      MigrationSchema.parse(await (await h.bff.request(`/migrations/${m.id}`)).json()).templates
        .items;
    const copy = (await read()).find((i) => i.outcome === "copied");
    expect(copy?.destinationTemplateId).toBeTruthy();

    // A minute later Meta's re-check rejects the copy, in one POST with 300 customers' messages.
    await h.graph.request("/__sandbox/faults", {
      method: "POST",
      body: JSON.stringify({ webhooks: { batch: { maxUpdates: 1000 } } }),
    });
    await h.graph.sandbox.advance(60_000);
    const phone = h.graph.sandbox.state.phones.get(signup.phone_number_id ?? "");
    const from = { id: phone?.id ?? "", display: `${phone?.cc}${phone?.phoneNumber}` };
    for (let n = 0; n < 300; n++) {
      h.graph.sandbox.webhooks.send(
        signup.waba_id,
        signup.waba_id,
        "messages",
        customerMessage(from, n),
      );
    }
    const batch = h.graph.sandbox.webhooks.send(
      signup.waba_id,
      signup.waba_id,
      "message_template_status_update",
      {
        event: "REJECTED",
        message_template_id: copy?.destinationTemplateId,
        message_template_name: copy?.name,
        message_template_language: copy?.language,
        reason: "INCORRECT_CATEGORY",
        message_template_category: copy?.category,
      },
    );
    expect(batch.fields).toHaveLength(301);
    const size = Buffer.byteLength(batch.body);
    expect(size).toBeGreaterThan(1024 * 1024);
    expect(size).toBeLessThan(3 * 1024 * 1024);
    // Meta keeps trying for 36 h.
    await h.graph.sandbox.settle();
    await h.graph.sandbox.advance(37 * HOUR);
    await h.graph.sandbox.settle();

    const after = (await read()).find(
      (i) => i.name === copy?.name && i.language === copy?.language,
    );
    expect(after?.outcome).toBe("rejected_on_recheck");
    expect(batch.state).toBe("delivered");
  });

  test("a body past Meta's 3 MB is refused with 413, and other routes keep their small limit", async () => {
    const h = await bffWithSandbox("happy");
    const limit = 3 * 1024 * 1024;
    // A signed envelope of exactly `size` bytes (no changes: only its size matters here).
    const post = (size: number) => {
      const head = '{"object":"whatsapp_business_account","entry":[],"padding":"';
      const body = `${head}${"x".repeat(size - head.length - 2)}"}`;
      expect(Buffer.byteLength(body)).toBe(size);
      return h.bff.request("/webhooks", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signPayload(body, h.partner.app_secret),
        },
        body,
      });
    };
    expect((await post(limit)).status).toBe(200);
    const refused = await post(limit + 1);
    expect(refused.status).toBe(413);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(ProblemDetailsSchema.parse(await refused.json()).code).toBe("payload_too_large");

    // The partner's own routes still refuse what no browser sends (64 KiB by default).
    const big = await h.post("/migrations", { code: "x".repeat(1_300_000) });
    expect(big.status).toBe(413);
    expect(ProblemDetailsSchema.parse(await big.json()).code).toBe("payload_too_large");
  });
});
