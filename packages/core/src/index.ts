/**
 * @wa-migrate/core: the browser flow of a WhatsApp number migration, without React.
 *
 * @example
 * import { createMigrationFlow } from "@wa-migrate/core";
 * const flow = createMigrationFlow({ appId: "1234", configId: "5678", bffUrl: "/wa" });
 */
export { type BffClient, type BffClientOptions, createBffClient } from "./bff-client.js";
export { BffError } from "./bff-error.js";
export { buildLoginOptions, type EsVersion, type SignupExtras } from "./build-login-options.js";
export { createMigrationFlow } from "./create-migration-flow.js";
export {
  deriveCurrentStep,
  deriveStepViews,
  type StepInputs,
  stepOfStop,
} from "./derive-step-views.js";
export type {
  FacebookInitParams,
  FacebookLoginOptions,
  FacebookLoginResponse,
  FacebookSdk,
} from "./facebook-sdk.js";
export { DEFAULT_STORAGE_KEY, type FlowStorage } from "./flow-storage.js";
export type {
  FlowError,
  FlowEvent,
  FlowSnapshot,
  FlowState,
  MigrationFlowController,
  StepView,
  StepViewState,
} from "./flow-types.js";
export {
  DEFAULT_SDK_URL,
  type LoadFacebookSdkOptions,
  loadFacebookSdk,
} from "./load-facebook-sdk.js";
export {
  buildLoginDialogUrl,
  type LoginDialogUrlOptions,
  type LoginRedirectResult,
  readLoginRedirect,
  withoutLoginParams,
} from "./login-redirect.js";
export type { MigrationFlowOptions } from "./migration-flow-options.js";
export { SdkLoadError } from "./sdk-load-error.js";
export {
  type SignupOutcome,
  type SignupSessionOptions,
  startSignupSession,
} from "./start-signup-session.js";
export type { SubscriptionTiming } from "./subscribe-migration.js";
