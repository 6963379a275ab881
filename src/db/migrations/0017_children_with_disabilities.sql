-- Children with disabilities (seed 004 §13; domain-spec §3.12.2, ASS-05, CIN-05, BR-10): the
-- eligibility decision for the Children with Disabilities (CWD) service, each criterion and
-- exclusion answered with its evidence, recorded by the worker and confirmed by the team manager;
-- short breaks for an eligible child (Breaks for Carers of Disabled Children Regulations 2011) and
-- their reviews; personal budget requests to the resource allocation panel and its decisions.
-- Rules and timescales: src/domain/disabilities/.

-- One row per version of the decision; a new version supersedes the last confirmed one.
create table cwd_eligibility_decision (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  number integer not null check (number between 1 and 1000),
  -- recorded: awaiting the team manager; confirmed; returned: the manager did not confirm it;
  -- superseded: a later version was confirmed.
  status text not null default 'recorded' check (status in ('recorded', 'confirmed', 'returned', 'superseded')),
  outcome text not null check (outcome in ('eligible', 'not_eligible')),
  -- The reason the domain computed, citing the criterion or exclusion it rests on.
  reason text not null check (length(reason) between 1 and 2000),
  deciding_codes text[] not null default '{}',
  summary text not null check (length(summary) between 1 and 10000),
  -- Seed 004 §13: where the criteria are not met, the parents receive advice and information.
  advice_given text check (length(advice_given) between 1 and 5000),
  decided_on date not null,
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  reviewed_by_user_id uuid references app_user (id),
  reviewed_at timestamptz,
  manager_comment text check (length(manager_comment) between 1 and 5000),
  version integer not null default 1,
  unique (child_id, number),
  check ((outcome = 'not_eligible') = (advice_given is not null)),
  check ((status in ('confirmed', 'returned', 'superseded')) = (reviewed_by_user_id is not null and reviewed_at is not null)),
  check (status <> 'returned' or manager_comment is not null)
);
-- At most one version awaiting the manager, and one in force, per child.
create unique index cwd_eligibility_recorded_idx on cwd_eligibility_decision (child_id) where status = 'recorded';
create unique index cwd_eligibility_confirmed_idx on cwd_eligibility_decision (child_id) where status = 'confirmed';

create table cwd_eligibility_answer (
  decision_id uuid not null references cwd_eligibility_decision (id),
  code text not null check (length(code) between 1 and 60),
  kind text not null check (kind in ('criterion', 'exclusion')),
  met boolean not null,
  evidence text check (length(evidence) between 1 and 5000),
  evidence_source text check (evidence_source in ('diagnosis_letter', 'ehcp', 'medical_report', 'specialist_assessment', 'school_report', 'parent_carer_report', 'social_work_assessment', 'other')),
  evidence_date date,
  primary key (decision_id, code),
  check (not met or (evidence is not null and evidence_source is not null and evidence_date is not null))
);

create table cwd_short_break (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  -- The confirmed eligibility decision the provision rests on (BR-10).
  eligibility_decision_id uuid not null references cwd_eligibility_decision (id),
  break_type text not null check (break_type in ('daytime_care', 'overnight_care', 'activities', 'evenings_weekends_holidays')),
  provider text not null check (length(provider) between 1 and 500),
  amount integer not null check (amount between 1 and 8784),
  unit text not null check (unit in ('hours', 'nights')),
  starts_on date not null,
  ends_on date check (ends_on >= starts_on),
  status text not null default 'active' check (status in ('active', 'ended')),
  ended_on date,
  last_reviewed_on date,
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  version integer not null default 1,
  check ((unit = 'nights') = (break_type = 'overnight_care')),
  check ((status = 'ended') = (ended_on is not null))
);
create index cwd_short_break_child_idx on cwd_short_break (child_id);

create table cwd_short_break_review (
  id uuid primary key default gen_random_uuid(),
  short_break_id uuid not null references cwd_short_break (id),
  child_id uuid not null references person (id),
  reviewed_on date not null,
  due_on date not null,
  within_timescale boolean not null,
  outcome text not null check (outcome in ('continue', 'end')),
  notes text not null check (length(notes) between 1 and 10000),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index cwd_short_break_review_idx on cwd_short_break_review (short_break_id, reviewed_on);

create table cwd_budget_request (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  eligibility_decision_id uuid not null references cwd_eligibility_decision (id),
  amount_pence integer not null check (amount_pence between 1 and 100000000),
  purpose text not null check (length(purpose) between 1 and 5000),
  requested_on date not null,
  -- The panel the request goes to; a deferral moves it to the next panel.
  panel_date date not null check (panel_date >= requested_on),
  status text not null default 'submitted' check (status in ('submitted', 'deferred', 'approved', 'approved_with_changes', 'declined')),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  version integer not null default 1
);
create index cwd_budget_request_child_idx on cwd_budget_request (child_id);

create table cwd_panel_decision (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references cwd_budget_request (id),
  child_id uuid not null references person (id),
  panel_date date not null,
  decision text not null check (decision in ('approved', 'approved_with_changes', 'declined', 'deferred')),
  approved_amount_pence integer check (approved_amount_pence between 1 and 100000000),
  reason text check (length(reason) between 1 and 5000),
  next_panel_date date check (next_panel_date > panel_date),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  check ((decision in ('approved', 'approved_with_changes')) = (approved_amount_pence is not null)),
  check (decision not in ('approved_with_changes', 'declined', 'deferred') or reason is not null),
  check ((decision = 'deferred') = (next_panel_date is not null))
);
create index cwd_panel_decision_request_idx on cwd_panel_decision (request_id, panel_date);
