-- Child and family assessments under s17 Children Act 1989 (issue "Assessment, early help and child in
-- need"): started from an allocated referral, written in sections by a qualified social worker, submitted
-- to the team manager, returned with comments or authorised with an outcome; the next step each outcome
-- leaves open; and early help referrals made by stepping an assessment down. Rules are in
-- src/domain/assessments/ (ASS-01: 45 working days from the referral, seed 004 §8, WT2023 ch.3).

create table assessment (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  -- one assessment per referral (domain-spec §1.3 ASS-01 "one per referral")
  referral_id uuid not null unique references referral (id),
  team_id uuid not null references team (id),
  worker_user_id uuid not null references app_user (id),
  -- ASS-01's anchor (the referral date) and due date, copied when the assessment starts
  referred_on date not null,
  due_on date not null check (due_on > referred_on),
  status text not null default 'in_progress' check (status in ('in_progress', 'awaiting_authorisation', 'authorised')),
  -- Seed 004 §8 planning checklist at allocation: the points reflected on
  planning_checklist text[] not null default '{}' check (planning_checklist <@ array[
    'why_referred', 'information_sharing', 'consent_for_checks', 'language_culture', 'access_child_views', 'non_resident_parents',
    'contributing_agencies', 'parental_needs', 'child_first', 'violence_safety_plan', 'unborn_non_resident_children', 'contingency',
    'exploitation', 'family_history']::text[]),
  planning_notes text not null default '' check (length(planning_notes) <= 20000),
  child_development text not null default '' check (length(child_development) <= 20000),
  parenting_capacity text not null default '' check (length(parenting_capacity) <= 20000),
  family_environment text not null default '' check (length(family_environment) <= 20000),
  child_voice text not null default '' check (length(child_voice) <= 20000),
  strengths text not null default '' check (length(strengths) <= 20000),
  worries text not null default '' check (length(worries) <= 20000),
  analysis text not null default '' check (length(analysis) <= 20000),
  letter_to_child text not null default '' check (length(letter_to_child) <= 20000),
  child_seen_on date,
  child_seen_alone_on date,
  check (child_seen_on >= referred_on and child_seen_alone_on >= referred_on),
  not_seen_alone_reason text check (length(not_seen_alone_reason) between 1 and 2000),
  -- DfE CIN census AssessmentFactors (src/domain/shared/codes/dfe/assessment-factors.ts); 18A/19A not used (BR-06)
  factors text[] not null default '{}' check (factors <@ array[
    '1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C', '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C', '7A',
    '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A', '12A', '13A', '14A', '15A', '16A', '17A', '18B', '18C', '19B', '19C',
    '20', '21', '22A', '23A', '24A']::text[]),
  -- BR-05: "21" (no factors identified) stands alone
  check (not ('21' = any (factors)) or cardinality(factors) = 1),
  -- DfE CIN census PrimaryNeedCode (domain-spec §3.3)
  primary_need text check (primary_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9')),
  started_by_user_id uuid not null references app_user (id),
  started_at timestamptz not null,
  updated_at timestamptz not null,
  submitted_by_user_id uuid references app_user (id),
  submitted_at timestamptz,
  outcome text check (outcome in ('nfa', 'step_down_early_help', 'cin_plan', 'accommodation_s20', 'strategy_s47', 'specialist_service')),
  outcome_rationale text check (length(outcome_rationale) between 1 and 5000),
  specialist_service text check (specialist_service in ('CWD', 'SHORT_BREAKS', 'SEND', 'YOUNG_CARERS', 'YJS', 'UASC', 'PRIVATE_FOSTERING', 'FAST_SAIT')),
  family_consent boolean,
  authorised_by_user_id uuid references app_user (id),
  authorised_at timestamptz,
  authorised_on date,
  working_days_taken integer check (working_days_taken >= 0),
  authorised_within_timescale boolean,
  version integer not null default 1,
  -- Submitted means the child was seen and the codes are recorded (seed 004 §8; domain-spec §3.3, §3.4)
  check (status = 'in_progress' or (submitted_at is not null and submitted_by_user_id is not null and child_seen_on is not null
    and (child_seen_alone_on is not null or not_seen_alone_reason is not null) and cardinality(factors) > 0 and primary_need is not null)),
  check ((status = 'authorised') = (outcome is not null and outcome_rationale is not null and authorised_by_user_id is not null
    and authorised_at is not null and authorised_on is not null and working_days_taken is not null and authorised_within_timescale is not null)),
  check ((outcome = 'specialist_service') = (specialist_service is not null)),
  check (outcome is distinct from 'step_down_early_help' or family_consent),
  -- four eyes: the worker does not authorise their own assessment
  check (authorised_by_user_id is null or authorised_by_user_id <> worker_user_id)
);
create index assessment_child_idx on assessment (child_id, referred_on);
create index assessment_open_idx on assessment (status, due_on) where status <> 'authorised';

-- Each time a manager returns an assessment to the worker, with what needs to change.
create table assessment_return (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null references assessment (id),
  returned_by_user_id uuid not null references app_user (id),
  returned_at timestamptz not null,
  comments text not null check (length(comments) between 1 and 5000)
);
create index assessment_return_assessment_idx on assessment_return (assessment_id, returned_at);

-- The next step an authorised assessment's outcome leaves open (a child in need plan, a strategy
-- discussion, accommodation under s20, a specialist service), shown on the child's record and as a
-- due item in My work until someone records it done, so it cannot be lost.
create table assessment_next_step (
  id uuid primary key default gen_random_uuid(),
  assessment_id uuid not null unique references assessment (id),
  child_id uuid not null references person (id),
  kind text not null check (kind in ('cin_plan', 'strategy_discussion', 'accommodation_s20', 'specialist_service')),
  specialist_service text check (specialist_service in ('CWD', 'SHORT_BREAKS', 'SEND', 'YOUNG_CARERS', 'YJS', 'UASC', 'PRIVATE_FOSTERING', 'FAST_SAIT')),
  rule_id text not null check (length(rule_id) between 1 and 20),
  -- the anchor (the day the assessment was authorised) and the due date from the rule
  opened_on date not null,
  due_on date not null check (due_on >= opened_on),
  status text not null default 'open' check (status in ('open', 'done')),
  done_on date check (done_on >= opened_on),
  done_by_user_id uuid references app_user (id),
  done_note text check (length(done_note) between 1 and 2000),
  created_at timestamptz not null,
  version integer not null default 1,
  check ((kind = 'specialist_service') = (specialist_service is not null)),
  check ((status = 'done') = (done_on is not null and done_by_user_id is not null))
);
create index assessment_next_step_open_idx on assessment_next_step (status, due_on) where status = 'open';
create index assessment_next_step_child_idx on assessment_next_step (child_id);

-- A step-down from an assessment to targeted early help (domain-spec §4.2 T12) is an early help
-- referral without a contact: it comes from exactly one of a MASH decision or an assessment.
alter table early_help_referral alter column contact_id drop not null;
alter table early_help_referral add column assessment_id uuid unique references assessment (id);
alter table early_help_referral add constraint early_help_referral_one_origin check ((contact_id is null) <> (assessment_id is null));
