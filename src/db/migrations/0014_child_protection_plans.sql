-- Child protection conferences and plans (issue "Child protection"): the initial conference (ICPC)
-- convened after a strategy discussion started a section 47 enquiry, its invitations, attendance and
-- reports, the chair's decision and category of abuse; the plan (outcomes, actions, contingency),
-- its core group and meetings, statutory visits, review conferences (RCPC) and the plan's end.
-- Rules and timescales are in src/domain/child-protection/. section47_id (spelled so for Kysely's CamelCasePlugin) and strategy_discussion_id
-- refer to tables on another branch: nullable, foreign keys added when the branches are merged.

create table cp_conference (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  kind text not null check (kind in ('initial', 'review')),
  section47_id uuid,
  strategy_discussion_id uuid,
  -- The strategy discussion at which the s47 enquiry started: S47-03's anchor (initial only).
  strategy_held_on date,
  -- Convened from the child's record rather than from an s47 recorded here (e.g. a transfer-in).
  convened_from text not null check (convened_from in ('section_47', 'child_record', 'plan')),
  team_id uuid not null references team (id),
  -- Convened while the child was unborn (CP-08: by week 23 of the pregnancy).
  pre_birth boolean not null default false,
  due_on date not null,
  due_rule_id text not null check (due_rule_id in ('S47-03', 'CP-08', 'CP-03', 'CP-04', 'CP-06', 'CP-07')),
  status text not null default 'to_be_held' check (status in ('to_be_held', 'held')),
  planned_on date,
  held_on date,
  chair_user_id uuid references app_user (id),
  -- initial: plan / no_plan; review: continue / end
  decision text check (decision in ('plan', 'no_plan', 'continue', 'end')),
  category text check (category in ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  end_reason text check (end_reason in ('no_longer_at_risk', 'care_plan', 'moved_area', 'reached_18', 'died')),
  rationale text check (length(rationale) between 1 and 10000),
  summary_for_child text check (length(summary_for_child) between 1 and 10000),
  within_timescale boolean,
  plan_id uuid,
  -- null when another module opened it inside its own use case (the audit event names who).
  convened_by_user_id uuid references app_user (id),
  convened_at timestamptz not null,
  recorded_by_user_id uuid references app_user (id),
  recorded_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (kind = 'review' or strategy_held_on is not null),
  check (kind = 'initial' or plan_id is not null),
  check ((status = 'held') = (decision is not null)),
  check (status = 'to_be_held' or (held_on is not null and chair_user_id is not null and rationale is not null and recorded_at is not null and within_timescale is not null)),
  check (decision is null or (kind = 'initial' and decision in ('plan', 'no_plan')) or (kind = 'review' and decision in ('continue', 'end'))),
  check (decision is distinct from 'plan' or category is not null),
  check (decision is distinct from 'continue' or category is not null),
  check ((decision = 'end') = (end_reason is not null))
);
create index cp_conference_child_idx on cp_conference (child_id, created_at);
create index cp_conference_open_idx on cp_conference (due_on) where status = 'to_be_held';
-- One initial conference waiting at a time for a child; one review waiting at a time for a plan.
create unique index cp_conference_one_open_initial on cp_conference (child_id) where status = 'to_be_held' and kind = 'initial';
create unique index cp_conference_one_open_review on cp_conference (plan_id) where status = 'to_be_held' and kind = 'review';

create table cp_conference_invitation (
  id uuid primary key default gen_random_uuid(),
  conference_id uuid not null references cp_conference (id),
  name text not null check (length(name) between 1 and 200),
  agency text not null check (length(agency) between 1 and 200),
  role text check (length(role) between 1 and 200),
  invited_on date not null,
  attendance text check (attendance in ('attended', 'apologies', 'did_not_attend')),
  report_received boolean not null default false,
  created_at timestamptz not null default now()
);
create index cp_conference_invitation_conference_idx on cp_conference_invitation (conference_id);

create table cp_plan (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  initial_conference_id uuid not null unique references cp_conference (id),
  team_id uuid not null references team (id),
  started_on date not null,
  pre_birth boolean not null default false,
  -- DfE CIN census InitialCategoryOfAbuse / LatestCategoryOfAbuse (domain-spec §3.5)
  initial_category text not null check (initial_category in ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  latest_category text not null check (latest_category in ('NEG', 'PHY', 'EMO', 'SAB', 'MUL')),
  lead_worker_user_id uuid references app_user (id),
  -- 1 for the child's first plan, 2 for a second...: counted from the child's earlier plans.
  plan_number integer not null check (plan_number >= 1),
  contingency_plan text check (length(contingency_plan) between 1 and 10000),
  finalised_at timestamptz,
  finalised_by_user_id uuid references app_user (id),
  -- Seam for CP-06 until the pre-birth module's birth_record.mother_medically_fit is merged in.
  mother_medically_fit boolean,
  status text not null default 'active' check (status in ('active', 'ended')),
  ended_on date,
  end_reason text check (end_reason in ('no_longer_at_risk', 'care_plan', 'moved_area', 'reached_18', 'died')),
  end_conference_id uuid references cp_conference (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check ((status = 'ended') = (ended_on is not null)),
  check ((status = 'ended') = (end_reason is not null)),
  check (ended_on is null or ended_on >= started_on),
  check ((finalised_at is null) = (finalised_by_user_id is null)),
  check (finalised_at is null or contingency_plan is not null)
);
create unique index cp_plan_one_active on cp_plan (child_id) where status = 'active';
create index cp_plan_child_idx on cp_plan (child_id, started_on);
alter table cp_conference add constraint cp_conference_plan_fk foreign key (plan_id) references cp_plan (id);

create table cp_plan_outcome (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cp_plan (id),
  position integer not null check (position >= 1),
  description text not null check (length(description) between 1 and 2000),
  unique (plan_id, position)
);

create table cp_plan_action (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cp_plan (id),
  position integer not null check (position >= 1),
  action text not null check (length(action) between 1 and 2000),
  owner text check (length(owner) between 1 and 200),
  due_on date,
  unique (plan_id, position)
);

create table cp_core_group_member (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cp_plan (id),
  position integer not null check (position >= 1),
  name text not null check (length(name) between 1 and 200),
  agency text not null check (length(agency) between 1 and 200),
  unique (plan_id, position)
);

create table cp_core_group_meeting (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cp_plan (id),
  child_id uuid not null references person (id),
  held_on date not null,
  due_on date not null,
  due_rule_id text not null check (due_rule_id in ('CP-01', 'CP-02')),
  within_timescale boolean not null,
  progress text not null check (length(progress) between 1 and 10000),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index cp_core_group_meeting_plan_idx on cp_core_group_meeting (plan_id, held_on);

create table cp_visit (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cp_plan (id),
  child_id uuid not null references person (id),
  visited_on date not null,
  due_on date not null,
  child_seen boolean not null,
  seen_alone boolean not null,
  not_seen_reason text check (length(not_seen_reason) between 1 and 2000),
  summary text not null check (length(summary) between 1 and 10000),
  within_timescale boolean not null,
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  check (child_seen or not seen_alone),
  check (child_seen or not_seen_reason is not null)
);
create index cp_visit_plan_idx on cp_visit (plan_id, visited_on);
