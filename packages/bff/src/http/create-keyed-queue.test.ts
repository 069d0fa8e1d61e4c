import { describe, expect, test } from "vitest";
import { createKeyedQueue } from "./create-keyed-queue.js";

describe("createKeyedQueue", () => {
  test("runs one key's tasks one after another, in order, past a failure; other keys freely", async () => {
    const serial = createKeyedQueue();
    const log: string[] = [];
    let openA: () => void = () => {};
    const a1 = serial("a", async () => {
      log.push("a1 start");
      await new Promise<void>((resolve) => {
        openA = resolve;
      });
      log.push("a1 end");
      throw new Error("a1 failed");
    });
    const a2 = serial("a", async () => {
      log.push("a2");
      return 2;
    });
    const b1 = serial("b", async () => {
      log.push("b1");
      return 1;
    });
    expect(await b1).toBe(1);
    expect(log).toEqual(["a1 start", "b1"]);
    openA();
    await expect(a1).rejects.toThrow("a1 failed");
    expect(await a2).toBe(2);
    expect(log).toEqual(["a1 start", "b1", "a1 end", "a2"]);
  });
});
