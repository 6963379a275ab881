-- Child protection, part one: strategy discussions (or meetings) and section 47 enquiries.
-- Seed 004 §9 (Milton Keynes protocol), domain-spec §1.4 (S47-01, S47-02, S47-03), Working Together
-- to Safeguard Children 2023 chapter 3. Rules and timescales are in src/domain/child-protection/.
-- A strategy discussion may be about one child or, for a complex strategy meeting (e.g. exploitation),
-- several: one row for the meeting, one row per child with that child's own decision.

create table strategy_discussion (
  id uuid primary key default gen_random_uuid(),
  -- initial, or a review (further) strategy discussion (seed 004 §9: "initial (or review)")
  kind text not null check (kind in ('initial', 'review')),
  is_group boolean not null default false,
  -- for a group (complex) meeting: what links the children, e.g. criminal exploitation in one area
  group_concern text,
  team_id uuid not null references team (id),
  opened_on date not null,
  urgent boolean not null default false,
  due_on date not null,
  status text not null default 'to_be_held' check (status in ('to_be_held', 'held')),
  held_on date,
  format text check (format in ('discussion', 'meeting')),
  chair_name text,
  mash_checks_considered boolean,
  mash_checks_summary text,
  recorded_by_user_id uuid references app_user (id),
  recorded_at timestamptz,
  created_by_user_id uuid references app_user (id),
  created_at timestamptz not null,
  version integer not null default 1,
  check (due_on >= opened_on),
  check (held_on is null or held_on >= opened_on),
  check ((status = 'held') = (held_on is not null and recorded_at is not null and format is not null and mash_checks_considered is not null)),
  check (is_group or group_concern is null)
);
create index strategy_discussion_open_idx on strategy_discussion (status, due_on);

create table strategy_discussion_child (
  strategy_discussion_id uuid not null references strategy_discussion (id),
  child_id uuid not null references person (id),
  source_kind text not null check (source_kind in ('referral', 'assessment', 'child-record', 'group', 'review')),
  referral_id uuid references referral (id),
  -- the child and family assessment that asked for the discussion; the foreign key is added when the
  -- assessments module's table is merged
  assessment_id uuid,
  decision text check (decision in ('s47_single_agency', 's47_joint', 'no_s47', 'further_strategy')),
  decision_reason text,
  safety_plan text,
  interim_living text check (interim_living in ('at_home', 'relative', 'family_friend', 'foster_carer', 'other')),
  abe_interview_needed boolean,
  paediatric_exam_needed boolean,
  added_by_user_id uuid references app_user (id),
  added_at timestamptz not null,
  primary key (strategy_discussion_id, child_id),
  check ((source_kind = 'referral') = (referral_id is not null)),
  check ((source_kind = 'assessment') = (assessment_id is not null)),
  check (decision is null or decision_reason is not null),
  check (decision not in ('s47_single_agency', 's47_joint')
    or (safety_plan is not null and interim_living is not null and abe_interview_needed is not null and paediatric_exam_needed is not null))
);
create index strategy_discussion_child_idx on strategy_discussion_child (child_id);
create unique index strategy_discussion_child_referral_idx on strategy_discussion_child (referral_id) where referral_id is not null;

-- Who took part, from which agency, and reports from those who could not attend.
create table strategy_discussion_attendee (
  id uuid primary key default gen_random_uuid(),
  strategy_discussion_id uuid not null references strategy_discussion (id),
  position smallint not null,
  agency text not null check (agency in ('childrens_social_care', 'police', 'health', 'education', 'probation', 'youth_justice', 'housing', 'other')),
  name text not null,
  role text not null,
  attended boolean not null,
  report_provided boolean not null default false,
  report_summary text,
  check (attended or report_provided or report_summary is null),
  check (not report_provided or report_summary is not null),
  unique (strategy_discussion_id, position)
);

-- A section 47 enquiry, started by a strategy discussion's decision for one child.
create table section47_enquiry (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  strategy_discussion_id uuid not null,
  -- the last strategy discussion about this enquiry (ICPC is counted from it: seed 004 §9, S47-03)
  last_strategy_discussion_id uuid not null references strategy_discussion (id),
  last_strategy_held_on date not null,
  team_id uuid not null references team (id),
  kind text not null check (kind in ('single_agency', 'joint')),
  started_on date not null,
  anchor_on date not null,
  due_on date not null,
  status text not null default 'in_progress' check (status in ('in_progress', 'completed')),
  child_seen_alone_on date,
  child_not_seen_alone_reason text,
  checks_summary text,
  abe_interview_on date,
  paediatric_exam_on date,
  findings text,
  outcome text check (outcome in ('not_substantiated', 'substantiated_not_continuing', 'substantiated_continuing')),
  outcome_on date,
  icpc_due_on date,
  completed_by_user_id uuid references app_user (id),
  completed_at timestamptz,
  created_at timestamptz not null,
  version integer not null default 1,
  foreign key (strategy_discussion_id, child_id) references strategy_discussion_child (strategy_discussion_id, child_id),
  unique (strategy_discussion_id, child_id),
  check (due_on >= anchor_on),
  check (child_seen_alone_on is null or child_seen_alone_on >= started_on),
  check (outcome_on is null or outcome_on >= started_on),
  check ((status = 'completed') = (outcome is not null and outcome_on is not null and completed_at is not null)),
  check (outcome is null or child_seen_alone_on is not null or child_not_seen_alone_reason is not null),
  check ((coalesce(outcome, '') = 'substantiated_continuing') = (icpc_due_on is not null))
);
create index section47_enquiry_child_idx on section47_enquiry (child_id, started_on);
create index section47_enquiry_open_idx on section47_enquiry (status, due_on);
