import { subscribedAppId } from "@wa-migrate/contracts";
import { BffError } from "../errors/bff-error.js";
import { errorCodeOfGraph, GraphError } from "../graph/graph-error.js";
import type { StoredMigration } from "../store/migration-store.js";
import type { BffRuntime } from "./runtime.js";
import type { StepResult } from "./step-runner.js";

/**
 * `subscribe_webhooks`: subscribes plainly when our app is missing (checked on retries), as Meta
 * wants before an override, then sets `webhookOverride` only when one is configured and not yet
 * in place. The override takes only customer messages and Meta's other listed fields; the kit's
 * template and account webhooks keep coming to the app's default callback.
 *
 * @example
 * await runStep(rt, id, "subscribe_webhooks", "webhook_subscription_failed", (m) => subscribeStep(rt, m, token));
 */
export async function subscribeStep(
  rt: BffRuntime,
  m: StoredMigration,
  token: string,
): Promise<StepResult> {
  const wabaId = m.wabaId;
  if (!wabaId) throw new BffError("assets_not_found");
  // Subscribing is idempotent at Meta, so a first attempt without an override just subscribes;
  // retries (and overrides) look first.
  const attempt = m.steps.find((s) => s.id === "subscribe_webhooks")?.attempts ?? 1;
  const override = rt.options.webhookOverride;
  const apps =
    attempt > 1 || override ? (await rt.graph.listSubscribedApps(wabaId, token)).data : [];
  const ours = apps.find((a) => subscribedAppId(a) === rt.options.appId);
  try {
    if (!ours) await rt.graph.subscribeApp(wabaId, token);
    if (override && ours?.override_callback_uri !== override.callbackUri) {
      await rt.graph.subscribeApp(wabaId, token, override);
    }
  } catch (error) {
    // A refusal with a code of its own (no permission, an invalid token) keeps it, and so its
    // remedy; only Meta's other refusals are the subscription's (no callback URL set, ...).
    if (
      error instanceof GraphError &&
      !error.transient &&
      error.kind === "graph" &&
      errorCodeOfGraph(error) === "graph_error"
    ) {
      throw new BffError("webhook_subscription_failed", { graph: error.toRef(), cause: error });
    }
    throw error;
  }
  return "succeeded";
}

/**
 * Subscribes our app to `wabaId` unless Meta lists it already (`GET` then, when missing, `POST
 * subscribed_apps`); true when it had to. Meta refuses `register` without a subscribed app
 * (2388103), and every refused `register` counts against the number's 10 per 72 hours.
 *
 * @example
 * if (await subscribeUnlessListed(rt, wabaId, token)) rt.log.info("subscription restored");
 */
export async function subscribeUnlessListed(
  rt: BffRuntime,
  wabaId: string,
  token: string,
): Promise<boolean> {
  const apps = (await rt.graph.listSubscribedApps(wabaId, token)).data;
  if (apps.some((a) => subscribedAppId(a) === rt.options.appId)) return false;
  await rt.graph.subscribeApp(wabaId, token);
  return true;
}
