import type { MigrationErrorCode, StepId } from "@wa-migrate/contracts";
import type { FlowSnapshot, MigrationFlowController } from "@wa-migrate/core";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  canLaunch,
  de,
  en,
  type Locale,
  MigrationFlow,
  type MigrationFlowHandle,
  type MigrationFlowProps,
  type UseMigrationFlowResult,
  useMigrationFlow,
} from "./index.js";

// Type tests of the public API: checked by `tsc --noEmit -p .`, where the expectTypeOf calls and the
// expected-error directives fail the type check if the API drifts; the runtime parts run in vitest.
describe("public API types", () => {
  it("useMigrationFlow returns the snapshot, the actions and the controller", () => {
    expectTypeOf(useMigrationFlow).returns.toEqualTypeOf<UseMigrationFlowResult>();
    expectTypeOf<UseMigrationFlowResult["snapshot"]>().toEqualTypeOf<FlowSnapshot>();
    expectTypeOf<UseMigrationFlowResult["launch"]>().toEqualTypeOf<() => void>();
    expectTypeOf<
      UseMigrationFlowResult["controller"]
    >().toEqualTypeOf<MigrationFlowController | null>();
    expectTypeOf<UseMigrationFlowResult>().toMatchTypeOf<MigrationFlowHandle>();
  });

  it("MigrationFlow props: ids, bff, locale, callbacks with typed payloads", () => {
    expectTypeOf<MigrationFlowProps["locale"]>().toEqualTypeOf<Locale | undefined>();
    expectTypeOf<Locale>().toEqualTypeOf<"en" | "de">();
    expectTypeOf<NonNullable<MigrationFlowProps["onExit"]>>()
      .parameter(0)
      .toEqualTypeOf<{ step: StepId; reason: MigrationErrorCode }>();
    expectTypeOf<MigrationFlowProps>().toHaveProperty("bffUrl");
    expectTypeOf<MigrationFlowProps>().toHaveProperty("client");
    expectTypeOf<MigrationFlowProps>().toHaveProperty("resume");
    expectTypeOf<MigrationFlowProps>().toHaveProperty("signupExtras");
    expectTypeOf<MigrationFlowProps>().toHaveProperty("allowedOrigins");
    expectTypeOf<MigrationFlowProps>().toHaveProperty("unstyled");
  });

  it("rejects wrong props at compile time", () => {
    const ok: MigrationFlowProps = { appId: "1", configId: "2", bffUrl: "/wa" };
    // @ts-expect-error: appId is required
    const noApp: MigrationFlowProps = { configId: "2", bffUrl: "/wa" };
    // @ts-expect-error: only en and de are built in
    const french: MigrationFlowProps = { ...ok, locale: "fr" };
    // @ts-expect-error: message overrides are type-checked
    const typo: MigrationFlowProps = { ...ok, messages: { launch: { strat: "Go" } } };
    expect([ok, noApp, french, typo]).toHaveLength(4);
  });

  it("exposes the compound parts on MigrationFlow", () => {
    for (const part of [
      "Root",
      "Steps",
      "Step",
      "Trigger",
      "Status",
      "TemplatesReport",
      "Summary",
    ]) {
      expect(MigrationFlow).toHaveProperty(part);
    }
    expect(typeof canLaunch).toBe("function");
    expect(Object.keys(de)).toEqual(Object.keys(en));
  });
});
