import type { Logger } from "@wa-migrate/bff";
import type { ScenarioName } from "@wa-migrate/sandbox";
import { bffWithSandbox } from "../../packages/bff/src/test-support/bff-with-sandbox.js";

/** Drops every line: the benches measure requests and round trips, not log formatting. */
const quietLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  child: () => quietLogger,
  addSecret() {},
};

/**
 * The BFF (in-memory journal) and the in-process sandbox as the benches use them: the tests'
 * {@link bffWithSandbox} pair, with a logger that drops every line and the Graph client's real
 * backoff sleeps (the tests record them instead of waiting, which would flatter a timed run).
 * `latencyMs` is the sandbox's real latency per Graph call.
 *
 * @example
 * const h = await benchBffWithSandbox("happy", { seed: 11, latencyMs: 100 });
 * const signup = await h.signup();
 * await h.post("/migrations", { code: signup.code, wabaId: signup.waba_id });
 */
export function benchBffWithSandbox(
  scenario: ScenarioName,
  { seed, latencyMs = 0 }: { seed: number; latencyMs?: number },
) {
  return bffWithSandbox(scenario, { logger: quietLogger, graph: {} }, { seed, latencyMs });
}
