import { createAssetReads } from "./asset-reads.js";
import { createGraphTransport, type GraphTransportOptions } from "./graph-transport.js";
import { createMigrationWrites } from "./migration-writes.js";
import { createPartnerCalls } from "./partner-calls.js";

/** Credentials and transport of the {@link GraphClient}. */
export interface GraphClientOptions extends GraphTransportOptions {
  appId: string;
  appSecret: string;
  /** The partner's system user token: credit line calls and debug_token. */
  systemToken: string;
}

/**
 * Every Graph operation the BFF uses, over one transport: the asset reads, the partner's own calls
 * and the writes that move the number (one file each). Each answer is parsed with the contracts
 * schema; failures are `GraphError`s.
 *
 * @example
 * const graph = createGraphClient({ fetch, appId, appSecret, systemToken });
 * const { access_token } = await graph.exchangeCode(code);
 */
export function createGraphClient(options: GraphClientOptions) {
  const send = createGraphTransport(options);
  return {
    ...createAssetReads(send, options),
    ...createPartnerCalls(send, options),
    ...createMigrationWrites(send),
  };
}

/**
 * See {@link createGraphClient}.
 *
 * @example
 * const graph: GraphClient = createGraphClient({ fetch, appId, appSecret, systemToken });
 */
export type GraphClient = ReturnType<typeof createGraphClient>;
