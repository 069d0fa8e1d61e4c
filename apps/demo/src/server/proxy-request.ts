import type { request as httpRequest, IncomingMessage, ServerResponse } from "node:http";
import { ERROR_CATALOG, PROBLEM_JSON, PROBLEM_TYPE_BASE } from "@wa-migrate/contracts";

// Hop-by-hop headers are the connection's own, never forwarded (RFC 9110 §7.6.1).
const HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
]);

/**
 * Streams one request to `target` and the answer back (bodies are piped, so Server-Sent Events
 * flow through as they come). No answer from upstream becomes a problem+json 502
 * `bff_unreachable`; a browser that goes away ends the upstream request too.
 *
 * @example
 * proxyRequest(req, res, "http://127.0.0.1:4020/migrations", http.request);
 */
export function proxyRequest(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
  send: typeof httpRequest,
): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP.has(name)) headers[name] = value;
  }
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP.has(name)) out[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    res.flushHeaders();
    // An upstream that dies mid-answer (a killed BFF under an open SSE stream) must drop the
    // browser's connection too, or the browser would wait forever instead of reconnecting.
    answer.on("error", () => res.destroy());
    answer.on("close", () => {
      if (!answer.complete) res.destroy();
    });
    answer.pipe(res);
  });
  upstream.on("error", () => {
    if (res.headersSent) return void res.destroy();
    const { message, remedy, retryable } = ERROR_CATALOG.bff_unreachable;
    res.writeHead(502, { "content-type": PROBLEM_JSON });
    res.end(
      JSON.stringify({
        type: `${PROBLEM_TYPE_BASE}bff_unreachable`,
        title: message,
        status: 502,
        code: "bff_unreachable",
        detail: `No answer from ${new URL(target).origin}.`,
        remedy,
        retryable,
      }),
    );
  });
  res.on("close", () => upstream.destroy());
  req.pipe(upstream);
}
