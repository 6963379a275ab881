-- Young carers' needs assessments (issue 6; seed 004 §17; domain-spec §1.3 ASS-06): under s17ZA-17ZC
-- Children Act 1989 the local authority assesses whether a young carer within its area has needs for
-- support, and what they are, on the young carer's or a parent's request or where it appears the child
-- may have such needs. The Young Carers (Needs Assessments) Regulations 2015 say what the assessment
-- must consider. Started from the child's record, written in sections by a social worker (the draft
-- is the row itself, saved with a version), submitted, returned or authorised by the team manager.
-- Rules and timescales: src/domain/young-carers/.

create table young_carer_assessment (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  team_id uuid not null references team (id),
  worker_user_id uuid not null references app_user (id),
  -- Who the child cares for: a person already related to the child on Hearth, or a name and relationship.
  cared_for_person_id uuid references person (id),
  cared_for_name text not null check (length(cared_for_name) between 1 and 200),
  cared_for_relationship text not null check (cared_for_relationship in (
    'parent', 'step_parent', 'sibling', 'grandparent', 'other_relative', 'friend', 'other')),
  -- Seed 004 §17: Children's Services lead where the person cared for is a disabled child, Adult
  -- Services (the Access Team) where it is an adult; both contribute.
  cared_for_is_adult boolean not null,
  cared_for_needs text[] not null check (cardinality(cared_for_needs) > 0 and cared_for_needs <@ array[
    'long_term_illness', 'physical_disability', 'learning_disability', 'mental_health', 'substance_misuse', 'other']::text[]),
  caring_tasks text[] not null check (cardinality(caring_tasks) > 0 and caring_tasks <@ array[
    'personal_care', 'medication', 'emotional_support', 'supervision', 'household', 'sibling_care', 'practical', 'interpreting']::text[]),
  caring_tasks_detail text not null default '' check (length(caring_tasks_detail) <= 2000),
  hours_per_week smallint not null check (hours_per_week between 0 and 168),
  -- s17ZA: on request (by the young carer or a parent) or where it appears the child may have needs.
  requested_on date not null,
  requested_by text not null check (requested_by in (
    'young_carer', 'parent', 'person_cared_for', 'school', 'health', 'adult_social_care', 'young_carers_service',
    'other_professional', 'local_authority')),
  requested_by_detail text not null default '' check (length(requested_by_detail) <= 200),
  -- YC-01 (src/domain/young-carers/timescales.ts): 45 working days from the request.
  due_on date not null check (due_on > requested_on),
  status text not null default 'in_progress' check (status in ('in_progress', 'awaiting_authorisation', 'authorised')),
  young_carer_seen_on date check (young_carer_seen_on >= requested_on),
  caring_role text not null default '' check (length(caring_role) <= 20000),
  appropriateness text not null default '' check (length(appropriateness) <= 20000),
  care_appropriate text check (care_appropriate in ('appropriate', 'excessive_or_inappropriate')),
  wishes_to_continue_caring text check (wishes_to_continue_caring in ('yes', 'with_less', 'no', 'not_sure')),
  wellbeing_impact text not null default '' check (length(wellbeing_impact) <= 20000),
  education_employment text not null default '' check (length(education_employment) <= 20000),
  leisure text not null default '' check (length(leisure) <= 20000),
  young_carer_views text not null default '' check (length(young_carer_views) <= 20000),
  family_views text not null default '' check (length(family_views) <= 20000),
  needs_identified text not null default '' check (length(needs_identified) <= 20000),
  services_for_cared_for text not null default '' check (length(services_for_cared_for) <= 20000),
  outcomes text[] not null default '{}' check (outcomes <@ array[
    'support_plan', 'signpost_young_carers_service', 'adult_care_assessment_referral', 'no_further_action']::text[]),
  -- No further action stands alone.
  check (not ('no_further_action' = any (outcomes)) or cardinality(outcomes) = 1),
  started_by_user_id uuid not null references app_user (id),
  started_at timestamptz not null,
  updated_at timestamptz not null,
  submitted_by_user_id uuid references app_user (id),
  submitted_at timestamptz,
  authorised_by_user_id uuid references app_user (id),
  authorised_at timestamptz,
  authorised_on date,
  management_comments text check (length(management_comments) between 1 and 5000),
  working_days_taken integer check (working_days_taken >= 0),
  authorised_within_timescale boolean,
  -- YC-02: a support plan is reviewed 3 months after authorisation, then 3 months after each review
  -- that continues it. The anchor (authorised_on, or the last review) and the due date it gives; both
  -- null once a review ends the plan (support_plan_ended_on).
  support_plan_review_from date check (support_plan_review_from >= authorised_on),
  support_plan_review_due_on date check (support_plan_review_due_on > support_plan_review_from),
  support_plan_ended_on date check (support_plan_ended_on >= authorised_on),
  version integer not null default 1,
  check (status = 'in_progress' or (submitted_at is not null and submitted_by_user_id is not null
    and young_carer_seen_on is not null and care_appropriate is not null and cardinality(outcomes) > 0)),
  check ((status = 'authorised') = (authorised_by_user_id is not null and authorised_at is not null and authorised_on is not null
    and management_comments is not null and working_days_taken is not null and authorised_within_timescale is not null)),
  check ((support_plan_review_from is null) = (support_plan_review_due_on is null)),
  check ((status = 'authorised' and 'support_plan' = any (outcomes)) = (support_plan_review_due_on is not null or support_plan_ended_on is not null)),
  check (support_plan_ended_on is null or support_plan_review_due_on is null),
  -- four eyes: the worker does not authorise their own assessment
  check (authorised_by_user_id is null or authorised_by_user_id <> worker_user_id)
);
create index young_carer_assessment_child_idx on young_carer_assessment (child_id, requested_on);
create index young_carer_assessment_open_idx on young_carer_assessment (status, due_on) where status <> 'authorised';

-- Each time a manager returns a young carer's assessment to the worker, with what needs to change.
create table young_carer_assessment_return (
  id uuid primary key default gen_random_uuid(),
  young_carer_assessment_id uuid not null references young_carer_assessment (id),
  returned_by_user_id uuid not null references app_user (id),
  returned_at timestamptz not null,
  comments text not null check (length(comments) between 1 and 5000)
);
create index young_carer_assessment_return_idx on young_carer_assessment_return (young_carer_assessment_id, returned_at);

-- Reviews of a young carer's support plan (YC-02): when, what was found, and whether support continues
-- (the next review 3 months on) or ends.
create table young_carer_plan_review (
  id uuid primary key default gen_random_uuid(),
  young_carer_assessment_id uuid not null references young_carer_assessment (id),
  child_id uuid not null references person (id),
  reviewed_on date not null,
  due_on date not null,
  within_timescale boolean not null,
  summary text not null check (length(summary) between 1 and 10000),
  continue_support boolean not null,
  next_review_due_on date check (next_review_due_on > reviewed_on),
  check (continue_support = (next_review_due_on is not null)),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index young_carer_plan_review_idx on young_carer_plan_review (young_carer_assessment_id, reviewed_on);
