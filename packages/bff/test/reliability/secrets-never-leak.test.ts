import { ERROR_CATALOG } from "@wa-migrate/contracts";
import { SCENARIO_NAMES } from "@wa-migrate/sandbox";
import { describe, expect, test } from "vitest";
import { bffWithSandbox, TEST_KEY } from "../../src/test-support/bff-with-sandbox.js";
import { reportFigure } from "./report-figure.js";

// Secrets (issue 9): every sandbox scenario runs through the BFF while this test keeps every
// response (status line, headers, body), every SSE event, every webhook answer and every log
// line; none may contain a business token, a PIN, the app secret or the system token. The real
// values come from the sandbox's own state (it is a test double and shows them) and from the
// register requests the BFF sent (the PIN the server chose).

/** Every secret value Meta's side knows of, plus the PINs the BFF sent to `register`. */
async function secretsOf(h: Awaited<ReturnType<typeof bffWithSandbox>>) {
  const state = (await (await h.graph.request("/__sandbox/state")).json()) as {
    tokens: { value: string }[];
  };
  const pins = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (/pin$/i.test(key) && typeof value === "string" && /^\d{6}$/.test(value)) pins.add(value);
    if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(state, "");
  for (const sent of h.sent) walk(sent.body, "");
  return {
    strings: [
      ...state.tokens.map((t) => t.value),
      h.partner.app_secret,
      h.partner.system_token,
      TEST_KEY.slice(TEST_KEY.indexOf(":") + 1),
    ],
    pins: [...pins],
    state: JSON.stringify(state),
  };
}

/** The secrets found in `text` (a PIN counts only as a whole 6-digit run, not inside an id). */
function leaksIn(text: string, secrets: { strings: string[]; pins: string[] }): string[] {
  return [
    ...secrets.strings.filter((s) => text.includes(s)),
    ...secrets.pins.filter((pin) => {
      for (let at = text.indexOf(pin); at >= 0; at = text.indexOf(pin, at + 1)) {
        if (!/\d/.test(text[at - 1] ?? "") && !/\d/.test(text[at + pin.length] ?? "")) return true;
      }
      return false;
    }),
  ];
}

async function record(seen: string[], what: string, response: Response): Promise<Response> {
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  seen.push(`${what} ${response.status}\n${headers}\n${await response.clone().text()}`);
  return response;
}

describe("secrets never reach a response, an SSE event or a log line", () => {
  test.each(SCENARIO_NAMES)("%s", async (scenario) => {
    const seen: string[] = [];
    const webhookAnswers: string[] = [];
    // Meta's signed webhooks go to the BFF here, so its answers are kept too.
    const h: Awaited<ReturnType<typeof bffWithSandbox>> = await bffWithSandbox(
      scenario,
      {},
      {
        webhookFetch: async (request) => {
          const answer = await h.bff.request("/webhooks", {
            method: "POST",
            headers: request.headers,
            body: await request.arrayBuffer(),
          });
          webhookAnswers.push(await answer.clone().text());
          return answer;
        },
      },
    );
    const signup = await h.signup({ force: true });
    const body = {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
      businessId: signup.business_id,
    };
    const created = await record(seen, "create", await h.post("/migrations", body));
    expect([201, 400, 401, 403, 409, 422, 429, 502, 503]).toContain(created.status);

    let sse = Promise.resolve("");
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let id = "mig_none";
    if (created.status === 201) {
      id = ((await created.json()) as { id: string }).id;
      const events = await h.bff.request(`/migrations/${id}/events`);
      expect(events.status).toBe(200);
      reader = events.body?.getReader();
      const r = reader;
      sse = (async () => {
        let text = "";
        const decoder = new TextDecoder();
        for (;;) {
          const chunk = await r?.read();
          if (!chunk || chunk.done) return text;
          text += decoder.decode(chunk.value, { stream: true });
        }
      })();
    }
    await h.bff.idle();
    // Meta's later work (automatic template copy, quality window) and its webhooks.
    await h.graph.sandbox.advance(26 * 3600_000);
    await h.graph.sandbox.settle();
    await h.bff.idle();

    await record(seen, "read", await h.bff.request(`/migrations/${id}`));
    await record(seen, "list", await h.bff.request("/migrations"));
    await record(seen, "retry", await h.bff.request(`/migrations/${id}/retry`, { method: "POST" }));
    await h.bff.idle();
    await record(seen, "templates", await h.post(`/migrations/${id}/templates`, {}));
    await record(seen, "replayed code", await h.post("/migrations", body));
    await record(
      seen,
      "signup event",
      await h.post("/signup-events", { event: "ERROR", errorMessage: "boom", errorId: "1" }),
    );
    await record(seen, "signup events", await h.bff.request("/signup-events"));
    await record(seen, "webhook events", await h.bff.request("/webhook-events"));
    await record(seen, "health", await h.bff.request("/health"));
    await record(seen, "doctor", await h.bff.request("/doctor"));
    await h.bff.idle();
    await reader?.cancel();
    const sseText = await sse;
    if (created.status === 201) expect(sseText).toContain("event: migration");

    const secrets = await secretsOf(h);
    // The detector works: the sandbox's state holds the business token, and finds it.
    expect(secrets.strings.length).toBeGreaterThanOrEqual(3);
    expect(leaksIn(secrets.state, secrets).length).toBeGreaterThan(0);
    expect(h.logs.length).toBeGreaterThan(0);

    const texts = { responses: seen, sse: [sseText], logs: h.logs, webhookAnswers };
    reportFigure("secrets", {
      scenario,
      responses: seen.length,
      sseBytes: sseText.length,
      logLines: h.logs.length,
      webhookAnswers: webhookAnswers.length,
      secretsChecked: secrets.strings.length + secrets.pins.length,
    });
    for (const [where, list] of Object.entries(texts)) {
      for (const text of list)
        expect(leaksIn(text, secrets), `${where}: ${text.slice(0, 300)}`).toEqual([]);
    }
  });
});

describe("security refusals", () => {
  test("a forged webhook signature is 401 invalid_signature and stores nothing", async () => {
    const h = await bffWithSandbox("happy");
    const body = JSON.stringify({
      object: "whatsapp_business_account",
      entry: [{ id: "1", changes: [{ field: "account_update", value: { event: "X" } }] }],
    });
    for (const signature of [
      "",
      "sha256=",
      `sha256=${"0".repeat(64)}`,
      "sha1=abc",
      `sha256=${"A".repeat(64)}`,
    ]) {
      const response = await h.bff.request("/webhooks", {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature-256": signature },
        body,
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe("invalid_signature");
    }
    expect(await h.store.listWebhookEvents({ limit: 10 })).toEqual([]);
  });

  test("a replayed code is refused with code_used and a sentence saying what to do", async () => {
    const h = await bffWithSandbox("happy");
    const signup = await h.signup();
    const body = {
      code: signup.code,
      wabaId: signup.waba_id,
      phoneNumberId: signup.phone_number_id,
    };
    expect((await h.post("/migrations", body)).status).toBe(201);
    await h.bff.idle();
    const replay = await h.post("/migrations", body);
    expect(replay.status).toBe(ERROR_CATALOG.code_used.status);
    const problem = (await replay.json()) as { code: string; remedy: string; title: string };
    expect(problem.code).toBe("code_used");
    expect(problem.remedy).toBe(ERROR_CATALOG.code_used.remedy);
    expect((await h.store.listMigrations({ limit: 10 })).items).toHaveLength(1);
  });

  test("another tenant's migration is a 404 on every route", async () => {
    const h = await bffWithSandbox("happy", {
      authorize: (c) => c.req.header("x-tenant") ?? null,
    });
    const signup = await h.signup();
    const created = await h.post(
      "/migrations",
      { code: signup.code, wabaId: signup.waba_id, phoneNumberId: signup.phone_number_id },
      { "x-tenant": "acme" },
    );
    const { id } = (await created.json()) as { id: string };
    await h.bff.idle();
    const asGlobex = { "x-tenant": "globex" };
    const answers = [
      await h.bff.request(`/migrations/${id}`, { headers: asGlobex }),
      await h.bff.request(`/migrations/${id}/events`, { headers: asGlobex }),
      await h.bff.request(`/migrations/${id}/retry`, { method: "POST", headers: asGlobex }),
      await h.post(`/migrations/${id}/templates`, {}, asGlobex),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(((await answer.json()) as { code: string }).code).toBe("not_found");
    }
    const list = (await (await h.bff.request("/migrations", { headers: asGlobex })).json()) as {
      data: unknown[];
    };
    expect(list.data).toEqual([]);
    expect(
      (await h.bff.request(`/migrations/${id}`, { headers: { "x-tenant": "acme" } })).status,
    ).toBe(200);
  });

  test.each([
    ["/migrations", 64 * 1024 + 1],
    ["/signup-events", 64 * 1024 + 1],
    ["/migrations/mig_x/templates", 64 * 1024 + 1],
    // Meta's webhook payloads reach 3 MB (Webhooks overview), so the webhook limit is 3 MiB.
    ["/webhooks", 3 * 1024 * 1024 + 1],
  ])("an oversized body on POST %s is 413 payload_too_large", async (path, size) => {
    const h = await bffWithSandbox("happy");
    const body = JSON.stringify({ code: "x".repeat(size) });
    const response = await h.bff.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe("payload_too_large");
    expect((await h.store.listMigrations({ limit: 10 })).items).toEqual([]);
  });
});
