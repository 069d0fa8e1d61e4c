export { createFakeGraph, type FakeGraph } from "./create-fake-graph.js";
export type { CallRecord } from "./engine/call-log.js";
export { type FakeGraphOptions, Sandbox } from "./engine/sandbox.js";
export type { FaultCode, FaultConfig } from "./faults/fault-config.js";
export { OPERATION_NAMES } from "./graph/route-graph.js";
export {
  getScenario,
  isScenarioName,
  type PopupFacts,
  SCENARIO_NAMES,
  type ScenarioDefinition,
  type ScenarioName,
} from "./scenarios/scenarios.js";
export { type FakeGraphServer, serveFakeGraph } from "./serve-fake-graph.js";
export {
  completeSignup,
  type SignupInput,
  type SignupOutcome,
  type SignupResult,
} from "./signup/complete-signup.js";
export {
  type PartnerConfig,
  type PopupScenario,
  partnerConfig,
  popupScenario,
} from "./signup/partner-config.js";
export { signPayload } from "./webhooks/sign-payload.js";
