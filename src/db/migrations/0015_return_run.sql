-- Statutory returns built in the background: one row per build (CIN census or Ofsted Annex A), with
-- its progress for the page that polls it, the validation failures, and the file once made.
create table return_run (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('cin_census', 'annex_a')),
  census_year integer check (census_year between 2015 and 2099),
  window_from date,
  window_to date,
  status text not null default 'running' check (status in ('running', 'done', 'failed')),
  stage text not null default 'Starting' check (length(stage) between 1 and 200),
  done integer not null default 0 check (done >= 0),
  total integer not null default 0 check (total >= 0),
  requested_by_user_id uuid references app_user (id),
  started_at timestamptz not null,
  finished_at timestamptz,
  children integer check (children >= 0),
  row_counts jsonb,
  failures jsonb not null default '[]',
  output bytea,
  output_filename text check (length(output_filename) between 1 and 200),
  error text check (length(error) between 1 and 2000),
  check ((kind = 'cin_census') = (census_year is not null)),
  check ((kind = 'annex_a') = (window_from is not null and window_to is not null)),
  check (window_from is null or window_from <= window_to),
  check ((status = 'done') = (output is not null and output_filename is not null)),
  check ((status = 'running') = (finished_at is null)),
  check ((status = 'failed') = (error is not null))
);
create index return_run_started_idx on return_run (started_at desc);
