import type { WabaCurrency } from "@wa-migrate/contracts";
import { expect, test } from "vitest";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

// `waba_currency` is the account's invoicing currency, one of AUD, EUR, GBP, IDR, INR, USD, and
// cannot change once a credit line is attached (facts §3.4). The kit shared every account in one
// partner-wide currency although it read the old account's and discarded it (decision 030).

test.each<[string, string | undefined, string | undefined, WabaCurrency, string]>([
  ["the new account's own", "GBP", "EUR", "USD", "GBP"],
  ["the old account's", undefined, "EUR", "USD", "EUR"],
  ["the old account's (the new one's is not invoiceable)", "BRL", "EUR", "USD", "EUR"],
])(
  "the credit line is shared in %s currency",
  async (_name, destination, source, configured, expected) => {
    const h = await bffWithSandbox("happy", { wabaCurrency: configured });
    const { state } = h.graph.sandbox;
    const old = state.wabas.get(state.customer.sourceWabaId);
    if (!old) throw new Error("the world has the old account");
    old.currency = source;
    const signup = await h.signup();
    const account = state.wabas.get(signup.waba_id);
    if (!account) throw new Error("the signup created the new account");
    account.currency = destination;

    const created = await h.post("/migrations", { code: signup.code });
    const { id } = (await created.json()) as { id: string };
    await h.bff.idle();
    expect((await h.store.getMigration(id))?.status).toBe("completed");
    const shares = (await h.calls()).filter(
      (c) => c.operation === "createWhatsAppCreditSharingAndAttach",
    );
    expect(shares.map((c) => c.params.waba_currency)).toEqual([expected]);
    // Meta sets the currency of an account that has none, and changes no existing one.
    expect(account.currency).toBe(destination ?? expected);
  },
);
