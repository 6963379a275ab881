-- People records (issue 4, part A): the rest of a person's details, other names, address history,
-- relationships both ways, restriction and merging, and the keys person search reads.
--
-- Search keys are generated columns, so every way a person is written (the use cases, the demo
-- seed, a bulk load) keeps them right. Which index serves which search (src/app/people/search-people.ts):
--   name, typos and swapped names   person_search_name_trgm_idx / person_name_search_trgm_idx (pg_trgm %)
--   name, same sound                person_phonetic_idx, person_soundex_idx (+ person_name_*)
--   name, nickname or exact         person_name_key_idx, person_name_name_key_idx
--   date of birth (exact, slips)    person_date_of_birth_idx; unborn: person_edd_idx
--   NHS number                      person_nhs_number_idx
--   postcode (now and before)       person_postcode_key_idx, person_address_postcode_key_idx

alter table person
  add column date_of_birth_estimated boolean not null default false,
  add column ethnicity text check (ethnicity in (
    'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH',
    'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT')),
  add column first_language text check (length(first_language) between 1 and 100),
  add column interpreter_needed boolean not null default false,
  add column religion text check (religion in (
    'no_religion', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other', 'not_stated', 'not_known')),
  add column disabilities text[] not null default '{}' check (
    disabilities <@ array['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA']::text[]
    and (not ('NONE' = any (disabilities)) or cardinality(disabilities) = 1)),
  add column immigration_status text check (immigration_status in (
    'british_or_irish', 'settled', 'pre_settled', 'limited_leave', 'refugee', 'asylum_seeker', 'uasc', 'no_recourse',
    'no_leave', 'not_known')),
  add column upn text check (upn ~ '^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$'),
  add column phone text check (length(phone) between 1 and 30),
  add column email text check (length(email) between 3 and 320),
  add column gp_practice text check (length(gp_practice) between 1 and 200),
  add column school text check (length(school) between 1 and 200),
  add column address_line2 text,
  add column merged_into_person_id uuid references person (id),
  add column merged_at timestamptz,
  add column merged_by_user_id uuid references app_user (id),
  add column restricted_at timestamptz,
  add column restriction_reason text,
  add column search_name text generated always as (lower(given_name || ' ' || family_name)) stored,
  add column given_dm text generated always as (dmetaphone(given_name)) stored,
  add column family_dm text generated always as (dmetaphone(family_name)) stored,
  add column given_sx text generated always as (soundex(given_name)) stored,
  add column family_sx text generated always as (soundex(family_name)) stored,
  add column postcode_key text generated always as (upper(replace(postcode, ' ', ''))) stored,
  add check (merged_into_person_id is null or merged_into_person_id <> id),
  add check ((merged_into_person_id is null) = (merged_at is null));

create index person_search_name_trgm_idx on person using gin (search_name gin_trgm_ops);
create index person_phonetic_idx on person (family_dm, given_dm);
create index person_soundex_idx on person (family_sx, given_sx);
create index person_name_key_idx on person (lower(family_name), lower(given_name));
create index person_date_of_birth_idx on person (date_of_birth);
create index person_edd_idx on person (expected_date_of_delivery) where expected_date_of_delivery is not null;
create index person_nhs_number_idx on person (nhs_number) where nhs_number is not null;
create index person_postcode_key_idx on person (postcode_key) where postcode_key is not null;
create index person_merged_into_idx on person (merged_into_person_id) where merged_into_person_id is not null;

-- Names other than the current one: aliases, former names, name at birth, preferred names, and the
-- names of records merged into this one. Searched like the current name.
create table person_name (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references person (id),
  name_type text not null check (name_type in ('alias', 'former', 'birth', 'preferred', 'merged')),
  given_name text not null check (length(given_name) between 1 and 100),
  family_name text not null check (length(family_name) between 1 and 100),
  used_from date,
  used_to date,
  created_at timestamptz not null default now(),
  search_name text generated always as (lower(given_name || ' ' || family_name)) stored,
  given_dm text generated always as (dmetaphone(given_name)) stored,
  family_dm text generated always as (dmetaphone(family_name)) stored,
  given_sx text generated always as (soundex(given_name)) stored,
  family_sx text generated always as (soundex(family_name)) stored,
  check (used_to is null or used_from is null or used_to >= used_from)
);
create index person_name_person_idx on person_name (person_id);
create index person_name_search_trgm_idx on person_name using gin (search_name gin_trgm_ops);
create index person_name_phonetic_idx on person_name (family_dm, given_dm);
create index person_name_soundex_idx on person_name (family_sx, given_sx);
create index person_name_name_key_idx on person_name (lower(family_name), lower(given_name));

-- Where a person has lived, with dates. person.address_line1/address_line2/town/postcode stay the
-- current address (what every page shows); this table is the history, including the current
-- address once it is recorded through Hearth.
create table person_address (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references person (id),
  address_line1 text not null check (length(address_line1) between 1 and 200),
  address_line2 text check (length(address_line2) <= 200),
  town text check (length(town) <= 100),
  postcode text not null check (length(postcode) between 5 and 8),
  postcode_key text generated always as (upper(replace(postcode, ' ', ''))) stored,
  moved_in date,
  moved_out date,
  is_current boolean not null default false,
  created_at timestamptz not null default now(),
  check (moved_out is null or moved_in is null or moved_out >= moved_in),
  check (not (is_current and moved_out is not null))
);
create index person_address_person_idx on person_address (person_id);
create index person_address_postcode_key_idx on person_address (postcode_key);
create unique index person_address_one_current on person_address (person_id) where is_current;

insert into person_address (person_id, address_line1, town, postcode, is_current)
select id, address_line1, town, postcode, true from person
where address_line1 is not null and postcode is not null and length(postcode) between 5 and 8;

-- Relationships are kept both ways ("B is A's parent" with "A is B's child"): the inverses of
-- step-parent, grandparent, carer and professional join the list.
alter table person_relationship drop constraint person_relationship_relationship_check;
alter table person_relationship add constraint person_relationship_relationship_check check (relationship in (
  'parent', 'step_parent', 'sibling', 'half_sibling', 'grandparent', 'other_relative', 'partner', 'carer',
  'connected_person', 'professional', 'child', 'step_child', 'grandchild', 'cared_for', 'client'));
