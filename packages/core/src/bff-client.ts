import {
  type CreateMigrationRequest,
  type Migration,
  parseMigration,
  type SignupEventRequest,
} from "@wa-migrate/contracts/browser";
import { BffError } from "./bff-error.js";
import { readProblem } from "./read-problem.js";
import { type SubscriptionTiming, subscribeMigration } from "./subscribe-migration.js";

/**
 * What the browser flow needs from the BFF. {@link createBffClient} talks HTTP;
 * `createMemoryBffClient` from `@wa-migrate/core/testing` implements the same interface in memory.
 *
 * @example
 * const client: BffClient = createBffClient({ baseUrl: "/wa" });
 * createMigrationFlow({ appId, configId, client });
 */
export interface BffClient {
  /**
   * `POST /migrations`; the same `idempotencyKey` returns the same migration. `resent`: an earlier
   * request with this key may have reached the server (the page was reloaded while it was on its way).
   */
  createMigration(
    request: CreateMigrationRequest,
    options?: { idempotencyKey?: string; resent?: boolean },
  ): Promise<Migration>;
  /** `GET /migrations/:id`. */
  getMigration(id: string): Promise<Migration>;
  /**
   * Live updates of one migration (SSE, polling fallback); returns the function that stops them.
   * `onError` hears every failure; after one that is not `retryable` no update comes any more.
   */
  subscribe(
    id: string,
    onMigration: (migration: Migration) => void,
    onError?: (error: BffError) => void,
  ): () => void;
  /** `POST /migrations/:id/retry`: re-runs failed or action-required steps. */
  retry(id: string): Promise<Migration>;
  /** `POST /migrations/:id/templates`: copies all eligible templates, or these ids. */
  migrateTemplates(id: string, templateIds?: string[]): Promise<Migration>;
  /** `POST /signup-events`: Embedded Signup cancels, errors and popup trouble, for operators. */
  postSignupEvent(event: SignupEventRequest): Promise<void>;
}

/**
 * Options of {@link createBffClient}.
 *
 * @example
 * const options: BffClientOptions = { baseUrl: "https://portal.example/wa", headers: { authorization: "Bearer ..." } };
 */
export interface BffClientOptions extends SubscriptionTiming {
  /** Where the partner mounted the BFF, e.g. `/wa` or `https://portal.example/wa`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Extra headers on every request (a function is called per request, e.g. for fresh tokens). */
  headers?: HeadersInit | (() => HeadersInit);
  /**
   * How long a create that got no answer or a retryable 5xx is sent again with the same key, in
   * milliseconds (default 20000: most of the code's 30 s life, so a restarting BFF is waited for).
   */
  createRetryMs?: number;
}

/**
 * The BFF's HTTP client. Answers are parsed with the contracts schemas; every failure is a
 * {@link BffError} with the contracts `code` (from problem+json when the server sent one).
 *
 * @example
 * const client = createBffClient({ baseUrl: "/wa", headers: () => ({ authorization: `Bearer ${token()}` }) });
 * const migration = await client.createMigration({ code, wabaId, phoneNumberId });
 * const stop = client.subscribe(migration.id, (m) => console.log(m.status));
 */
export function createBffClient(options: BffClientOptions): BffClient {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? fetch)(input, init);
  const headers = () =>
    new Headers(typeof options.headers === "function" ? options.headers() : options.headers);
  const path = (id: string) => `${base}/migrations/${encodeURIComponent(id)}`;

  // The BFF's API reads with GET and acts with a JSON body: a request with a body is a POST.
  async function send(url: string, body?: object, key?: string) {
    const h = headers();
    h.set("Accept", "application/json");
    if (body) h.set("Content-Type", "application/json");
    if (key) h.set("Idempotency-Key", key);
    let response: Response;
    try {
      response = await doFetch(url, {
        method: body ? "POST" : "GET",
        headers: h,
        body: body && JSON.stringify(body),
      });
    } catch (cause) {
      throw new BffError("bff_unreachable", `No answer from ${url}`, { retryable: true, cause });
    }
    if (!response.ok) throw await readProblem(response);
    return response;
  }

  async function migration(response: Response): Promise<Migration> {
    const body: unknown = await response.json().catch((e: unknown) => e);
    const parsed = parseMigration(body);
    if (parsed) return parsed;
    throw new BffError("internal_error", "The server's answer is not a migration record", {
      status: response.status,
      cause: body,
    });
  }

  const client: BffClient = {
    async createMigration(request, opts = {}) {
      const key = opts.idempotencyKey ?? crypto.randomUUID();
      const until = Date.now() + (options.createRetryMs ?? 20_000);
      for (let attempt = 0; ; attempt++) {
        try {
          return await migration(await send(`${base}/migrations`, request, key));
        } catch (error) {
          // Only what the same key makes safe to repeat: no answer or a retryable 5xx (a BFF
          // restarting), and `code_used` after a request that may have reached the BFF: that
          // request may still be exchanging the code (the key is recorded with the migration only
          // once it is stored), so ask again until the BFF answers from its record.
          if (!(error instanceof BffError)) throw error;
          const { retryable, status, code } = error;
          const again =
            (retryable && (status ?? 500) >= 500) ||
            (code === "code_used" && (attempt > 0 || opts.resent));
          const wait = Math.min(2000, 250 * 2 ** attempt);
          if (!again || Date.now() + wait > until) throw error;
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
      }
    },
    async getMigration(id) {
      return migration(await send(path(id)));
    },
    subscribe(id, onMigration, onError) {
      return subscribeMigration(
        {
          ...options,
          url: `${path(id)}/events`,
          fetch: doFetch,
          headers,
          getMigration: () => client.getMigration(id),
        },
        onMigration,
        onError,
      );
    },
    async retry(id) {
      return migration(await send(`${path(id)}/retry`, {}));
    },
    async migrateTemplates(id, templateIds) {
      return migration(await send(`${path(id)}/templates`, templateIds ? { templateIds } : {}));
    },
    async postSignupEvent(event) {
      await send(`${base}/signup-events`, event);
    },
  };
  return client;
}
