import type { SandboxSummary } from "../web/sandbox/sandbox-api.js";

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
  customer: { phoneId: string };
  phones: StatePhone[];
  wabas: { id: string; name: string; subscriptions: unknown[] }[];
  templates: { wabaId: string }[];
  jobs: unknown[];
  faults: unknown;
}

/**
 * Reads the sandbox's full state (tokens and PINs included: it is a test double) on the server and
 * keeps only what the sandbox page shows: scenario, clock, the customer's number, WABAs, jobs and
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
  return {
    scenario: state.scenario,
    seed: state.seed,
    now: state.now,
    phone: phone && {
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
    },
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
