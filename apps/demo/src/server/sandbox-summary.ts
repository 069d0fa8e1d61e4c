import type { SandboxPhone, SandboxSummary } from "../web/sandbox/sandbox-api.js";

interface StatePhone {
  id: string;
  wabaId: string;
  display_phone_number: string;
  verified_name: string;
  status: string;
  platform_type: string;
  name_status: string;
  quality_rating: string;
  twoStepEnabled: boolean;
  migration?: { destWabaId: string } | null;
}

interface SandboxStateJson {
  scenario: string;
  seed: number;
  now: number;
  customer: { phoneId: string; businessId: string };
  phones: StatePhone[];
  wabas: {
    id: string;
    name: string;
    subscriptions: unknown[];
    ownerBusinessId?: string;
    onBehalfOfBusinessId?: string;
  }[];
  templates: { wabaId: string }[];
  jobs: unknown[];
  faults: unknown;
}

// Only what the page shows: never the PIN, the code sent or the registration history.
function view(phone: StatePhone): SandboxPhone {
  return {
    id: phone.id,
    display_phone_number: phone.display_phone_number,
    verified_name: phone.verified_name,
    status: phone.status,
    platform_type: phone.platform_type,
    name_status: phone.name_status,
    quality_rating: phone.quality_rating,
    twoStepEnabled: phone.twoStepEnabled,
    wabaId: phone.wabaId,
    movingTo: phone.migration?.destWabaId ?? null,
  };
}

/**
 * Reads the sandbox's full state (tokens and PINs included: it is a test double) on the server and
 * keeps only what the sandbox page shows: scenario, clock, the customer's numbers, WABAs, jobs and
 * faults. Nothing secret leaves the server.
 *
 * @example
 * const summary = await sandboxSummary("http://127.0.0.1:4010");
 */
export async function sandboxSummary(sandboxUrl: string): Promise<SandboxSummary> {
  const response = await fetch(`${sandboxUrl}/__sandbox/state`);
  if (!response.ok) throw new Error(`sandbox state answered ${response.status}`);
  const state = (await response.json()) as SandboxStateJson;
  const phone = state.phones.find((p) => p.id === state.customer.phoneId) ?? null;
  // The customer's numbers: those in a WABA of its portfolio (owned, or owned on its behalf).
  const customerWabas = new Set(
    state.wabas
      .filter((w) =>
        [w.ownerBusinessId, w.onBehalfOfBusinessId].includes(state.customer.businessId),
      )
      .map((w) => w.id),
  );
  const phones = state.phones.filter((p) => p === phone || customerWabas.has(p.wabaId));
  return {
    scenario: state.scenario,
    seed: state.seed,
    now: state.now,
    phone: phone && view(phone),
    phones: phones.map(view),
    wabas: state.wabas.map((waba) => ({
      id: waba.id,
      name: waba.name,
      templates: state.templates.filter((t) => t.wabaId === waba.id).length,
      subscribedApps: waba.subscriptions.length,
    })),
    pendingJobs: state.jobs.length,
    faults: state.faults,
  };
}
