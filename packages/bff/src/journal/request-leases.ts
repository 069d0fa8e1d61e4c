import type { LeaseRequest } from "../store/migration-store.js";
import type { SqlExecutor } from "./sql-client.js";

const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/**
 * Takes or renews the request lease `name` in one statement. Two instances claiming at once both
 * reach the row's unique key: PostgreSQL lets one insert (or update), the other waits for that
 * statement to commit and then re-checks the `WHERE` against the new row, which no longer lets it in.
 *
 * @example
 * if (await claimLease(db, "templates:mig_1", { owner: "bff_a:1", leaseMs: 60_000, now })) copy();
 */
export async function claimLease(
  db: SqlExecutor,
  name: string,
  lease: LeaseRequest,
): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO wa_request_leases AS l (name, owner, expires_at) VALUES ($1, $2, $4::timestamptz)
     ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
      WHERE l.owner = EXCLUDED.owner OR l.expires_at <= $3::timestamptz
     RETURNING name`,
    [name, lease.owner, lease.now, addMs(lease.now, lease.leaseMs)],
  );
  return rows.length > 0;
}

/**
 * Ends the lease `name` if `owner` holds it; a lease another instance took over stays theirs.
 *
 * @example
 * await releaseLease(db, "templates:mig_1", "bff_a:1");
 */
export async function releaseLease(db: SqlExecutor, name: string, owner: string): Promise<void> {
  await db.query("DELETE FROM wa_request_leases WHERE name = $1 AND owner = $2", [name, owner]);
}
