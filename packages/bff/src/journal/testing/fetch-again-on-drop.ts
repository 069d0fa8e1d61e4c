/** Errors of a connection that closed under the request, not answers of the server. */
const DROPS = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "ECONNREFUSED"]);

/**
 * Test and bench support: `fetch`, sent again (up to `attempts` times in all, 250 ms more each
 * wait) when the connection drops under the request. Under load a kept-alive socket races the
 * server's keep-alive timeout (Node closes idle sockets after 5 s; a client whose event loop lags
 * still picks such a socket), so one request in thousands fails with "other side closed" or
 * ECONNRESET before the server read it. A POST is only sent again with an `idempotency-key`
 * header: the replay then answers with the same resource, as for a partner's client.
 *
 * @example
 * const response = await fetchAgainOnDrop(`${bff.url}/migrations`, {
 *   method: "POST",
 *   headers: { "content-type": "application/json", "idempotency-key": `soak-${phone}` },
 *   body,
 * });
 */
export async function fetchAgainOnDrop(
  url: string,
  init: RequestInit = {},
  { attempts = 4, onDrop }: { attempts?: number; onDrop?: (code: string) => void } = {},
): Promise<Response> {
  const method = (init.method ?? "GET").toUpperCase();
  const keyed = new Headers(init.headers).has("idempotency-key");
  if (method !== "GET" && method !== "HEAD" && !keyed)
    throw new Error(`fetchAgainOnDrop: a ${method} is sent again only with an idempotency-key`);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? "";
      if (attempt >= attempts || !DROPS.has(code)) throw error;
      onDrop?.(code);
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}
