import type { FakeGraph } from "@wa-migrate/sandbox";

/**
 * Test and bench support: gives the sandbox's customer `count` more numbers in the source WABA,
 * copies of the scenario's number with their own ids and digits, so that many migrations can run
 * at once (the scenarios seed one number). Returns the new phone-number ids; each one is a valid
 * `phone` for `POST /__sandbox/signups`.
 *
 * @example
 * const phones = addCustomerPhones(graph, 200);
 * await graph.request("/__sandbox/signups", { method: "POST", body: JSON.stringify({ phone: phones[0] }) });
 */
export function addCustomerPhones(graph: FakeGraph, count: number): string[] {
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
