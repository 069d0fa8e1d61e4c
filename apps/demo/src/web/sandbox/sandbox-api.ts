/** One Graph request as the sandbox logged it (secrets already masked by the sandbox). */
export interface GraphCall {
  seq: number;
  operation: string;
  method: string;
  path: string;
  version: string | null;
  status: number;
  errorCode: number | null;
  errorSubcode: number | null;
  fault: string | null;
  time: number;
}

/** One phone number of Meta's world as the sandbox page shows it (no PIN). */
export interface SandboxPhone {
  id: string;
  display_phone_number: string;
  verified_name: string;
  status: string;
  platform_type: string;
  name_status: string;
  quality_rating: string;
  twoStepEnabled: boolean;
  wabaId: string;
  movingTo: string | null;
}

/**
 * What the demo server tells the sandbox page about Meta's world: the scenario, the clock and the
 * customer's number, with tokens, PINs and codes left out (see `src/server/sandbox-summary.ts`).
 */
export interface SandboxSummary {
  scenario: string;
  seed: number;
  now: number;
  /** The customer's number (the one the signup moves). */
  phone: SandboxPhone | null;
  /** Every number of the customer's portfolio, the signup's first. */
  phones: SandboxPhone[];
  wabas: { id: string; name: string; templates: number; subscribedApps: number }[];
  pendingJobs: number;
  faults: unknown;
}

/** Where Meta sent a customer's message (`POST /__sandbox/phone-numbers/{id}/messages`). */
export interface CustomerMessageSent {
  message: { id: string; from: string; timestamp: string };
  phone_number_id: string;
  waba_id: string;
  /** `pending` with the callback it goes to, or why it goes nowhere (`detail`). */
  webhook: { id: string; state: string; url: string | null };
  detail?: string;
}

/** A problem answer from the sandbox's control API. */
export class SandboxApiError extends Error {
  override readonly name = "SandboxApiError";
}

async function call<T>(url: string, init?: { method: "POST"; body: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init?.method ?? "GET",
    headers: init ? { "content-type": "application/json" } : {},
    body: init ? JSON.stringify(init.body) : undefined,
  });
  const body = (await response.json().catch(() => null)) as
    | (T & { detail?: string; title?: string })
    | null;
  if (!response.ok) {
    throw new SandboxApiError(body?.detail ?? body?.title ?? `${url} answered ${response.status}`);
  }
  return body as T;
}

/**
 * The sandbox's control API as the demo server proxies it (`/sandbox-api/...`).
 *
 * @example
 * const api = sandboxApi("/sandbox-api");
 * await api.setScenario("two-step-on");
 */
export function sandboxApi(base: string) {
  const root = base.replace(/\/+$/, "");
  return {
    scenarios: () => call<{ data: { name: string; summary: string }[] }>(`${root}/scenarios`),
    operations: () => call<{ data: string[] }>(`${root}/operations`),
    summary: () => call<SandboxSummary>(`${root}/summary`),
    calls: () => call<{ data: GraphCall[] }>(`${root}/calls`),
    setScenario: (name: string) => call(`${root}/scenario`, { method: "POST", body: { name } }),
    autopilot: (body: { outcome: string; atStep: string; delayMs: number }) =>
      call(`${root}/autopilot`, { method: "POST", body }),
    faults: (body: unknown) =>
      call<{ faults: unknown }>(`${root}/faults`, { method: "POST", body }),
    advanceClock: (advanceMs: number) =>
      call<{ now: number }>(`${root}/clock`, { method: "POST", body: { advanceMs } }),
    /** Two-step verification on or off for one number (what WhatsApp Manager does). */
    setTwoStep: (phoneId: string, twoStepEnabled: boolean) =>
      call<{ id: string; twoStepEnabled: boolean }>(
        `${root}/phone-numbers/${encodeURIComponent(phoneId)}`,
        { method: "POST", body: { twoStepEnabled } },
      ),
    /** A customer texts the number; Meta sends the `messages` webhook where it would. */
    sendCustomerMessage: (phoneId: string, text: string) =>
      call<CustomerMessageSent>(`${root}/phone-numbers/${encodeURIComponent(phoneId)}/messages`, {
        method: "POST",
        body: { text },
      }),
  };
}

/** See {@link sandboxApi}. */
export type SandboxApi = ReturnType<typeof sandboxApi>;
