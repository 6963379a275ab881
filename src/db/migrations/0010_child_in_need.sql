-- Child in need (issue "Assessment, early help and child in need"): the child in need episode (DfE
-- CIN census: start, closure date and reason RC1-RC8, domain-spec §3.6), its plan, the plan's
-- versions (draft -> finalised -> superseded by the next version agreed at a review) and its reviews.
-- Rules are in src/domain/child-in-need/ (timescales CIN-01, CIN-02, CIN-04; plan quality).

create table cin_episode (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  started_on date not null,
  -- The assessment whose outcome opened the episode. The assessment table is created by the
  -- assessment module; its foreign key is added when both are merged.
  assessment_id uuid,
  closed_on date,
  closure_reason text check (closure_reason in ('RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8')),
  closed_by_user_id uuid references app_user (id),
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  check (closed_on is null or closed_on >= started_on),
  check ((closed_on is null) = (closure_reason is null)),
  check ((closed_on is null) = (closed_at is null))
);
create unique index cin_episode_one_open_per_child on cin_episode (child_id) where closed_on is null;

create table cin_plan (
  id uuid primary key default gen_random_uuid(),
  episode_id uuid not null references cin_episode (id),
  child_id uuid not null references person (id),
  assessment_id uuid,
  team_id uuid not null references team (id),
  worker_user_id uuid references app_user (id),
  -- draft: never yet agreed (CIN-01 running); active: agreed, reviews due (CIN-02, CIN-04); ended.
  status text not null default 'draft' check (status in ('draft', 'active', 'ended')),
  opened_on date not null,
  agreed_on date,
  last_reviewed_on date,
  last_progress_review_on date,
  ended_on date,
  created_by_user_id uuid references app_user (id),
  created_at timestamptz not null default now(),
  version integer not null default 1 check (version >= 1),
  check ((status = 'draft') = (agreed_on is null) or status = 'ended'),
  check ((status = 'ended') = (ended_on is not null)),
  check (agreed_on is null or agreed_on >= opened_on),
  check (ended_on is null or ended_on >= opened_on)
);
create unique index cin_plan_one_open_per_child on cin_plan (child_id) where status <> 'ended';
create index cin_plan_episode_idx on cin_plan (episode_id);

create table cin_review (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cin_plan (id),
  held_on date not null,
  attendance text not null check (length(attendance) between 1 and 2000),
  child_views text not null check (length(child_views) between 1 and 5000),
  progress text not null check (length(progress) between 1 and 10000),
  -- The 10-month updated assessment of progress (seed 004 §8; CIN-04) was considered at this review.
  progress_assessment boolean not null default false,
  decision text not null check (decision in ('continue', 'step_up', 'step_down', 'close')),
  plan_updated boolean not null default false,
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index cin_review_plan_idx on cin_review (plan_id, held_on);

create table cin_plan_version (
  id uuid primary key default gen_random_uuid(),
  plan_id uuid not null references cin_plan (id),
  number integer not null check (number >= 1),
  status text not null default 'draft' check (status in ('draft', 'finalised', 'superseded')),
  -- [{ outcome, measure }] and [{ action, owner, dueOn }]: src/domain/child-in-need/plan.ts
  outcomes jsonb not null default '[]' check (jsonb_typeof(outcomes) = 'array' and jsonb_array_length(outcomes) <= 10),
  actions jsonb not null default '[]' check (jsonb_typeof(actions) = 'array' and jsonb_array_length(actions) <= 20),
  contingency text not null default '' check (length(contingency) <= 5000),
  child_views text not null default '' check (length(child_views) <= 5000),
  -- Quality flags recorded when the version was finalised (src/domain/child-in-need/plan-quality.ts).
  quality_flags text[],
  -- The review that started this version, if any.
  review_id uuid references cin_review (id),
  finalised_on date,
  finalised_at timestamptz,
  finalised_by_user_id uuid references app_user (id),
  updated_at timestamptz not null,
  unique (plan_id, number),
  -- Seed 001 (Ofsted ILACS 2024, improvement point 1): no plan is agreed without a contingency.
  check (status = 'draft' or (length(btrim(contingency)) > 0 and finalised_on is not null and finalised_at is not null and quality_flags is not null))
);
create unique index cin_plan_version_one_draft on cin_plan_version (plan_id) where status = 'draft';
create unique index cin_plan_version_one_finalised on cin_plan_version (plan_id) where status = 'finalised';
