import { createFakeFacebookSdk, createMemoryBffClient } from "@wa-migrate/core/testing";
import { describe, expect, it } from "vitest";
import { configKey } from "./config-key.js";

describe("configKey", () => {
  it("compares plain data by value, so inline literals do not restart the flow", () => {
    const a = configKey({ appId: "1", allowedOrigins: ["https://x"], signupExtras: { setup: {} } });
    const b = configKey({ appId: "1", allowedOrigins: ["https://x"], signupExtras: { setup: {} } });
    expect(a).toBe(b);
    expect(configKey({ appId: "1" })).not.toBe(configKey({ appId: "2" }));
  });

  it("compares SDKs and clients by identity, not by their changing internal state", () => {
    const sdk = createFakeFacebookSdk();
    const client = createMemoryBffClient();
    const before = configKey({ sdk, client });
    sdk.init({ appId: "1", version: "v24.0", xfbml: false });
    expect(configKey({ sdk, client })).toBe(before);
    expect(configKey({ sdk: createFakeFacebookSdk(), client })).not.toBe(before);
  });

  it("compares functions by identity", () => {
    const f = () => {};
    expect(configKey({ now: f })).toBe(configKey({ now: f }));
    expect(configKey({ now: f })).not.toBe(configKey({ now: () => {} }));
  });
});
