-- The minimum person record the foundation needs (the people issue extends it): children, unborn
-- children and adults, their restriction state, allocation to a worker and team, and named grants.
create table person (
  id uuid primary key default gen_random_uuid(),
  person_type text not null check (person_type in ('child', 'unborn', 'adult')),
  given_name text not null check (length(given_name) between 1 and 100),
  family_name text not null check (length(family_name) between 1 and 100),
  date_of_birth date,
  expected_date_of_delivery date,
  gender text not null default 'not_known' check (gender in ('male', 'female', 'other', 'not_known', 'not_stated')),
  nhs_number text check (nhs_number ~ '^[0-9]{10}$'),
  address_line1 text,
  town text,
  postcode text,
  restriction text not null default 'none' check (restriction in ('none', 'restricted', 'sealed')),
  restriction_contact_user_id uuid references app_user (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index person_family_name_trgm_idx on person using gin (family_name gin_trgm_ops);
create index person_type_idx on person (person_type);

create table person_relationship (
  person_id uuid not null references person (id),
  related_person_id uuid not null references person (id),
  relationship text not null check (relationship in (
    'parent', 'step_parent', 'sibling', 'half_sibling', 'grandparent', 'other_relative', 'partner',
    'carer', 'connected_person', 'professional', 'child')),
  parental_responsibility boolean not null default false,
  lives_with boolean not null default false,
  primary key (person_id, related_person_id, relationship),
  check (person_id <> related_person_id)
);
create index person_relationship_related_idx on person_relationship (related_person_id);

create table allocation (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  team_id uuid not null references team (id),
  worker_user_id uuid references app_user (id),
  started_on date not null,
  ended_on date,
  check (ended_on is null or ended_on >= started_on)
);
create unique index allocation_one_open_per_child on allocation (child_id) where ended_on is null;
create index allocation_worker_idx on allocation (worker_user_id) where ended_on is null;
create index allocation_team_idx on allocation (team_id) where ended_on is null;

create table access_grant (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references person (id),
  user_id uuid not null references app_user (id),
  granted_by_user_id uuid references app_user (id),
  reason text not null,
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index access_grant_person_idx on access_grant (person_id, user_id);
