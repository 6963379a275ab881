-- Idempotent submissions (docs/adr/0006-idempotent-submissions.md; RELIABILITY.md §4.4 C3/C4).
-- Every form carries a random `_submission` token issued when it was shown (API clients send an
-- Idempotency-Key header). The first POST with a token records it here, in the same transaction
-- as the write it made, with the result it answered; a repeat (double click, retry after a lost
-- response) finds the row and gets the same answer, writing nothing new. Tokens are scoped to
-- their user, so nobody can collide with, or replay, someone else's.
create table form_submission (
  user_id uuid not null references app_user (id) on delete cascade,
  token text not null check (token ~ '^[A-Za-z0-9_-]{16,128}$'),
  -- the audit-style name of what the submission did, e.g. admin.user.created
  purpose text not null check (purpose ~ '^[a-z0-9-]+(\.[a-z0-9-]+)+$'),
  -- SHA-256 of the submitted content (secrets left out): one token may not carry two contents
  request_hash text not null check (request_hash ~ '^[0-9a-f]{64}$'),
  -- what the first request answered: its result, and for a form the page it redirected to
  result jsonb,
  result_location text check (result_location is null or result_location ~ '^/'),
  created_at timestamptz not null default now(),
  primary key (user_id, token)
);
create index form_submission_created_idx on form_submission (created_at);
