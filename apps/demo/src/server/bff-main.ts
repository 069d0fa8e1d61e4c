// The BFF as its own process in the demo: `@wa-migrate/bff`'s runnable server, configured by the
// environment the demo stack hands it (META_*, GRAPH_BASE_URL, WA_MIGRATE_DATA_DIR, PORT, ...).
// Run with `node --import tsx`; it leaves when its parent does (the IPC channel closes).
import { startServer } from "@wa-migrate/bff";

try {
  const server = await startServer(process.env);
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void server.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  process.once("disconnect", stop);
  process.send?.({ type: "ready", url: server.url });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
