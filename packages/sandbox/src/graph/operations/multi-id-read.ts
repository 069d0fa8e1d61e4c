import { MAX_IDS_PER_READ } from "@wa-migrate/contracts";
import { GraphError, unsupportedRequest } from "../graph-error.js";
import type { Operation, OperationContext } from "../operation.js";
import { str } from "../params.js";
import { chargeUsage } from "../usage-headers.js";

/**
 * `GET /?ids=a,b&fields=...`, Graph's multiple-id read: each id answered as `GET /{id}` would
 * answer it, in one object keyed by id. Graph answers the read whole or not at all: an id that does
 * not exist is `(#803) Some of the aliases you requested do not exist`, an id the token may not
 * read fails it with that node's own error. Each id is charged to its node's rate-limit bucket
 * (the sandbox's choice: Meta documents the per-call counting of batches, not of `ids`).
 * `nodeRead` is the `GET /{id}` operation of a node id (the router's table).
 *
 * @example
 * const op = multiIdRead((ctx, id) => NODE_OPS[ctx.sandbox.state.kindOf(id)]?.GET);
 */
export function multiIdRead(
  nodeRead: (ctx: OperationContext, id: string) => Operation | undefined,
): Operation {
  return {
    name: "getNodesByIds",
    async run(ctx) {
      const ids = [
        ...new Set(
          (str(ctx.params, "ids") ?? "")
            .split(",")
            .map((id) => id.trim())
            .filter((id) => id !== ""),
        ),
      ];
      if (ids.length > MAX_IDS_PER_READ) {
        throw new GraphError({
          code: 100,
          type: "OAuthException",
          message: `(#100) Too many IDs. Maximum: ${MAX_IDS_PER_READ}.`,
        });
      }
      const missing = ids.filter((id) => !ctx.sandbox.state.kindOf(id));
      if (missing.length > 0) {
        throw new GraphError({
          code: 803,
          type: "OAuthException",
          message: `(#803) Some of the aliases you requested do not exist: ${missing.join(",")}`,
        });
      }
      const body: Record<string, unknown> = {};
      for (const id of ids) {
        const read = nodeRead(ctx, id);
        if (!read) throw unsupportedRequest("GET", id);
        const one = { ...ctx, nodeId: id };
        const usage = chargeUsage(ctx.sandbox, read, one);
        if (usage.error) throw usage.error;
        body[id] = (await read.run(one)).body;
      }
      return { body };
    },
  };
}
