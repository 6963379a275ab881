-- Append-only, hash-chained audit log. Every write and every view of a child's record adds one row
-- in the same transaction as the thing it records (RELIABILITY.md section 4.12).
create table audit_event (
  seq bigint primary key,
  occurred_at timestamptz not null,
  actor_user_id uuid,
  actor_label text not null,
  action text not null check (action ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$'),
  outcome text not null check (outcome in ('success', 'refused')),
  subject_type text,
  subject_id text,
  child_id uuid,
  request_id text,
  ip text,
  changes jsonb,
  prev_hash text not null,
  hash text not null
);
create index audit_event_child_idx on audit_event (child_id, occurred_at) where child_id is not null;
create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at);

-- One row: the head of the chain. Appends lock it, so on PostgreSQL concurrent writers serialise.
create table audit_chain_head (
  id integer primary key check (id = 1),
  seq bigint not null,
  hash text not null
);
insert into audit_chain_head (id, seq, hash) values (1, 0, repeat('0', 64));

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op using errcode = '42501';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_append_only();
revoke update, delete, truncate on audit_event from public;
