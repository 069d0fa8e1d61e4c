import { GRAPH_VERSION } from "@wa-migrate/contracts";
import { type FaultConfig, parseFaultConfig } from "../faults/fault-config.js";
import { FaultInjector } from "../faults/fault-injector.js";
import { UsageMeter } from "../graph/usage-meter.js";
import { getScenario, type ScenarioDefinition, type ScenarioName } from "../scenarios/scenarios.js";
import { SandboxState } from "../state/sandbox-state.js";
import { seedWorld } from "../state/seed-world.js";
import { WebhookDispatcher } from "../webhooks/webhook-dispatcher.js";
import { phoneNameValue } from "../webhooks/webhook-payloads.js";
import { CallLog } from "./call-log.js";
import { JobQueue } from "./job-queue.js";
import { createRng, type Rng } from "./rng.js";
import { SandboxClock } from "./sandbox-clock.js";

/**
 * Options of {@link Sandbox} and `createFakeGraph`.
 *
 * @example
 * const options: FakeGraphOptions = { scenario: "happy", seed: 42, clock: () => 1_760_000_000_000 };
 */
export interface FakeGraphOptions {
  /** Scenario to start in (default `happy`). */
  scenario?: ScenarioName;
  /** Seed for ids, codes and faults (default 1). */
  seed?: number;
  /** Base clock in ms since the epoch (default `Date.now`); the control API advances on top of it. */
  clock?: () => number;
  /** Mount `/__sandbox/*` (default false in-process; the bin turns it on). */
  control?: boolean;
  /** Fixed latency added to every Graph call, real ms (default 0). */
  latencyMs?: number;
  /** HTTP status for code 190 (Meta's table says 401; real answers are often 400). Default 401. */
  status190?: 400 | 401;
  /** Sandbox-clock delay before Meta's automatic template copy after registration (default 60 s). */
  templateCopyDelayMs?: number;
  /** How outgoing webhooks and callback verification leave the sandbox (default global `fetch`). */
  webhookFetch?: (request: Request) => Promise<Response>;
  /** Value of the `facebook-api-version` header when the path has no version (default contracts' GRAPH_VERSION). */
  defaultVersion?: string;
}

/**
 * Everything behind one fake Graph: state, clock, jobs, faults, usage, calls, webhooks.
 * `createFakeGraph` builds one and exposes it as `graph.sandbox`.
 *
 * @example
 * const { sandbox } = createFakeGraph({ scenario: "happy" });
 * await sandbox.advance(60_000); // Meta's template copy runs
 * await sandbox.settle(); // webhooks delivered
 */
export class Sandbox {
  readonly clock: SandboxClock;
  readonly jobs = new JobQueue();
  readonly calls = new CallLog();
  readonly usage = new UsageMeter();
  readonly options: Required<
    Omit<FakeGraphOptions, "scenario" | "seed" | "clock" | "webhookFetch">
  >;
  /** How the sandbox reaches outside (webhooks, callback verification). */
  readonly outbound: (request: Request) => Promise<Response>;
  state!: SandboxState;
  scenario!: ScenarioDefinition;
  faults!: FaultInjector;
  /** Trace and request ids come from their own stream, so retries do not shift the world's ids. */
  traceRng!: Rng;
  webhooks!: WebhookDispatcher;
  seed = 1;
  /** Unexpected failures inside the sandbox (a bug, or a state a test broke on purpose). */
  readonly internalErrors: { time: number; operation: string; message: string }[] = [];

  constructor(options: FakeGraphOptions = {}) {
    this.clock = new SandboxClock(options.clock ?? Date.now);
    this.options = {
      control: options.control ?? false,
      latencyMs: options.latencyMs ?? 0,
      status190: options.status190 ?? 401,
      templateCopyDelayMs: options.templateCopyDelayMs ?? 60_000,
      defaultVersion: options.defaultVersion ?? GRAPH_VERSION,
    };
    this.outbound = options.webhookFetch ?? ((request) => fetch(request));
    this.reset(options.scenario ?? "happy", options.seed ?? 1);
  }

  /** Rebuilds Meta's world for a scenario (same seed → same ids). The clock keeps running. */
  reset(scenario: ScenarioName = this.scenario.name, seed: number = this.seed): void {
    this.seed = seed;
    this.scenario = getScenario(scenario);
    this.state = new SandboxState(createRng(seed));
    this.faults = new FaultInjector(createRng(seed ^ 0x5eed));
    this.traceRng = createRng(seed ^ 0x7ace);
    this.jobs.clear();
    this.calls.clear();
    this.usage.clear();
    // The job queue outlives the world: the old dispatcher must not put retries back into it.
    this.webhooks?.close();
    this.webhooks = new WebhookDispatcher(this.state, this.clock, this.jobs, this.outbound, {
      config: () => this.faults.config.webhooks,
      // Its own stream, so redelivery draws shift neither the world's ids nor the Graph faults.
      rng: createRng(seed ^ 0x4e6b),
    });
    const now = this.clock.now();
    seedWorld(this.state, now);
    this.scenario.setup(this.state, now);
    this.faults.configure(this.scenario.faults);
    if (this.scenario.exhaustWabaUsage) this.exhaustUsage(this.state.customer.sourceWabaId);
    this.#schedulePendingRename();
  }

  /** Keeps an unexpected failure (bounded to the last 100). */
  recordInternalError(operation: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.internalErrors.push({ time: this.clock.now(), operation, message });
    if (this.internalErrors.length > 100) this.internalErrors.shift();
  }

  /** Replaces the fault settings (validated). */
  setFaults(config: unknown): FaultConfig {
    const parsed = parseFaultConfig(config);
    this.faults.configure(parsed);
    return parsed;
  }

  /** The hourly budget of a WABA: 5,000 when it has a registered number, else 200 (facts §4.4). */
  wabaHourlyLimit(wabaId: string): number {
    return this.state.isActive(wabaId) ? 5000 : 200;
  }

  /** Uses up a WABA's budget for this hour (`rate-limited`). */
  exhaustUsage(wabaId: string): void {
    this.usage.exhaust(`waba:${wabaId}`, this.wabaHourlyLimit(wabaId), this.clock.now());
  }

  /** Runs jobs due on the sandbox clock. */
  async tick(): Promise<number> {
    return this.jobs.runDue(this.clock.now(), (job, error) =>
      this.recordInternalError(`job: ${job.label}`, error),
    );
  }

  /** Starts due jobs without waiting (after an answer, so webhooks leave promptly). */
  kick(): void {
    void this.tick();
  }

  /** Advances the sandbox clock and runs what became due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.tick();
  }

  /** Runs due jobs and waits for webhook deliveries in flight (and the retries they made due). */
  async settle(): Promise<void> {
    do {
      await this.tick();
      await this.webhooks.idle();
    } while (this.jobs.pending().some((j) => j.dueAt <= this.clock.now()));
  }

  /** A pending display-name change is decided by Meta after a day: approved, with its webhook. */
  #schedulePendingRename(): void {
    const phone = this.state.phones.get(this.state.customer.phoneId);
    if (phone?.new_name_status !== "PENDING_REVIEW" || !phone.requestedName) return;
    this.jobs.schedule(this.clock.now() + 86_400_000, "display name review", () => {
      const requested = phone.requestedName ?? phone.verified_name;
      phone.verified_name = requested;
      phone.name_status = "APPROVED";
      phone.new_name_status = "NONE";
      phone.requestedName = undefined;
      const value = phoneNameValue(phone, "APPROVED", requested);
      // Not an overridable field: the number's override, if any, does not take it.
      this.webhooks.send(phone.wabaId, phone.wabaId, "phone_number_name_update", value, phone.id);
    });
  }
}
