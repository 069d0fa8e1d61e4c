import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, test } from "vitest";
import { fetchAgainOnDrop } from "./fetch-again-on-drop.js";

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server that drops the connection under the first `drops` requests, then answers 200. */
async function dropping(drops: number): Promise<{ url: string; seen: () => number }> {
  let seen = 0;
  server = createServer((request, response) => {
    seen += 1;
    if (seen <= drops) request.socket.destroy();
    else response.end(`answer ${seen}`);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen: () => seen,
  };
}

test("a keyed POST whose connection drops is sent again and gets the answer", async () => {
  const { url, seen } = await dropping(1);
  const drops: string[] = [];
  const response = await fetchAgainOnDrop(
    url,
    { method: "POST", headers: { "idempotency-key": "k1" }, body: "{}" },
    { onDrop: (code) => drops.push(code) },
  );
  expect(await response.text()).toBe("answer 2");
  expect(seen()).toBe(2);
  expect(drops).toHaveLength(1);
});

test("gives up after `attempts` drops with the fetch error", async () => {
  const { url, seen } = await dropping(10);
  await expect(fetchAgainOnDrop(url, {}, { attempts: 2 })).rejects.toThrow("fetch failed");
  expect(seen()).toBe(2);
});

test("a POST without an idempotency-key is refused before anything is sent", async () => {
  const { url, seen } = await dropping(0);
  await expect(fetchAgainOnDrop(url, { method: "POST", body: "{}" })).rejects.toThrow(
    "idempotency-key",
  );
  expect(seen()).toBe(0);
});
