import { BffError } from "../errors/bff-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";

/** The PIN of a migration: generated once on the server, sealed, and reused on every retry. */
async function migrationPin(rt: BffRuntime, migrationId: string): Promise<string> {
  const sealed = await rt.store.getSecret(migrationId, "pin");
  if (sealed) return rt.box.open(sealed);
  const pin = rt.newPin();
  await rt.store.putSecret(migrationId, "pin", rt.box.seal(pin));
  rt.log.addSecret(pin);
  return pin;
}

/**
 * `register_phone`: registers the number on Cloud API in the destination WABA (the cutover: from
 * now on messages bill to the customer), then confirms it is CONNECTED on CLOUD_API. Check before
 * act: a recorded registration, or (after a crash or on retry) a number onboarded on Cloud API
 * since our last attempt, is never registered again. Meta's 133005, 133016 and 2388103 become clear
 * action-required errors through the error mapping.
 *
 * @example
 * await runStep(rt, id, "register_phone", "graph_error", (m) => registerStep(rt, m, token));
 */
export async function registerStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
): Promise<StepResult> {
  const phoneId = m.phoneNumberId;
  const wabaId = m.wabaId;
  if (!phoneId || !wabaId) throw new BffError("assets_not_found");
  let registeredAt = m.context.registeredAt ?? null;
  const attemptedAt = m.context.registerAttemptedAt;
  if (!registeredAt && attemptedAt) {
    // An earlier attempt may have registered before its result reached the journal (a crash): the
    // number then runs on Cloud API, onboarded at or after that attempt (Meta gives whole seconds).
    const phone = await rt.graph.getPhone(phoneId, token, [
      "id",
      "status",
      "platform_type",
      "last_onboarded_time",
    ]);
    const onboarded = Date.parse(phone.last_onboarded_time ?? "");
    if (
      phone.status === "CONNECTED" &&
      phone.platform_type === "CLOUD_API" &&
      onboarded >= Math.floor(Date.parse(attemptedAt) / 1000) * 1000
    ) {
      registeredAt = new Date(onboarded).toISOString();
    }
  }
  if (!registeredAt) {
    const pin = await migrationPin(rt, m.id);
    await rt.store.updateMigration(m.id, { context: { registerAttemptedAt: rt.now() } }, rt.now());
    // Meta's refusals (2388001 two-step or ownership, 133005, 133016, 2388103) become the step's
    // code in stepFailure, through the one mapping of Graph errors (errorCodeOfGraph).
    await rt.graph.register(phoneId, token, pin);
    registeredAt = rt.now();
  }
  await rt.store.updateMigration(
    m.id,
    { billingCutoverAt: registeredAt, context: { registeredAt } },
    rt.now(),
  );
  rt.hub.notify(m.id);
  const phone = await rt.graph.getPhone(phoneId, token);
  if (phone.status !== "CONNECTED" || phone.platform_type !== "CLOUD_API") {
    throw new BffError("registration_unconfirmed", {
      detail: `The number is ${phone.status ?? "in an unknown status"} on ${phone.platform_type ?? "an unknown platform"}.`,
    });
  }
  return "succeeded";
}
