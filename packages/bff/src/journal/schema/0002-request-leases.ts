import type { SchemaMigration } from "../schema-migrations.js";

// Version 2: leases that serialise requests across instances (decision 034). A row exists while a
// request holds its name; a crashed instance's row is taken over once `expires_at` has passed, so
// no row has to be cleaned up for the kit to go on.
const sql = `
CREATE TABLE wa_request_leases (
  name       text PRIMARY KEY,
  owner      text NOT NULL,
  expires_at timestamptz NOT NULL
);
`;

/** The request leases table (`POST /migrations` per Idempotency-Key, manual template copies). */
export const requestLeasesSchema: SchemaMigration = { version: 2, name: "request_leases", sql };
