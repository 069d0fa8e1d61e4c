import { GraphErrorEnvelopeSchema, graphUrl } from "@wa-migrate/contracts";
import type * as z from "zod/mini";
import type { Logger } from "../log/logger.js";
import { GraphError } from "./graph-error.js";

/** How the transport reaches Graph and how patient it is. */
export interface GraphTransportOptions {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  baseUrl?: string;
  version?: string;
  /** Per attempt. Default 30 s (Meta's own limit for template migration pages). */
  timeoutMs?: number;
  /** Attempts for transient errors, including the first. Default 4. */
  maxAttempts?: number;
  /** Backoff base and cap (full jitter: random(0, min(cap, base·2^n))). Defaults 250 ms, 8 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Longest wait Meta may ask for before we give up for now (the step is retried later). Default 60 s. */
  maxRegainWaitMs?: number;
  /**
   * Read by the step runner, not by the transport: how long a step keeps retrying while Graph stays
   * transiently unavailable (after these per-call retries) before it ends `graph_unavailable`.
   * Default 15 minutes.
   */
  maxTransientRetryMs?: number;
  /** Step runner backoff base and cap between step attempts (full jitter). Defaults 1 s, 60 s. */
  stepBaseDelayMs?: number;
  stepMaxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  logger?: Logger;
}

/** One Graph request. */
export interface GraphRequest<S extends z.ZodMiniType> {
  method: "GET" | "POST" | "DELETE";
  /** Path after the version, e.g. `123/register`. */
  path: string;
  /** For logs and errors, with placeholders instead of ids: `POST /{phone}/register`. */
  operation: string;
  token?: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  schema: S;
  /**
   * False for calls with side effects that must not be repeated blindly (register): they are retried
   * only when Meta said it throttled the call, never after a timeout, network error or 5xx.
   */
  idempotent?: boolean;
}

/** Sends requests to Graph, parsing every answer with a contracts schema. */
export type GraphTransport = <S extends z.ZodMiniType>(
  request: GraphRequest<S>,
) => Promise<z.infer<S>>;

function regainAccessMs(headers: Headers): number | undefined {
  const raw = headers.get("x-business-use-case-usage");
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage)
      .flat()
      .map((u) => u.estimated_time_to_regain_access ?? 0);
    const max = Math.max(0, ...minutes);
    return max > 0 ? max * 60_000 : undefined;
  } catch {
    return undefined;
  }
}

const THROTTLE_CODES = [4, 17, 32, 613, 80007, 130429];

/**
 * A {@link GraphTransport}: timeouts, retries with exponential backoff and full jitter for transient
 * errors only, honouring `x-business-use-case-usage` `estimated_time_to_regain_access`.
 *
 * @example
 * const send = createGraphTransport({ fetch });
 * const phone = await send({ method: "GET", path: id, operation: "GET /{phone}", token, schema: PhoneNumberSchema });
 */
export function createGraphTransport(options: GraphTransportOptions): GraphTransport {
  const maxAttempts = options.maxAttempts ?? 4;
  const base = options.baseDelayMs ?? 250;
  const cap = options.maxDelayMs ?? 8_000;
  const maxRegain = options.maxRegainWaitMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const target = { baseUrl: options.baseUrl, version: options.version };

  async function once<S extends z.ZodMiniType>(request: GraphRequest<S>): Promise<z.infer<S>> {
    const url = new URL(graphUrl(request.path, target));
    for (const [k, v] of Object.entries(request.query ?? {}))
      if (v !== undefined) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: "application/json" };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await options.fetch(url.toString(), {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (cause) {
      const timeout =
        cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      throw new GraphError(
        timeout ? "timeout" : "network",
        `${request.operation}: ${timeout ? "timed out" : "network error"}`,
        {
          operation: request.operation,
          cause,
        },
      );
    }
    const fbtraceId = response.headers.get("x-fb-trace-id") ?? undefined;
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const envelope = GraphErrorEnvelopeSchema.safeParse(json);
      if (!envelope.success) {
        throw new GraphError("http", `${request.operation}: HTTP ${response.status}`, {
          operation: request.operation,
          status: response.status,
          fbtraceId,
        });
      }
      throw new GraphError("graph", `${request.operation}: ${envelope.data.error.message}`, {
        operation: request.operation,
        status: response.status,
        body: envelope.data.error,
        fbtraceId: envelope.data.error.fbtrace_id ?? fbtraceId,
        regainAccessMs: regainAccessMs(response.headers),
      });
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      throw new GraphError("invalid_response", `${request.operation}: unexpected answer shape`, {
        operation: request.operation,
        status: response.status >= 500 ? response.status : 502,
        fbtraceId,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  return async function send(request) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await once(request);
      } catch (error) {
        if (!(error instanceof GraphError)) throw error;
        const throttled = error.body !== undefined && THROTTLE_CODES.includes(error.body.code);
        const retryable = request.idempotent === false ? throttled : error.transient;
        const regain = error.details.regainAccessMs ?? 0;
        if (!retryable || attempt >= maxAttempts || regain > maxRegain) throw error;
        const delay = Math.max(
          regain,
          Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1))),
        );
        options.logger?.warn("graph retry", {
          operation: request.operation,
          attempt,
          delayMs: delay,
          fbtraceId: error.details.fbtraceId,
          graphCode: error.body?.code,
        });
        await sleep(delay);
      }
    }
  };
}
