/**
 * Migration 4: the delivery ledger (issue 14). Numbered 4 because migration 3 (the commit as
 * one SQL function) lands from a parallel branch; `migrate` applies whatever is missing, so
 * a database may get 4 before 3 without harm (neither touches the other's objects).
 *
 * One row per delivery. `delivery` is the row exactly as the contract describes it and the
 * only thing read back; the other columns are projections for claiming and filtering, kept
 * in step by every statement that writes `delivery`.
 */
// Returns the Migration shape structurally: importing the type from migrations.ts would make
// a (type-only) import cycle, which the dependency rules refuse.
export function ledgerMigration(s: string): { version: number; name: string; statements: string[] } {
  return {
    version: 4,
    name: 'delivery ledger: one row per delivery, claimed with FOR UPDATE SKIP LOCKED',
    statements: [
      `CREATE TABLE ${s}.deliveries (
        seq bigserial NOT NULL,
        id text COLLATE "C" PRIMARY KEY,
        idempotency_key text COLLATE "C" NOT NULL UNIQUE,
        document_id text COLLATE "C" NOT NULL,
        account_id text COLLATE "C" NOT NULL,
        kind text NOT NULL CHECK (kind IN ('publish', 'remove')),
        state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'unknown', 'dead', 'removed', 'manual')),
        next_attempt_at timestamptz NOT NULL,
        lease_owner text,
        lease_until timestamptz,
        delivery jsonb NOT NULL
      )`,
      // What a claim scans: due rows and rows whose lease ran out, oldest first.
      `CREATE INDEX deliveries_due_idx ON ${s}.deliveries (next_attempt_at, seq) WHERE state IN ('pending', 'unknown')`,
      `CREATE INDEX deliveries_lease_idx ON ${s}.deliveries (lease_until) WHERE state = 'sending'`,
      `CREATE INDEX deliveries_document_idx ON ${s}.deliveries (document_id, seq)`,
      `CREATE INDEX deliveries_state_idx ON ${s}.deliveries (state, seq)`,
    ],
  };
}
