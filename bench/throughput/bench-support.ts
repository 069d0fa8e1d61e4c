import type { Logger } from "@wa-migrate/bff";
import type { FakeGraph } from "@wa-migrate/sandbox";

/**
 * A logger that drops every line: benches measure the work, not stdout.
 *
 * @example
 * createMigrationBff({ ...options, logger: quietLogger });
 */
export const quietLogger: Logger = {
  info() {},
  warn() {},
  error() {},
  child() {
    return quietLogger;
  },
  addSecret() {},
};

/**
 * Gives the sandbox's customer `count` more numbers (copies of the scenario's number), so that
 * many migrations can run at once; returns their ids for `POST /__sandbox/signups {phone}`.
 * (The same as the journal tests' `addCustomerPhones`, which the bff package does not export.)
 *
 * @example
 * for (const phone of addPhones(graph, 100)) await graph.request("/__sandbox/signups", ...);
 */
export function addPhones(graph: FakeGraph, count: number): string[] {
  const { state } = graph.sandbox;
  const template = state.phones.get(state.customer.phoneId);
  if (!template) throw new Error("the sandbox scenario has no customer number to copy");
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = state.newId();
    const digits = String(5_550_000 + i).padStart(7, "0");
    state.phones.set(id, {
      ...structuredClone(template),
      id,
      phoneNumber: `631${digits}`,
      display_phone_number: `+1 631-${digits.slice(0, 3)}-${digits.slice(3)}`,
      registrationRequests: [],
      migration: undefined,
    });
    ids.push(id);
  }
  return ids;
}
