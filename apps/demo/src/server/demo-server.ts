import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream";
import {
  ERROR_CATALOG,
  type MigrationErrorCode,
  PROBLEM_JSON,
  PROBLEM_TYPE_BASE,
} from "@wa-migrate/contracts";
import type { DemoConfig } from "../web/demo-config.js";
import type { CustomerInbox } from "./customer-inbox.js";
import { proxyRequest } from "./proxy-request.js";
import { sandboxSummary } from "./sandbox-summary.js";

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions {
  /** Port on 127.0.0.1 (0 picks a free one). */
  port: number;
  /** The built portal (`apps/demo/dist`). */
  distDir: string;
  /** What the page reads from `/demo-config.json`. */
  config: DemoConfig;
  /** The BFF's own URL; `config.bffUrl` (e.g. `/wa`) is proxied to it, as a partner mounts it. */
  bffUpstream: string;
  /** The sandbox's URL when running against it: `config.sandboxApi` is proxied to its control API. */
  sandboxUpstream: string | null;
  /** Against the sandbox, the demo partner's inbox, listed at `GET /demo-api/inbox`. */
  inbox?: CustomerInbox | null;
}

/** A running demo server. */
export interface DemoServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ico": "image/x-icon",
};

// The control routes the sandbox page may use. The rest (`state` with tokens and PINs, `signups`,
// `partner` with the app secret) stay server-side: secrets never reach a browser, fake or not.
const SANDBOX_ROUTES = new Set([
  "GET /scenarios",
  "GET /operations",
  "GET /calls",
  "POST /scenario",
  "POST /autopilot",
  "POST /faults",
  "POST /clock",
]);

// `POST /phone-numbers/{id}`: two-step verification on or off for one number (answers no PIN);
// `POST /phone-numbers/{id}/messages`: a customer texts the number (answers where Meta sent it).
const isPhoneNumberControl = (method: string, rest: string) =>
  method === "POST" && /^\/phone-numbers\/\d+(\/messages)?$/.test(rest);

function problem(res: ServerResponse, status: number, code: MigrationErrorCode, detail: string) {
  const { message, remedy, retryable } = ERROR_CATALOG[code];
  res.writeHead(status, { "content-type": PROBLEM_JSON });
  res.end(
    JSON.stringify({
      type: `${PROBLEM_TYPE_BASE}${code}`,
      title: message,
      status,
      code,
      detail,
      remedy,
      retryable,
    }),
  );
}

async function serveStatic(distDir: string, pathname: string, res: ServerResponse) {
  const root = normalize(distDir);
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(root + sep))
    return problem(res, 404, "not_found", "Not found.");
  let info = await stat(file).catch(() => null);
  // The portal is one page: unknown paths get index.html (its pages live in the hash).
  if (!info?.isFile()) {
    file = join(root, "index.html");
    info = await stat(file).catch(() => null);
    if (!info)
      return problem(res, 503, "internal_error", "The portal is not built: run `npm run demo`.");
  }
  const hashed = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  });
  // pipeline, not pipe: a client that goes away (or a read error) destroys both streams, so no
  // file descriptor stays open.
  pipeline(createReadStream(file), res, () => {});
}

/**
 * The partner's web server in the demo: serves the built portal and `/demo-config.json`, mounts
 * the BFF at `config.bffUrl` (a streaming reverse proxy, so SSE passes through) as a partner's
 * server would mount `createMigrationBff()`, and, against the sandbox, exposes a safe subset of
 * its control API plus a secret-free summary of its state at `config.sandboxApi`, and the demo
 * partner's inbox of customer messages at `GET /demo-api/inbox`.
 *
 * @example
 * const server = await startDemoServer({ port: 4030, distDir, config, bffUpstream: "http://127.0.0.1:4020", sandboxUpstream: null });
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const { config, bffUpstream, sandboxUpstream, distDir } = options;
  const bffPrefix = config.bffUrl.replace(/\/+$/, "");
  const sandboxPrefix = config.sandboxApi?.replace(/\/+$/, "") ?? null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://demo.local");
    const path = url.pathname;
    const method = req.method ?? "GET";
    if (path === "/demo-config.json") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return res.end(JSON.stringify(config));
    }
    if (path === "/demo-api/inbox") {
      if (!options.inbox)
        return problem(res, 404, "not_found", "The demo keeps an inbox only against the sandbox.");
      if (method !== "GET")
        return problem(res, 405, "validation_failed", `${method} is not served here.`);
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      return res.end(JSON.stringify({ data: options.inbox.list() }));
    }
    if (path === bffPrefix || path.startsWith(`${bffPrefix}/`)) {
      const rest = path.slice(bffPrefix.length) || "/";
      return proxyRequest(req, res, `${bffUpstream}${rest}${url.search}`, httpRequest);
    }
    if (sandboxPrefix && sandboxUpstream && path.startsWith(`${sandboxPrefix}/`)) {
      const rest = path.slice(sandboxPrefix.length);
      if (method === "GET" && rest === "/summary") {
        const summary = await sandboxSummary(sandboxUpstream).catch(() => null);
        if (!summary) return problem(res, 503, "graph_unavailable", "The sandbox does not answer.");
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        return res.end(JSON.stringify(summary));
      }
      if (!SANDBOX_ROUTES.has(`${method} ${rest}`) && !isPhoneNumberControl(method, rest))
        return problem(res, 404, "not_found", `The sandbox page has no route ${method} ${rest}.`);
      return proxyRequest(
        req,
        res,
        `${sandboxUpstream}/__sandbox${rest}${url.search}`,
        httpRequest,
      );
    }
    if (method !== "GET" && method !== "HEAD")
      return problem(res, 405, "validation_failed", `${method} is not served here.`);
    return serveStatic(distDir, path, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) problem(res, 500, "internal_error", "The demo server failed.");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
