import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DemoConfig } from "../web/demo-config.js";
import { createCustomerInbox } from "./customer-inbox.js";
import { type DemoServer, startDemoServer } from "./demo-server.js";
import { freePort } from "./free-port.js";

// The demo's web server over real sockets: a fake BFF and a fake sandbox stand upstream.

const servers: Server[] = [];
async function upstream(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let demo: DemoServer;
let dist: string;
const inbox = createCustomerInbox();
const config: DemoConfig = {
  mode: "sandbox",
  appId: "1",
  configId: "2",
  graphVersion: "v26.0",
  sdkBase: "http://127.0.0.1:1",
  allowedOrigins: ["http://127.0.0.1:1"],
  bffUrl: "/wa",
  sandboxApi: "/sandbox-api",
};

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "demo-dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(join(dist, "index.html"), "<!doctype html><title>portal</title>");
  await writeFile(join(dist, "assets", "app-1.js"), "console.log(1)");
  const bff = await upstream((req, res) => {
    if (req.url?.endsWith("/events")) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('event: migration\ndata: {"n":1}\n\n');
      // The stream stays open: the first event must reach the browser before it ends.
      setTimeout(() => res.end(), 2000);
      return;
    }
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "x-request-id": "r1" });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          body,
          idem: req.headers["idempotency-key"] ?? null,
        }),
      );
    });
  });
  const sandbox = await upstream((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/__sandbox/state") {
      res.end(
        JSON.stringify({
          scenario: "happy",
          seed: 1,
          now: 5,
          partner: { systemToken: "EAAsecret" },
          customer: { phoneId: "9" },
          phones: [
            {
              id: "9",
              wabaId: "8",
              display_phone_number: "+1",
              verified_name: "A",
              status: "CONNECTED",
              platform_type: "CLOUD_API",
              name_status: "APPROVED",
              quality_rating: "GREEN",
              twoStepEnabled: true,
              pin: "424242",
            },
          ],
          wabas: [{ id: "8", name: "W", subscriptions: [] }],
          templates: [{ wabaId: "8" }],
          tokens: [{ value: "EAAbusiness" }],
          jobs: [],
          faults: {},
        }),
      );
      return;
    }
    res.end(JSON.stringify({ url: req.url, method: req.method }));
  });
  demo = await startDemoServer({
    port: 0,
    distDir: dist,
    config,
    bffUpstream: bff,
    sandboxUpstream: sandbox,
    inbox,
  });
}, 30_000);

afterAll(async () => {
  await demo?.close();
  for (const server of servers) server.close();
  await rm(dist, { recursive: true, force: true });
});

describe("demo server", () => {
  test("serves the run-time config", async () => {
    const answer = await fetch(`${demo.url}/demo-config.json`);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toEqual(config);
  });

  test("mounts the BFF at /wa: method, path, query, body and headers pass both ways", async () => {
    const answer = await fetch(`${demo.url}/wa/migrations?limit=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "k1" },
      body: JSON.stringify({ code: "x" }),
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-request-id")).toBe("r1");
    expect(await answer.json()).toEqual({
      method: "POST",
      url: "/migrations?limit=1",
      body: '{"code":"x"}',
      idem: "k1",
    });
  });

  test("streams Server-Sent Events as they come", async () => {
    const answer = await fetch(`${demo.url}/wa/migrations/m1/events`);
    expect(answer.headers.get("content-type")).toBe("text/event-stream");
    const reader = (answer.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('data: {"n":1}');
    await reader.cancel();
  });

  test("a BFF that does not answer is a problem+json bff_unreachable", async () => {
    const gone = await startDemoServer({
      port: 0,
      distDir: dist,
      config,
      bffUpstream: `http://127.0.0.1:${await freePort()}`,
      sandboxUpstream: null,
    });
    const answer = await fetch(`${gone.url}/wa/migrations`);
    await gone.close();
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(await answer.json()).toMatchObject({ code: "bff_unreachable", retryable: true });
  });

  test.each([
    ["GET", "calls"],
    ["GET", "scenarios"],
    ["POST", "clock"],
    ["POST", "autopilot"],
    ["POST", "phone-numbers/9"],
    ["POST", "phone-numbers/9/messages"],
  ])("the sandbox page may %s %s", async (method, path) => {
    const answer = await fetch(`${demo.url}/sandbox-api/${path}`, {
      method,
      ...(method === "POST" ? { body: "{}" } : {}),
    });
    expect(await answer.json()).toEqual({ url: `/__sandbox/${path}`, method });
  });

  test.each([
    ["GET", "state"],
    ["GET", "partner"],
    ["POST", "signups"],
    ["POST", "reset"],
    ["GET", "phone-numbers/9"],
    ["POST", "phone-numbers/9/register"],
    ["GET", "phone-numbers/9/messages"],
    ["POST", "phone-numbers/..%2Freset"],
  ])("the sandbox page may not %s %s (secrets, or not its business)", async (method, path) => {
    const answer = await fetch(`${demo.url}/sandbox-api/${path}`, { method });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: "not_found" });
  });

  test("GET /demo-api/inbox lists the customer messages the partner's messaging system received", async () => {
    expect(await (await fetch(`${demo.url}/demo-api/inbox`)).json()).toEqual({ data: [] });
    inbox.receive({
      object: "whatsapp_business_account",
      entry: [
        {
          id: "8",
          changes: [
            {
              field: "messages",
              value: {
                metadata: { display_phone_number: "1555", phone_number_id: "9" },
                messages: [
                  {
                    from: "1650",
                    id: "wamid.1",
                    timestamp: "1",
                    type: "text",
                    text: { body: "Hi" },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const answer = await fetch(`${demo.url}/demo-api/inbox`);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.json()).toMatchObject({
      data: [{ id: "wamid.1", phoneNumberId: "9", text: "Hi" }],
    });
  });

  test("without an inbox (against Meta) /demo-api/inbox is a problem+json not_found", async () => {
    const meta = await startDemoServer({
      port: 0,
      distDir: dist,
      config: { ...config, mode: "meta", sandboxApi: null },
      bffUpstream: `http://127.0.0.1:${await freePort()}`,
      sandboxUpstream: null,
    });
    const answer = await fetch(`${meta.url}/demo-api/inbox`);
    await meta.close();
    expect(answer.status).toBe(404);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(await answer.json()).toMatchObject({ code: "not_found" });
  });

  test("the sandbox summary leaves tokens and PINs on the server", async () => {
    const answer = await fetch(`${demo.url}/sandbox-api/summary`);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({
      scenario: "happy",
      phone: { id: "9", twoStepEnabled: true },
      phones: [{ id: "9", twoStepEnabled: true }],
      wabas: [{ id: "8", templates: 1 }],
    });
    for (const secret of ["EAAsecret", "EAAbusiness", "424242"]) expect(text).not.toContain(secret);
  });

  test.each([
    ["/", "text/html; charset=utf-8", "portal"],
    ["/operator/anything", "text/html; charset=utf-8", "portal"],
    ["/assets/app-1.js", "text/javascript; charset=utf-8", "console.log(1)"],
    ["/%2e%2e/%2e%2e/etc/passwd", "text/html; charset=utf-8", "portal"],
  ])("GET %s is %s", async (path, type, content) => {
    const answer = await fetch(`${demo.url}${path}`);
    expect(answer.headers.get("content-type")).toBe(type);
    expect(await answer.text()).toContain(content);
  });
});
