import type { Migration } from "@wa-migrate/contracts";
import { describe, expect, test } from "vitest";
import { buildSupportBundle, redactSecrets } from "./support-bundle.js";

const TOKEN = `EAAG${"x".repeat(40)}`;
const CODE = `AQ${"y".repeat(120)}`;

function migration(): Migration {
  return {
    id: "mig_1",
    status: "failed",
    businessId: "111",
    wabaId: "222",
    phoneNumberId: "333",
    sourceWabaId: "444",
    phone: null,
    steps: [
      {
        id: "capture_assets",
        status: "succeeded",
        attempts: 1,
        startedAt: "2026-11-25T12:00:00.000Z",
        finishedAt: "2026-11-25T12:00:01.500Z",
        lastError: null,
      },
      {
        id: "register_phone",
        status: "failed",
        attempts: 2,
        startedAt: "2026-11-25T12:00:02.000Z",
        finishedAt: "2026-11-25T12:00:03.000Z",
        lastError: {
          code: "graph_unavailable",
          message: "Meta's Graph API did not answer.",
          remedy: "Retry.",
          retryable: true,
          graph: { code: 131000, fbtraceId: "AbCdEf123", message: `bad token ${TOKEN}` },
        },
      },
    ],
    templates: {
      mode: "copied_before_registration",
      sourceReadable: true,
      items: [
        {
          name: "a",
          language: "en_US",
          category: "UTILITY",
          sourceStatus: "APPROVED",
          sourceQuality: "GREEN",
          outcome: "copied",
        },
        {
          name: "b",
          language: "en_US",
          category: "UTILITY",
          sourceStatus: "PAUSED",
          sourceQuality: "RED",
          outcome: "not_eligible",
        },
      ],
    },
    warnings: [],
    billingCutoverAt: null,
    createdAt: "2026-11-25T12:00:00.000Z",
    updatedAt: "2026-11-25T12:00:03.000Z",
  };
}

describe("redactSecrets", () => {
  test.each([
    [{ access_token: "abc" }, { access_token: "[removed]" }],
    [{ nested: { pin: "123456", id: "1" } }, { nested: { pin: "[removed]", id: "1" } }],
    [
      { app_secret: "s", client_secret: "c" },
      { app_secret: "[removed]", client_secret: "[removed]" },
    ],
    [{ note: TOKEN }, { note: "[removed]" }],
    [
      [CODE, "plain"],
      ["[removed]", "plain"],
    ],
    [{ code: "graph_unavailable" }, { code: "graph_unavailable" }],
    [{ message: `Invalid token ${TOKEN} given` }, { message: "Invalid token [removed] given" }],
  ])("%j → %j", (input, output) => {
    expect(redactSecrets(input)).toEqual(output);
  });
});

describe("buildSupportBundle", () => {
  test("keeps IDs, timings, errors with trace ids and template counts", () => {
    const bundle = buildSupportBundle(migration(), {
      signupEvents: [],
      webhookEvents: [],
      now: new Date("2026-11-25T13:00:00Z"),
    });
    expect(bundle.ids).toEqual({
      migrationId: "mig_1",
      businessId: "111",
      wabaId: "222",
      phoneNumberId: "333",
      sourceWabaId: "444",
    });
    expect(bundle.steps.map((s) => s.durationMs)).toEqual([1500, 1000]);
    expect(bundle.fbtraceIds).toEqual(["AbCdEf123"]);
    expect(bundle.errors).toEqual([
      expect.objectContaining({
        code: "graph_unavailable",
        graphCode: 131000,
        fbtraceId: "AbCdEf123",
      }),
    ]);
    expect(bundle.templates.counts).toEqual({ copied: 1, not_eligible: 1 });
    expect(bundle.timings.totalMs).toBe(3000);
  });

  test("carries the migration's events only, and no secret anywhere", () => {
    const bundle = buildSupportBundle(migration(), {
      signupEvents: [
        {
          id: "s1",
          event: "CANCEL",
          currentStep: "PHONE_NUMBER_SETUP",
          errorMessage: null,
          errorId: null,
          sessionId: null,
          migrationId: null,
          receivedAt: "t",
        },
        {
          id: "s2",
          event: "TIMEOUT",
          currentStep: null,
          errorMessage: null,
          errorId: null,
          sessionId: null,
          migrationId: "mig_1",
          receivedAt: "t",
        },
      ],
      webhookEvents: [
        {
          id: "w1",
          field: "account_update",
          wabaId: "222",
          migrationId: null,
          value: { access_token: TOKEN },
          receivedAt: "t",
        },
        {
          id: "w2",
          field: "account_update",
          wabaId: "999",
          migrationId: null,
          value: {},
          receivedAt: "t",
        },
      ],
      now: new Date(),
    });
    expect(bundle.signupEvents.map((e) => e.id)).toEqual(["s2"]);
    expect(bundle.webhookEvents.map((e) => e.id)).toEqual(["w1"]);
    const json = JSON.stringify(bundle);
    expect(json).not.toContain(TOKEN);
    expect(json).toContain("[removed]");
  });
});
