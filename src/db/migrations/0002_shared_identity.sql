-- Teams, staff accounts, roles and sessions.
create table team (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_]{2,40}$'),
  name text not null check (length(name) between 1 and 200),
  parent_team_id uuid references team (id),
  description text not null default '',
  created_at timestamptz not null default now()
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name text not null check (length(display_name) between 1 and 200),
  email text,
  password_hash text,
  active boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index app_user_username_key on app_user (username);

create table user_role (
  user_id uuid not null references app_user (id) on delete cascade,
  role text not null check (role in (
    'mash_practitioner', 'mash_manager', 'social_worker', 'team_manager', 'cp_chair', 'iro',
    'personal_adviser', 'fostering_worker', 'adoption_worker', 'performance_officer', 'system_admin')),
  primary key (user_id, role)
);

create table team_membership (
  user_id uuid not null references app_user (id) on delete cascade,
  team_id uuid not null references team (id),
  is_manager boolean not null default false,
  primary key (user_id, team_id)
);
create index team_membership_team_idx on team_membership (team_id);

-- Sessions live in the database so several app nodes can share them. The cookie carries a random
-- token; only its SHA-256 is stored, so a copy of this table cannot be replayed.
create table session (
  token_hash text primary key,
  user_id uuid not null references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  absolute_expires_at timestamptz not null,
  ended_at timestamptz
);
create index session_user_idx on session (user_id);

create table login_attempt (
  id bigint generated always as identity primary key,
  username text not null,
  ip text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempt_username_idx on login_attempt (username, attempted_at);
create index login_attempt_ip_idx on login_attempt (ip, attempted_at);

-- Work in progress on long forms, and forms rescued when a session expired mid-typing.
create table draft (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  journey text not null check (length(journey) between 1 and 300),
  data jsonb not null,
  updated_at timestamptz not null default now(),
  unique (user_id, journey)
);
