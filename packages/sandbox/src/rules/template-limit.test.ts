import type { NameStatus } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bulkTemplates } from "../state/seed-templates.js";
import { addTemplates } from "../state/seed-world.js";
import { startSandbox } from "../test-support/sandbox-harness.js";

// Meta's template limit (facts §3.17): 250 per WABA under an unverified portfolio, 6,000 under a
// verified one with at least one number whose display name is approved. It follows the portfolio
// as it is when a template is copied, not a setting fixed at signup.

type Verification = "verified" | "pending";

/** A happy signup whose destination already holds 250 templates. */
async function destinationAt250() {
  const h = await startSandbox();
  const signup = await h.signup();
  const token = await h.exchange(signup.code);
  const { state } = h.graph.sandbox;
  addTemplates(state, signup.waba_id, bulkTemplates("filler", 250), h.graph.sandbox.clock.now());
  const set = (verification: Verification, name: NameStatus) => {
    const business = state.businesses.get(state.customer.businessId);
    const phone = state.phones.get(state.customer.phoneId);
    if (!business || !phone) throw new Error("seeded world changed");
    business.verification_status = verification;
    phone.name_status = name;
  };
  const source = state.templatesOf(state.customer.sourceWabaId);
  const copyOne = async (name: string) => {
    const id = source.find((t) => t.name === name)?.id;
    const answer = await h.call("POST", `/v26.0/${signup.waba_id}/migrate_message_templates`, {
      token,
      body: { source_waba_id: state.customer.sourceWabaId, template_ids: [id] },
    });
    expect(answer.status).toBe(200);
    return answer.body.migrated_templates.length === 1
      ? "copied"
      : Object.values(answer.body.failed_templates)[0];
  };
  const shownLimit = async () =>
    (await h.state()).wabas.find((w: { id: string }) => w.id === signup.waba_id).templateLimit;
  return { set, copyOne, shownLimit };
}

test.each([
  ["verified", "APPROVED", 6000, "copied"],
  ["pending", "APPROVED", 250, "Template limit exceeded"],
  ["verified", "PENDING_REVIEW", 250, "Template limit exceeded"],
  ["pending", "DECLINED", 250, "Template limit exceeded"],
] as const)(
  "portfolio %s, display name %s: limit %i, the 251st template is %s",
  async (verification, name, limit, outcome) => {
    const { set, copyOne, shownLimit } = await destinationAt250();
    set(verification, name);
    expect(await shownLimit()).toBe(limit);
    expect(await copyOne("order_confirmation")).toBe(outcome);
  },
);

test("the limit is read when the copy happens: verifying the portfolio later raises it to 6,000", async () => {
  const { set, copyOne, shownLimit } = await destinationAt250();
  set("pending", "APPROVED");
  expect(await copyOne("order_confirmation")).toBe("Template limit exceeded");
  set("verified", "APPROVED");
  expect(await shownLimit()).toBe(6000);
  expect(await copyOne("order_confirmation")).toBe("copied");
});

test("business-unverified: the destination gets Meta's 250, not a scenario setting", async () => {
  const h = await startSandbox("business-unverified");
  const signup = await h.signup();
  const state = (await h.state()) as { wabas: { id: string; templateLimit: number }[] };
  expect(state.wabas.find((w) => w.id === signup.waba_id)?.templateLimit).toBe(250);
});
