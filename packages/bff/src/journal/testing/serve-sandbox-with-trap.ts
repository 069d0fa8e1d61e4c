import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { FakeGraph } from "@wa-migrate/sandbox";

/** A sandbox on loopback whose answers can be held back: the crash tests' trap door. */
export interface TrappedSandbox {
  url: string;
  /**
   * Arms the trap: the next POST whose path ends with one of `pathSuffixes` is carried out by the
   * sandbox (its side effect happens and is in the call log), then `spring` runs with the suffix
   * that matched (the test kills the BFF there) before the answer is sent. Fires once, then disarms.
   * With `freezeWrites`, every later POST to one of the suffixes is never carried out until the
   * next `arm` or `disarm`: the writes of other migrations that the dying BFF sends while it is
   * being killed do not slip through untrapped.
   */
  arm(
    pathSuffixes: string | readonly string[],
    spring: (matched: string) => Promise<void>,
    options?: { freezeWrites?: boolean },
  ): void;
  disarm(): void;
  /**
   * Holds every POST whose path ends with `pathSuffix` before the sandbox sees it, until
   * `release()` (benches park migrations mid-way with it). `waiting()` counts the held requests.
   */
  hold(pathSuffix: string): { waiting(): number; release(): void };
  close(): Promise<void>;
}

/**
 * Serves `graph` on 127.0.0.1 (free port) with a trap between "Meta did it" and "the BFF heard
 * it": exactly the window in which a crash must not lead to doing it twice.
 *
 * @example
 * const sandbox = await serveSandboxWithTrap(createFakeGraph({ control: true }));
 * sandbox.arm("/register", async () => { child.kill("SIGKILL"); });
 */
export async function serveSandboxWithTrap(graph: FakeGraph): Promise<TrappedSandbox> {
  let trap: {
    suffixes: readonly string[];
    spring: (matched: string) => Promise<void>;
    freezeWrites: boolean;
  } | null = null;
  // The suffixes whose POSTs are refused untouched after a trap with freezeWrites fired.
  let frozen: readonly string[] = [];
  let held: { suffix: string; waiting: number; open: Promise<void> } | null = null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        hostname: "127.0.0.1",
        port: 0,
        fetch: async (request) => {
          const path = new URL(request.url).pathname;
          const gate = held;
          if (gate && request.method === "POST" && path.endsWith(gate.suffix)) {
            gate.waiting += 1;
            await gate.open;
          }
          if (request.method === "POST" && frozen.some((suffix) => path.endsWith(suffix)))
            return new Response(null, { status: 503 });
          // The first armed POST to arrive is the one carried out and sprung; with freezeWrites,
          // the ones arriving after it (other migrations' writes of the dying BFF) never are.
          const armed = trap;
          const matched =
            request.method === "POST"
              ? armed?.suffixes.find((suffix) => path.endsWith(suffix))
              : undefined;
          if (armed && matched) {
            trap = null;
            if (armed.freezeWrites) frozen = armed.suffixes;
          }
          const response = await graph.fetch(request);
          if (armed && matched) await armed.spring(matched);
          return response;
        },
      },
      () => resolve(s),
    );
    s.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arm(suffixes, spring, options = {}) {
      frozen = [];
      trap = {
        suffixes: typeof suffixes === "string" ? [suffixes] : suffixes,
        spring,
        freezeWrites: options.freezeWrites ?? false,
      };
    },
    disarm() {
      trap = null;
      frozen = [];
    },
    hold(suffix) {
      let release = () => {};
      const gate = {
        suffix,
        waiting: 0,
        open: new Promise<void>((resolve) => (release = resolve)),
      };
      held = gate;
      return {
        waiting: () => gate.waiting,
        release() {
          held = null;
          release();
        },
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
