-- The front door (issue 5): contacts and the multi-agency referral form (MARF), MASH screening
-- (consent to checks, partner agency checks, levels of need, threshold discussions), the MASH decision
-- within one working day, and the records each outcome starts: a social care referral (allocated to a
-- team, then to a worker) or an early help referral. Rules are in src/domain/front-door/.

create table contact (
  id uuid primary key default gen_random_uuid(),
  -- Human-friendly, unique: src/domain/shared/identifiers/reference-number.ts
  reference text not null unique check (reference ~ '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
  channel text not null check (channel in ('online_form', 'phone', 'email', 'in_person', 'letter')),
  status text not null default 'received' check (status in ('received', 'screening', 'decided')),
  received_at timestamptz not null,
  -- Europe/London date of receipt (a contact at 23:59 is received that day) and MASH-01's due date.
  received_on date not null,
  decision_due_on date not null check (decision_due_on > received_on),
  -- DfE CIN census ReferralSource (src/domain/shared/codes/dfe/referral-source.ts)
  referral_source text not null check (referral_source in (
    '1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10')),
  referrer_name text check (length(referrer_name) between 1 and 200),
  referrer_role text check (length(referrer_role) between 1 and 200),
  referrer_organisation text check (length(referrer_organisation) between 1 and 200),
  referrer_email text check (length(referrer_email) between 3 and 320),
  referrer_phone text check (length(referrer_phone) between 1 and 30),
  address_line1 text check (length(address_line1) between 1 and 200),
  town text check (length(town) between 1 and 100),
  postcode text check (length(postcode) between 1 and 10),
  worries text not null check (length(worries) between 1 and 10000),
  child_views text check (length(child_views) between 1 and 5000),
  what_tried text check (length(what_tried) between 1 and 5000),
  early_help_assessment_done boolean not null default false,
  family_consent text not null check (family_consent in ('yes', 'no', 'not_asked')),
  family_consent_reason text check (length(family_consent_reason) between 1 and 2000),
  immediate_risk boolean not null,
  immediate_risk_details text check (length(immediate_risk_details) between 1 and 2000),
  -- null for the public form (audited as 'public referrer')
  recorded_by_user_id uuid references app_user (id),
  -- The public form's idempotency key: one contact per `_submission` token, whatever the retries.
  submission_token text unique check (submission_token ~ '^[A-Za-z0-9_-]{16,128}$'),
  submission_hash text check (submission_hash ~ '^[0-9a-f]{64}$'),
  -- Screening: consent to multi-agency checks (seed 004 §5; domain-spec BR-02, MASH-04)
  consent_to_checks text check (consent_to_checks in ('given', 'refused', 'not_sought')),
  checks_without_consent boolean,
  consent_override_reason text check (consent_override_reason in ('clear_risk_to_child', 'public_interest')),
  consent_rationale text check (length(consent_rationale) between 1 and 2000),
  consent_recorded_by_user_id uuid references app_user (id),
  consent_recorded_at timestamptz,
  -- Screening: levels of need (seed 004 §3)
  need_level smallint check (need_level between 1 and 4),
  need_indicators text[] not null default '{}',
  need_rationale text check (length(need_rationale) between 1 and 5000),
  need_recorded_by_user_id uuid references app_user (id),
  need_recorded_at timestamptz,
  -- The decision (MASH-01: within one working day of receipt)
  outcome text check (outcome in ('nfa', 'universal_signpost', 'targeted_early_help', 'social_care_assessment', 'strategy_discussion')),
  decision_rationale text check (length(decision_rationale) between 1 and 5000),
  decided_by_user_id uuid references app_user (id),
  decided_at timestamptz,
  decided_on date,
  decision_working_days integer check (decision_working_days >= 0),
  decided_within_timescale boolean,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  check (family_consent = 'yes' or family_consent_reason is not null),
  check (not immediate_risk or immediate_risk_details is not null),
  check ((submission_token is null) = (submission_hash is null)),
  check (consent_to_checks is null or checks_without_consent is not null),
  check (consent_to_checks is distinct from 'given' or (not checks_without_consent and consent_override_reason is null)),
  check (not coalesce(checks_without_consent, false) or (consent_override_reason is not null and consent_rationale is not null)),
  check ((need_level is null) = (need_rationale is null)),
  check ((status = 'decided') = (outcome is not null)),
  check (outcome is null or (decided_at is not null and decided_on is not null and decided_by_user_id is not null and decision_rationale is not null))
);
create index contact_open_idx on contact (received_at) where status <> 'decided';
create index contact_received_on_idx on contact (received_on);
create index contact_decided_on_idx on contact (decided_on) where decided_on is not null;

-- The children and adults a contact names, in the order given, and the person record each is linked to.
create table contact_person (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references contact (id),
  position smallint not null check (position between 1 and 20),
  role text not null check (role in ('child', 'adult')),
  given_name text not null check (length(given_name) between 1 and 100),
  family_name text not null check (length(family_name) between 1 and 100),
  date_of_birth date,
  relationship text check (relationship in ('mother', 'father', 'step_parent', 'carer', 'grandparent', 'other_relative', 'other')),
  person_id uuid references person (id),
  linked_by_user_id uuid references app_user (id),
  linked_at timestamptz,
  unique (contact_id, position),
  check ((role = 'adult') = (relationship is not null)),
  check ((person_id is null) = (linked_at is null))
);
create index contact_person_person_idx on contact_person (person_id) where person_id is not null;

-- An Early Help Assessment attached to a contact (by the referrer after sending the MARF). The file
-- is checked like every document (src/domain/records/document-kind.ts) and kept with the contact.
create table contact_document (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null unique references contact (id),
  filename text not null check (length(filename) between 1 and 255),
  kind text not null,
  size_bytes integer not null check (size_bytes > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea not null,
  uploaded_at timestamptz not null,
  uploaded_by_user_id uuid references app_user (id)
);

-- Requests to each partner agency in the MASH, and their answers.
create table agency_check (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references contact (id),
  agency text not null check (agency in (
    'police', 'health', 'education', 'probation', 'domestic_abuse_service', 'early_help', 'housing', 'adult_social_care')),
  status text not null default 'requested' check (status in ('requested', 'information_shared', 'nothing_known', 'declined')),
  -- Checks made without the family's consent are listed as such (MASH-04).
  without_consent boolean not null,
  requested_by_user_id uuid not null references app_user (id),
  requested_at timestamptz not null,
  details text check (length(details) between 1 and 5000),
  answered_by_user_id uuid references app_user (id),
  answered_at timestamptz,
  version integer not null default 1,
  unique (contact_id, agency),
  check ((status = 'requested') = (answered_at is null)),
  check (status <> 'information_shared' or details is not null)
);

-- Multi-agency threshold discussions, where the outcome is unclear after screening (seed 004 §5).
create table threshold_discussion (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references contact (id),
  held_on date not null,
  agencies text[] not null check (cardinality(agencies) >= 1 and agencies <@ array[
    'police', 'health', 'education', 'probation', 'domestic_abuse_service', 'early_help', 'housing', 'adult_social_care']::text[]),
  summary text not null check (length(summary) between 1 and 5000),
  agreed_level smallint check (agreed_level between 1 and 4),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index threshold_discussion_contact_idx on threshold_discussion (contact_id);

-- A referral to children's social care, made by a MASH decision (domain-spec §4.2 T4, and T5 where a
-- strategy discussion is needed): the CIN census referral, in its team's queue until a team manager
-- allocates a worker (which writes the allocation).
create table referral (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references contact (id),
  child_id uuid not null references person (id),
  purpose text not null check (purpose in ('assessment', 'strategy_discussion')),
  referral_source text not null check (referral_source in (
    '1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10')),
  referred_on date not null,
  team_id uuid not null references team (id),
  status text not null default 'awaiting_allocation' check (status in ('awaiting_allocation', 'allocated')),
  allocated_worker_user_id uuid references app_user (id),
  allocated_by_user_id uuid references app_user (id),
  allocated_at timestamptz,
  allocation_id uuid references allocation (id),
  created_at timestamptz not null,
  version integer not null default 1,
  unique (contact_id, child_id),
  check ((status = 'allocated') = (allocated_worker_user_id is not null and allocation_id is not null and allocated_at is not null))
);
create index referral_queue_idx on referral (team_id, status, referred_on);
create index referral_child_idx on referral (child_id, referred_on);

-- A referral to targeted early help (domain-spec §4.2 T3), always with the family's consent (seed 004 §7).
create table early_help_referral (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references contact (id),
  child_id uuid not null references person (id),
  referred_on date not null,
  need_level smallint not null check (need_level between 1 and 4),
  family_consent boolean not null check (family_consent),
  status text not null default 'awaiting_allocation' check (status in ('awaiting_allocation')),
  created_at timestamptz not null,
  unique (contact_id, child_id)
);
create index early_help_referral_queue_idx on early_help_referral (status, referred_on);
create index early_help_referral_child_idx on early_help_referral (child_id);

-- Caseload targets a tenant has configured (src/domain/front-door/caseload.ts holds the seed defaults).
create table team_caseload_target (
  team_id uuid primary key references team (id),
  families_per_worker integer not null check (families_per_worker between 1 and 100),
  source text not null check (length(source) between 1 and 300)
);
