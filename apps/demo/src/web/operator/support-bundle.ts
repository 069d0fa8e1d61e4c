import type { Migration, SignupEvent, WebhookEvent } from "@wa-migrate/contracts";

// Keys whose values are secrets wherever they appear (Graph params, webhook values, headers).
const SECRET_KEY =
  /^(?:access_?token|token|business_?token|system_?token|app_?secret|client_?secret|secret|pin|password|authorization|input_?token|verify_?token|code_?value|appsecret_proof)$/i;
// Anything that looks like a Meta token (EAA…) or an Embedded Signup code (AQ… and long) is cut
// out of every string, also inside a longer text such as an error message.
const SECRET_VALUE = /EAA[A-Za-z0-9]{20,}|\bAQ[A-Za-z0-9_-]{60,}/g;

/**
 * A deep copy with secrets replaced by `"[removed]"`: the values of keys named like a token,
 * secret, PIN or password, and anything in a string that looks like a Meta access token or an
 * Embedded Signup code.
 *
 * @example
 * redactSecrets({ access_token: "EAAB...", waba_id: "1" }); // { access_token: "[removed]", waba_id: "1" }
 */
export function redactSecrets<T>(value: T): T {
  if (typeof value === "string") return value.replace(SECRET_VALUE, "[removed]") as T;
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item)) as T;
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? "[removed]" : redactSecrets(inner);
    }
    return out as T;
  }
  return value;
}

/** One step in the bundle: what ran, how often, how long, and how it failed. */
export interface BundleStep {
  id: string;
  status: string;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: {
    code: string;
    message: string;
    remedy: string;
    retryable: boolean;
    graphCode: number | null;
    graphSubcode: number | null;
    fbtraceId: string | null;
    graphMessage: string | null;
  } | null;
}

/** The support bundle: everything support (ours or Meta's) needs about one migration, no secrets. */
export interface SupportBundle {
  kind: "wa-migrate.support-bundle";
  version: 1;
  generatedAt: string;
  ids: {
    migrationId: string;
    businessId: string | null;
    wabaId: string | null;
    phoneNumberId: string | null;
    sourceWabaId: string | null;
  };
  status: string;
  timings: {
    createdAt: string;
    updatedAt: string;
    billingCutoverAt: string | null;
    totalMs: number;
  };
  phone: Migration["phone"];
  steps: BundleStep[];
  errors: NonNullable<BundleStep["error"]>[];
  fbtraceIds: string[];
  warnings: string[];
  templates: { mode: string; sourceReadable: boolean; counts: Record<string, number> };
  signupEvents: SignupEvent[];
  webhookEvents: WebhookEvent[];
}

const ms = (from: string | null | undefined, to: string | null | undefined) =>
  from && to ? Math.max(0, Date.parse(to) - Date.parse(from)) : null;

/**
 * Builds the support bundle of one migration (IDs, timings, every error with its fbtrace_id, the
 * template outcome counts, the signup and webhook events that belong to it), secrets removed.
 *
 * @example
 * const bundle = buildSupportBundle(migration, { signupEvents, webhookEvents, now: new Date() });
 * download(`support-${migration.id}.json`, JSON.stringify(bundle, null, 2));
 */
export function buildSupportBundle(
  migration: Migration,
  related: { signupEvents: SignupEvent[]; webhookEvents: WebhookEvent[]; now: Date },
): SupportBundle {
  const steps: BundleStep[] = migration.steps.map((step) => {
    const e = step.lastError ?? null;
    return {
      id: step.id,
      status: step.status,
      attempts: step.attempts,
      startedAt: step.startedAt ?? null,
      finishedAt: step.finishedAt ?? null,
      durationMs: ms(step.startedAt, step.finishedAt),
      error: e
        ? {
            code: e.code,
            message: e.message,
            remedy: e.remedy,
            retryable: e.retryable,
            graphCode: e.graph?.code ?? null,
            graphSubcode: e.graph?.subcode ?? null,
            fbtraceId: e.graph?.fbtraceId ?? null,
            graphMessage: e.graph?.message ?? null,
          }
        : null,
    };
  });
  const errors = steps.flatMap((step) => (step.error ? [step.error] : []));
  const counts: Record<string, number> = {};
  for (const item of migration.templates.items)
    counts[item.outcome] = (counts[item.outcome] ?? 0) + 1;
  const bundle: SupportBundle = {
    kind: "wa-migrate.support-bundle",
    version: 1,
    generatedAt: related.now.toISOString(),
    ids: {
      migrationId: migration.id,
      businessId: migration.businessId,
      wabaId: migration.wabaId,
      phoneNumberId: migration.phoneNumberId,
      sourceWabaId: migration.sourceWabaId,
    },
    status: migration.status,
    timings: {
      createdAt: migration.createdAt,
      updatedAt: migration.updatedAt,
      billingCutoverAt: migration.billingCutoverAt,
      totalMs: ms(migration.createdAt, migration.billingCutoverAt ?? migration.updatedAt) ?? 0,
    },
    phone: migration.phone,
    steps,
    errors,
    fbtraceIds: [...new Set(errors.flatMap((e) => (e.fbtraceId ? [e.fbtraceId] : [])))],
    warnings: [...migration.warnings],
    templates: {
      mode: migration.templates.mode,
      sourceReadable: migration.templates.sourceReadable,
      counts,
    },
    signupEvents: related.signupEvents.filter((e) => e.migrationId === migration.id),
    webhookEvents: related.webhookEvents.filter(
      (e) =>
        e.migrationId === migration.id ||
        (migration.wabaId !== null && e.wabaId === migration.wabaId),
    ),
  };
  return redactSecrets(bundle);
}
