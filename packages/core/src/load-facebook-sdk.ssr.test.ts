// @vitest-environment node
import { expect, test } from "vitest";

test("on the server the loader and the flow import without a window and resolve to null", async () => {
  expect(typeof window).toBe("undefined");
  const core = await import("./index.js");
  await expect(core.loadFacebookSdk({ appId: "1234" })).resolves.toBeNull();
  const flow = core.createMigrationFlow({ appId: "1", configId: "2", bffUrl: "/wa" });
  await flow.prepare();
  expect(flow.getSnapshot().state).toBe("idle");
  flow.launch();
  expect(flow.getSnapshot().state).toBe("idle");
  flow.destroy();
});
