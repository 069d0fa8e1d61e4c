import { createFakeGraph, type FakeGraph } from "../create-fake-graph.js";
import type { FakeGraphOptions } from "../engine/sandbox.js";
import type { ScenarioName } from "../scenarios/scenarios.js";
import type { SignupResult } from "../signup/complete-signup.js";
import type { PartnerConfig } from "../signup/partner-config.js";

// Test-only: a sandbox with the control API, a fixed clock and a webhook receiver that records
// every request (raw body included), so tests assert on what Meta would have sent.

/** A fixed start time: 2026-01-05T10:00:00Z (a Monday, whole hour). */
export const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

/** A parsed JSON answer, read loosely in tests (the contract tests check the shapes). */
// biome-ignore lint/suspicious/noExplicitAny: test answers are read field by field; shapes are checked by the contract tests.
export type Json = any;

/** One request the fake Meta sent out (webhook or callback verification). */
export interface Outbound {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A Graph answer, parsed. */
export interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

/** What {@link startSandbox} gives a test. */
export interface Harness {
  graph: FakeGraph;
  partner: PartnerConfig;
  outbound: Outbound[];
  /** Status the receiver answers with (change it to make deliveries fail). */
  receiver: { status: number; echoChallenge: boolean };
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; form?: Record<string, string> },
  ): Promise<Answer>;
  signup(body?: Record<string, unknown>): Promise<SignupResult>;
  exchange(code: string): Promise<string>;
  state(): Promise<Json>;
  calls(operation?: string): Promise<Json[]>;
  /** Adds the partner's system user to a shared WABA (`MANAGE`), as a partner does before sharing credit. */
  assignSystemUser(wabaId: string): Promise<Answer>;
}

/**
 * Starts an in-process sandbox for a test.
 *
 * @example
 * const h = await startSandbox("happy");
 * const signup = await h.signup();
 */
export async function startSandbox(
  scenario: ScenarioName = "happy",
  options: FakeGraphOptions = {},
): Promise<Harness> {
  const outbound: Outbound[] = [];
  const receiver = { status: 200, echoChallenge: true };
  const graph = createFakeGraph({
    scenario,
    seed: 11,
    control: true,
    clock: () => T0,
    webhookFetch: async (request) => {
      const body = await request.text();
      outbound.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body,
      });
      const challenge = new URL(request.url).searchParams.get("hub.challenge");
      if (request.method === "GET" && challenge && receiver.echoChallenge)
        return new Response(challenge);
      return new Response("ok", { status: receiver.status });
    },
    ...options,
  });
  const partner = (await (await graph.request("/__sandbox/partner")).json()) as PartnerConfig;
  const call: Harness["call"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    } else if (options.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(options.form).toString();
    }
    const response = await graph.request(`http://graph.test${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // non-JSON answers (edge 5xx) stay text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    graph,
    partner,
    outbound,
    receiver,
    call,
    async signup(body = {}) {
      const response = await graph.request("/__sandbox/signups", {
        method: "POST",
        body: JSON.stringify(body),
      });
      if (response.status !== 201)
        throw new Error(`signup failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as SignupResult;
    },
    async exchange(code) {
      const answer = await call(
        "GET",
        `/v26.0/oauth/access_token?client_id=${partner.app_id}&client_secret=${partner.app_secret}&code=${code}`,
      );
      if (answer.status !== 200) throw new Error(`exchange failed: ${JSON.stringify(answer.body)}`);
      return answer.body.access_token as string;
    },
    async state() {
      return (await graph.request("/__sandbox/state")).json();
    },
    async calls(operation) {
      const query = operation ? `?operation=${operation}` : "";
      return ((await (await graph.request(`/__sandbox/calls${query}`)).json()) as { data: Json[] })
        .data;
    },
    assignSystemUser(wabaId) {
      return call(
        "POST",
        `/v26.0/${wabaId}/assigned_users?user=${partner.system_user_id}&tasks=['MANAGE']`,
        { token: partner.system_token },
      );
    },
  };
}
