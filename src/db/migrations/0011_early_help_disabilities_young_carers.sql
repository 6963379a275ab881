-- Targeted early help (seed 004 §7; domain-spec §1.1 EH-02, §4.2 T3, T6, T7, T12): an early help
-- referral from the MASH (table early_help_referral, 0008) is allocated to an early help worker, who
-- completes a Signs of Safety wellbeing assessment, agrees a plan with the family's consent, reviews
-- it, and closes the early help (needs met, step up to social care through the MASH, step down to
-- universal services, consent withdrawn). Rules and timescales: src/domain/early-help/.

-- A step up to social care arrives in the MASH queue as a contact recorded by the early help worker.
alter table contact drop constraint contact_channel_check;
alter table contact add constraint contact_channel_check check (channel in ('online_form', 'phone', 'email', 'in_person', 'letter', 'early_help_step_up'));

create table early_help_episode (
  id uuid primary key default gen_random_uuid(),
  -- One episode per referral: the queue is the referrals without one.
  early_help_referral_id uuid not null unique references early_help_referral (id),
  child_id uuid not null references person (id),
  team_id uuid not null references team (id),
  worker_user_id uuid not null references app_user (id),
  allocated_by_user_id uuid not null references app_user (id),
  allocated_at timestamptz not null,
  started_on date not null,
  -- EH-02: the wellbeing assessment is due 45 working days from the referral (CFG).
  assessment_due_on date not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_on date,
  closure_outcome text check (closure_outcome in ('needs_met', 'step_up', 'step_down_universal', 'consent_withdrawn')),
  closure_summary text check (length(closure_summary) between 1 and 5000),
  closed_by_user_id uuid references app_user (id),
  closed_at timestamptz,
  step_up_contact_id uuid references contact (id),
  version integer not null default 1,
  check ((status = 'closed') = (closed_on is not null)),
  check ((status = 'closed') = (closure_outcome is not null)),
  check ((status = 'closed') = (closure_summary is not null and closed_by_user_id is not null and closed_at is not null)),
  check ((closure_outcome = 'step_up') = (step_up_contact_id is not null))
);
-- A child has at most one open early help episode.
create unique index early_help_episode_open_idx on early_help_episode (child_id) where status = 'open';
create index early_help_episode_worker_idx on early_help_episode (worker_user_id) where status = 'open';

-- The Signs of Safety wellbeing assessment (seed 004 §7), completed once per episode. Drafts live in
-- the draft table until it is completed.
create table wellbeing_assessment (
  id uuid primary key default gen_random_uuid(),
  episode_id uuid not null unique references early_help_episode (id),
  child_id uuid not null references person (id),
  worries text not null check (length(worries) between 1 and 10000),
  working_well text not null check (length(working_well) between 1 and 10000),
  needs_to_happen text not null check (length(needs_to_happen) between 1 and 10000),
  scaling smallint not null check (scaling between 0 and 10),
  childs_voice text not null check (length(childs_voice) between 1 and 10000),
  completed_on date not null,
  due_on date not null,
  within_timescale boolean not null,
  completed_by_user_id uuid not null references app_user (id),
  completed_at timestamptz not null
);

-- The early help plan, agreed with the family's consent (who consented and when).
create table early_help_plan (
  id uuid primary key default gen_random_uuid(),
  episode_id uuid not null unique references early_help_episode (id),
  child_id uuid not null references person (id),
  consent_given_by text not null check (length(consent_given_by) between 1 and 200),
  consent_given_on date not null,
  outcomes text not null check (length(outcomes) between 1 and 10000),
  agreed_on date not null check (agreed_on >= consent_given_on),
  first_review_due_on date not null check (first_review_due_on > agreed_on),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);

create table early_help_plan_action (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references early_help_plan (id),
  position smallint not null check (position between 1 and 20),
  action text not null check (length(action) between 1 and 2000),
  owner text not null check (length(owner) between 1 and 200),
  due_on date not null,
  unique (plan_id, position)
);

-- Reviews of the plan, every 3 months (EH-02 review, CFG).
create table early_help_review (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references early_help_plan (id),
  child_id uuid not null references person (id),
  reviewed_on date not null,
  due_on date not null,
  within_timescale boolean not null,
  scaling smallint not null check (scaling between 0 and 10),
  progress text not null check (length(progress) between 1 and 10000),
  next_review_due_on date not null check (next_review_due_on > reviewed_on),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index early_help_review_plan_idx on early_help_review (plan_id, reviewed_on);
