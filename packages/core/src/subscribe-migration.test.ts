import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createBffClient } from "./bff-client.js";
import { buildMigration } from "./testing/index.js";

let requests: Array<{ url: string; lastEventId: string | null }>;
let replies: Array<(signal?: AbortSignal | null) => Response>;

const fakeFetch: typeof fetch = async (input, init) => {
  requests.push({
    url: String(input),
    lastEventId: new Headers(init?.headers).get("last-event-id"),
  });
  const reply = replies.shift();
  if (!reply) throw new TypeError("no more replies");
  return reply(init?.signal);
};

/** A stream that stays open; the test writes to it. Aborting the request errors it, as in fetch. */
function openStream() {
  const encoder = new TextEncoder();
  let write: (text: string) => void = () => {};
  const response = (signal?: AbortSignal | null) => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        write = (text) => controller.enqueue(encoder.encode(text));
        signal?.addEventListener("abort", () => controller.error(signal.reason));
      },
    });
    return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
  };
  return { response, write: (text: string) => write(text) };
}

const event = (id: string, updatedAt: string) =>
  `id: ${id}\nevent: migration\ndata: ${JSON.stringify(buildMigration({ updatedAt }))}\n\n`;

// Through the client, as the flow uses it: the stream, then `GET /migrations/:id` when polling.
function subscribe(seen: string[], errors: string[] = []) {
  return createBffClient({ baseUrl: "/wa", fetch: fakeFetch }).subscribe(
    "mig_1",
    (m) => seen.push(m.updatedAt),
    (e) => errors.push(e.code),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  requests = [];
  replies = [];
});
afterEach(() => vi.useRealTimers());

test("heartbeats keep a quiet stream open; 30 s without a byte reopen it where it was", async () => {
  const first = openStream();
  const second = openStream();
  replies.push(first.response, second.response);
  const seen: string[] = [];
  const stop = subscribe(seen);
  first.write(event("4", "v4"));
  for (let i = 0; i < 4; i++) {
    await vi.advanceTimersByTimeAsync(15_000);
    first.write(": heartbeat\n\n");
  }
  expect(requests).toHaveLength(1);
  // The connection dies without a word: no heartbeat any more.
  await vi.advanceTimersByTimeAsync(30_000);
  await vi.advanceTimersByTimeAsync(1000);
  expect(requests).toEqual([
    { url: "/wa/migrations/mig_1/events", lastEventId: null },
    { url: "/wa/migrations/mig_1/events", lastEventId: "4" },
  ]);
  second.write(event("5", "v5"));
  await vi.advanceTimersByTimeAsync(0);
  expect(seen).toEqual(["v4", "v5"]);
  stop();
});

test("a refused stream is followed by a plain read when that still works, and a final refusal ends it", async () => {
  // A proxy in front of the BFF refuses streams; plain reads pass.
  const refused = () => new Response("<html>Forbidden</html>", { status: 403 });
  const record = (updatedAt: string, status: "running" | "completed") => () =>
    new Response(JSON.stringify(buildMigration({ updatedAt, status })));
  replies.push(refused, record("p1", "running"), record("p2", "completed"));
  const seen: string[] = [];
  subscribe(seen);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(seen).toEqual(["p1", "p2"]);

  requests = [];
  replies.push(refused, () => new Response(null, { status: 401 }));
  const errors: string[] = [];
  subscribe([], errors);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(errors).toEqual(["unauthorized"]);
  expect(requests.map((r) => r.url)).toEqual([
    "/wa/migrations/mig_1/events",
    "/wa/migrations/mig_1",
  ]);
});

test("polling backs off while the BFF is down or throttling, and keeps its pace once it answers", async () => {
  // A proxy refuses streams, so the client polls; then the BFF throttles for a while.
  const refused = () => new Response("<html>Forbidden</html>", { status: 403 });
  const throttled = () =>
    new Response(JSON.stringify({ code: "rate_limited", retryable: true }), {
      status: 429,
      headers: { "content-type": "application/problem+json" },
    });
  const running = () => new Response(JSON.stringify(buildMigration({ status: "running" })));
  replies.push(refused, ...Array.from({ length: 8 }, () => throttled), running, running, running);
  const errors: string[] = [];
  const stop = subscribe([], errors);
  // Polls at 0, then after 4, 8, 16, 30, 30, 30 and 30 s: 8 throttled polls in 148 s, not 74.
  await vi.advanceTimersByTimeAsync(147_000);
  expect(errors).toHaveLength(7);
  await vi.advanceTimersByTimeAsync(1000);
  expect(errors).toHaveLength(8);
  // It answers again: the next poll is 30 s on, and from then the pace is 2 s again.
  await vi.advanceTimersByTimeAsync(30_000);
  const polls = requests.length;
  await vi.advanceTimersByTimeAsync(2000);
  expect(requests.length).toBe(polls + 1);
  expect(errors).toHaveLength(8);
  stop();
});
