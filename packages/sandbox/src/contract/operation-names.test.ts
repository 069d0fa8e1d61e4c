import { findSharedDir, loadOpenApi, SHARED_MISSING } from "@wa-migrate/contracts/test-support";
import { beforeAll, describe, expect, test } from "vitest";
import { GraphError } from "../graph/graph-error.js";
import { routeGraph } from "../graph/route-graph.js";
import type { SandboxState } from "../state/sandbox-state.js";
import { startSandbox } from "../test-support/sandbox-harness.js";

// The call log and the fault API name an operation by Meta's OpenAPI operationId where Meta has
// one (README "Operations"), so a partner reads the same name in Meta's docs and in our log.
const shared = findSharedDir();
const describeMeta = shared ? describe : describe.skip;
if (!shared) console.warn(`skipped: ${SHARED_MISSING}`);

type Kind = NonNullable<ReturnType<SandboxState["kindOf"]>>;

// Meta's path parameter names for the node types the sandbox serves.
const PARAM_KIND: Record<string, Kind> = {
  "{Business-ID}": "business",
  "{WABA-ID}": "waba",
  "{WhatsApp-Business-Account-ID}": "waba",
  "{Phone-Number-ID}": "phone",
  "{TEMPLATE_ID}": "template",
};

type MetaOperation = [operationId: string, method: string, kind: Kind, edge: string | undefined];

/** Every `/{Version}/{node}[/{edge}]` operation of Meta's OpenAPI on a node type we serve. */
function metaOperations(): MetaOperation[] {
  const paths = loadOpenApi().paths as Record<string, Record<string, { operationId?: string }>>;
  return Object.entries(paths).flatMap(([path, item]) => {
    const [, version, node, edge, ...rest] = path.split("/");
    const kind = PARAM_KIND[node ?? ""];
    if (version !== "{Version}" || !kind || rest.length > 0) return [];
    return Object.entries(item)
      .filter(([, op]) => op?.operationId)
      .map(
        ([method, op]): MetaOperation => [
          op.operationId as string,
          method.toUpperCase(),
          kind,
          edge,
        ],
      );
  });
}

describeMeta("operation names are Meta's operationIds", () => {
  let state: SandboxState;
  const ids = {} as Record<Kind, string>;

  beforeAll(async () => {
    const h = await startSandbox("happy");
    state = h.graph.sandbox.state;
    const signup = await h.signup();
    ids.business = signup.business_id;
    ids.waba = signup.waba_id;
    ids.phone = signup.phone_number_id as string;
    ids.template = [...state.templates.keys()][0] as string;
  });

  test("each operation the sandbox serves on a Meta path carries Meta's operationId", () => {
    const served = metaOperations().flatMap(([operationId, method, kind, edge]) => {
      try {
        const segments = edge === undefined ? [ids[kind]] : [ids[kind], edge];
        return [[operationId, routeGraph(state, method, segments).operation.name]];
      } catch (e) {
        // Not served by the sandbox (Graph's unknown-edge or unsupported-method answer).
        if (e instanceof GraphError) return [];
        throw e;
      }
    });
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter(([meta, ours]) => meta !== ours)).toEqual([]);
  });
});
