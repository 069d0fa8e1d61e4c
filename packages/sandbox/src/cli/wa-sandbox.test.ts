import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, test } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/wa-sandbox.mjs", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
});

function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once("exit", (code) => reject(new Error(`wa-sandbox exited with ${code}: ${out}`)));
  });
}

describe("wa-sandbox bin", () => {
  test("serves the fake Graph with the control API on 127.0.0.1, in the chosen scenario and seed", async () => {
    const { url } = await start(["--port", "0", "--scenario", "pin-mismatch", "--seed", "5"]);
    const partner = await (await fetch(`${url}/__sandbox/partner`)).json();
    expect(partner.scenario).toBe("pin-mismatch");
    const state = await (await fetch(`${url}/__sandbox/state`)).json();
    expect(state.seed).toBe(5);
    const graph = await fetch(`${url}/v26.0/${partner.business_id}/extendedcredits`, {
      headers: { authorization: `Bearer ${partner.system_token}` },
    });
    expect(graph.status).toBe(200);
    expect(await graph.json()).toEqual({ data: [{ id: partner.credit_line_id }] });
  }, 30_000);

  test("a dropped-connection fault destroys the socket", async () => {
    const { url } = await start(["--port", "0"]);
    await fetch(`${url}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ failNext: [{ operation: "debugToken", count: 1, code: "drop" }] }),
    });
    await expect(fetch(`${url}/v26.0/debug_token?input_token=x&access_token=y`)).rejects.toThrow(
      TypeError,
    );
  }, 30_000);

  test.each([
    [["--scenario", "nope"], "unknown scenario"],
    [["--port", "http"], "--port"],
    [["--bogus"], "Unknown option"],
  ])(
    "%j exits 2 with usage",
    (args, message) => {
      const result = spawnSync(process.execPath, [BIN, ...args], {
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain("usage: wa-sandbox");
    },
    30_000,
  );
});
