/** One Server-Sent Event as the stream carried it. */
export interface ServerEvent {
  event: string;
  data: string;
  id: string | null;
}

/**
 * Reads a `text/event-stream` body and calls `onEvent` per dispatched event (the subset of the
 * HTML spec the BFF uses: `event`, `data` over several lines, `id`; comments are heartbeats).
 * `onBytes` hears every chunk (heartbeats too). Resolves when the server ends the stream; aborting
 * the request errors the body, which rejects.
 *
 * @example
 * await readServerEvents(response.body, (e) => console.log(e.event, JSON.parse(e.data)));
 */
export async function readServerEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerEvent) => void,
  onBytes?: () => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "message";
  let data: string[] = [];
  let id: string | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onBytes?.();
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (line === "") {
        if (data.length) onEvent({ event, data: data.join("\n"), id });
        event = "message";
        data = [];
        continue;
      }
      // A comment (a heartbeat) starts with ":": its empty field name is ignored like any unknown one.
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else if (field === "id") id = value;
    }
  }
}
