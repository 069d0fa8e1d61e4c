import { type Migration, MigrationSchema } from "@wa-migrate/contracts";
import { signPayload } from "@wa-migrate/sandbox";
import { describe, expect, test, vi } from "vitest";
import { createMemoryStore } from "../store/memory-store.js";
import type { MigrationStore } from "../store/migration-store.js";
import { StoreError } from "../store/store-error.js";
import { bffWithSandbox } from "../test-support/bff-with-sandbox.js";

interface SseFrame {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

/** Reads SSE frames until `stop` says so, then closes the stream. */
async function readFrames(
  response: Response,
  stop: (frames: SseFrame[]) => boolean,
): Promise<SseFrame[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const frames: SseFrame[] = [];
  let buffer = "";
  while (!stop(frames)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end !== -1) {
      const frame: SseFrame = {};
      for (const line of buffer.slice(0, end).split("\n")) {
        if (line.startsWith(":")) frame.comment = line.slice(1).trim();
        else {
          const [key, ...rest] = line.split(":");
          const value = rest.join(":").replace(/^ /, "");
          if (key === "event" || key === "id" || key === "data") frame[key] = value;
        }
      }
      frames.push(frame);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
    }
  }
  await reader.cancel();
  return frames;
}

const migrationOf = (f: SseFrame): Migration => MigrationSchema.parse(JSON.parse(f.data ?? "null"));

describe("GET /migrations/:id/events", () => {
  test("sends a snapshot, then one event per change up to completion, without secrets", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    const response = await h.bff.request(`/migrations/${m.id}/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    // Proxies and compression middleware must pass each event on at once.
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const frames = await readFrames(response, (fs) =>
      fs.some((f) => f.data && migrationOf(f).status === "completed"),
    );
    const events = frames.filter((f) => f.event === "migration");
    expect(events.length).toBeGreaterThan(2);
    const versions = events.map((f) => Number(f.id));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
    expect(migrationOf(events.at(-1) as SseFrame).billingCutoverAt).not.toBeNull();
    const text = JSON.stringify(frames);
    expect(text).not.toContain(h.partner.system_token);
    expect(text).not.toContain(signup.code);
    await h.bff.idle();
  });

  test("honours Last-Event-ID: no snapshot when nothing changed, the next change still comes", async () => {
    const h = await bffWithSandbox("happy", { sse: { heartbeatMs: 20, pollMs: 10 } });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const current = await h.store.getMigration(m.id);
    const response = await h.bff.request(`/migrations/${m.id}/events`, {
      headers: { "last-event-id": String(current?.version) },
    });
    const reading = readFrames(response, (fs) => fs.some((f) => f.event === "migration"));
    // A webhook changes the report: that change is the first event the client gets.
    const item = current?.templates.items.find((i) => i.outcome === "copied");
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [
        {
          id: signup.waba_id,
          time: 2,
          changes: [
            {
              field: "message_template_quality_update",
              value: {
                new_quality_score: "GREEN",
                message_template_id: 1,
                message_template_name: item?.name,
                message_template_language: item?.language,
              },
            },
          ],
        },
      ],
    });
    await h.bff.request("/webhooks", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signPayload(body, h.partner.app_secret),
      },
      body,
    });
    const frames = await reading;
    const events = frames.filter((f) => f.event === "migration");
    expect(events).toHaveLength(1);
    expect(Number(events[0]?.id)).toBe((current?.version ?? 0) + 1);
  });

  test("sends heartbeats while nothing changes", async () => {
    const h = await bffWithSandbox("happy", { sse: { heartbeatMs: 5, pollMs: 5 } });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const frames = await readFrames(await h.bff.request(`/migrations/${m.id}/events`), (fs) =>
      fs.some((f) => f.comment === "heartbeat"),
    );
    expect(frames[0]?.event).toBe("migration");
    expect(frames.some((f) => f.comment === "heartbeat")).toBe(true);
  });

  test("a Last-Event-ID above the journal's version (a restored journal) gets the snapshot, not silence", async () => {
    const h = await bffWithSandbox("happy", { sse: { heartbeatMs: 5, pollMs: 5 } });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const current = await h.store.getMigration(m.id);
    const response = await h.bff.request(`/migrations/${m.id}/events`, {
      headers: { "last-event-id": String((current?.version ?? 0) + 50) },
    });
    const frames = await readFrames(response, (fs) => fs.some((f) => f.comment === "heartbeat"));
    expect(frames[0]?.event).toBe("migration");
    expect(Number(frames[0]?.id)).toBe(current?.version);
  });

  test("a journal failure while streaming ends the stream and goes to the log with the request id, not to the console", async () => {
    const store = createMemoryStore();
    let journalDown = false;
    const flaky: MigrationStore = {
      ...store,
      getMigration: (id) =>
        journalDown
          ? Promise.reject(new StoreError("unavailable", "connection to the journal lost"))
          : store.getMigration(id),
    };
    const h = await bffWithSandbox("happy", { store: flaky, sse: { heartbeatMs: 5, pollMs: 5 } });
    const signup = await h.signup();
    const m = MigrationSchema.parse(
      await (await h.post("/migrations", { code: signup.code })).json(),
    );
    await h.bff.idle();
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await h.bff.request(`/migrations/${m.id}/events`, {
        headers: { "x-request-id": "req-sse-1" },
      });
      journalDown = true;
      const frames = await readFrames(response, () => false); // until the server ends it
      expect(frames[0]?.event).toBe("migration");
      const line = h.logs.find((l) => l.includes("events stream failed"));
      expect(JSON.parse(line ?? "{}")).toMatchObject({
        level: "error",
        requestId: "req-sse-1",
        migrationId: m.id,
      });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });
});
