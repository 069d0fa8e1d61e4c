import type { SchemaMigration } from "../schema-migrations.js";

// Version 1: every table of the journal. Column types stay inside what PostgreSQL 13 offers
// (the server our partners are most likely to run), which PGlite also accepts.
const sql = `
CREATE TABLE wa_migrations (
  id                 text PRIMARY KEY,
  tenant             text NOT NULL,
  status             text NOT NULL CHECK (status IN ('running', 'action_required', 'failed', 'completed')),
  business_id        text,
  waba_id            text,
  phone_number_id    text,
  source_waba_id     text,
  phone              jsonb,
  templates          jsonb NOT NULL,
  warnings           jsonb NOT NULL DEFAULT '[]',
  billing_cutover_at timestamptz,
  context            jsonb NOT NULL DEFAULT '{}',
  version            integer NOT NULL DEFAULT 1,
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL
);
CREATE INDEX wa_migrations_tenant_created ON wa_migrations (tenant, created_at DESC, id DESC);
CREATE INDEX wa_migrations_status_created ON wa_migrations (status, created_at DESC, id DESC);
CREATE INDEX wa_migrations_waba ON wa_migrations (waba_id, created_at DESC);
CREATE INDEX wa_migrations_source_waba ON wa_migrations (source_waba_id, created_at DESC);

CREATE TABLE wa_migration_steps (
  migration_id     text NOT NULL REFERENCES wa_migrations (id) ON DELETE CASCADE,
  step_id          text NOT NULL,
  position         smallint NOT NULL,
  status           text NOT NULL
                   CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'action_required', 'skipped')),
  attempts         integer NOT NULL DEFAULT 0,
  started_at       timestamptz,
  finished_at      timestamptz,
  last_error       jsonb,
  lease_owner      text,
  lease_expires_at timestamptz,
  PRIMARY KEY (migration_id, step_id)
);

CREATE TABLE wa_secrets (
  migration_id text NOT NULL REFERENCES wa_migrations (id) ON DELETE CASCADE,
  name         text NOT NULL,
  key_id       text NOT NULL,
  ciphertext   text NOT NULL,
  stored_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (migration_id, name)
);

CREATE TABLE wa_idempotency_keys (
  tenant       text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  -- Deferred: the key is inserted first, so a concurrent POST with the same key waits on it.
  migration_id text NOT NULL REFERENCES wa_migrations (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant, key)
);

CREATE TABLE wa_signup_events (
  id            text PRIMARY KEY,
  tenant        text NOT NULL,
  event         text NOT NULL,
  current_step  text,
  error_message text,
  error_id      text,
  session_id    text,
  migration_id  text,
  received_at   timestamptz NOT NULL
);
CREATE INDEX wa_signup_events_tenant_received ON wa_signup_events (tenant, received_at DESC, id DESC);

CREATE TABLE wa_webhook_events (
  id           text PRIMARY KEY,
  dedupe_key   text NOT NULL UNIQUE,
  field        text NOT NULL,
  waba_id      text NOT NULL,
  migration_id text,
  value        jsonb NOT NULL,
  received_at  timestamptz NOT NULL
);
CREATE INDEX wa_webhook_events_received ON wa_webhook_events (received_at DESC, id DESC);
CREATE INDEX wa_webhook_events_waba ON wa_webhook_events (waba_id, received_at DESC, id DESC);
`;

/** The first version of the journal's schema. */
export const initialSchema: SchemaMigration = { version: 1, name: "initial", sql };
