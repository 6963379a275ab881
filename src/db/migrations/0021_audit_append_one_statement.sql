-- The audit append in one statement (docs/adr/0007-audit-append-in-one-statement.md). The chain head
-- keeps the hash it replaced, so one UPDATE ... RETURNING can advance the head (seq + 1, the new
-- hash computed by PostgreSQL's sha256() from the row it locked) and hand the insert of the event
-- both the previous hash and the new one. The column is working space for that statement only: it
-- is written by every append and read only from the same statement's RETURNING; the chain itself
-- (audit_event.prev_hash, audit_event.hash) and its verification are unchanged.
alter table audit_chain_head add column prev_hash text not null default repeat('0', 64);
