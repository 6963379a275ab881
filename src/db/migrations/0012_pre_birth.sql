-- Pre-birth (seed 004 §14; domain-spec §1.18): the facts of an unborn child's case that the timeline
-- is worked out from, what has happened on it, and the birth that converts the unborn record into the
-- child's. The milestone dates themselves are never stored: they are computed from the expected date
-- of delivery (person.expected_date_of_delivery, kept after birth) by src/domain/pre-birth/timeline.ts,
-- so a changed EDD moves every open milestone.

-- One per unborn child (or child whose record began unborn): the dates the rules depend on and the
-- family group conference referral the page prompts for after the assessment (PB-04).
create table pre_birth_plan (
  child_id uuid primary key references person (id),
  pregnancy_confirmed_on date,
  previous_proceedings_ended_on date,
  fgc_outcome text check (fgc_outcome in ('referred', 'declined')),
  fgc_decided_on date,
  fgc_declined_reason text check (length(fgc_declined_reason) between 1 and 2000),
  version integer not null default 1,
  updated_by_user_id uuid not null references app_user (id),
  updated_at timestamptz not null,
  check ((fgc_outcome is null) = (fgc_decided_on is null)),
  check ((fgc_outcome = 'declined') = (fgc_declined_reason is not null) or (fgc_outcome is null and fgc_declined_reason is null))
);

-- What happened on each milestone: done on a date, or not required with the reason ("if required").
create table pre_birth_milestone (
  child_id uuid not null references person (id),
  milestone text not null check (milestone in (
    'referral', 'visit', 'assessment', 'strategy', 'cin_review', 'icpc_lpm', 'initial_ppm', 'support', 'review_ppm',
    'final_ppm', 'prepare_issue', 'issue_application', 'post_birth_review')),
  outcome text not null check (outcome in ('done', 'not_required')),
  happened_on date,
  reason text check (length(reason) between 1 and 2000),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  primary key (child_id, milestone),
  check ((outcome = 'done') = (happened_on is not null)),
  check ((outcome = 'not_required') = (reason is not null))
);

-- The birth of a child whose record began unborn (same person id: every record follows). The person
-- row carries the date of birth, sex and names; this keeps what only the birth has: the time, whether
-- the mother was medically fit to attend a meeting in the first 10 days (CP-06: 10 or 20 days), the
-- EDD at birth, and who recorded it.
create table birth_record (
  child_id uuid primary key references person (id),
  born_on date not null,
  time_of_birth text not null check (time_of_birth ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  mother_medically_fit boolean not null,
  expected_date_of_delivery date not null,
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  updated_at timestamptz not null
);
