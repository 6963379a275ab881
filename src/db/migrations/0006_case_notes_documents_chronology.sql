-- Case notes, their amendments, documents and manual chronology entries on a child's record.
-- References to a person are named child_id / person_id (a merge of two person records moves them).

create table case_note (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  note_type text not null check (note_type in (
    'home_visit', 'child_seen', 'child_seen_alone', 'phone_call', 'meeting', 'management_oversight', 'supervision', 'other')),
  event_date date not null,
  event_time text check (event_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  summary text not null check (length(summary) between 1 and 200),
  body text not null check (length(body) between 1 and 50000),
  significant boolean not null default false,
  written_to_child boolean not null default false,
  author_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null,
  -- The Europe/London date of recording and the working days from the event to it (the event is
  -- day 0); recorded_late is fixed when the note is saved, so a report never changes its mind.
  recorded_on date not null,
  working_days_to_record integer not null check (working_days_to_record >= 0),
  recorded_late boolean not null,
  check (event_date <= recorded_on)
);
create index case_note_child_idx on case_note (child_id, event_date desc, recorded_at desc);
create index case_note_significant_idx on case_note (child_id, event_date) where significant;

-- The people a note is about: always the child, and any of their related people.
create table case_note_person (
  case_note_id uuid not null references case_note (id),
  person_id uuid not null references person (id),
  primary key (case_note_id, person_id)
);
create index case_note_person_person_idx on case_note_person (person_id);

-- A saved note is never edited: a correction is an amendment linked to it, and both are shown.
create table case_note_amendment (
  id uuid primary key default gen_random_uuid(),
  case_note_id uuid not null references case_note (id),
  child_id uuid not null references person (id),
  reason text not null check (length(reason) between 1 and 500),
  body text not null check (length(body) between 1 and 50000),
  author_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index case_note_amendment_note_idx on case_note_amendment (case_note_id, recorded_at);

-- What was written stays written: only the person a note belongs to may change (a merge of two
-- person records moves child_id); any other change, and any delete, is refused by the database.
create function case_note_is_fixed() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception '% rows are not deleted: add an amendment instead', tg_table_name using errcode = '42501';
  end if;
  if (to_jsonb(new) - 'child_id') is distinct from (to_jsonb(old) - 'child_id') then
    raise exception '% rows are not edited: add an amendment instead', tg_table_name using errcode = '42501';
  end if;
  return new;
end;
$$;
create trigger case_note_fixed before update or delete on case_note
  for each row execute function case_note_is_fixed();
create trigger case_note_amendment_fixed before update or delete on case_note_amendment
  for each row execute function case_note_is_fixed();

-- Files attached to a child (and optionally to one of their case notes). The bytes are kept in the
-- database, apart from the description, outside any web root (docs/adr/0005-document-storage.md).
create table document (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  case_note_id uuid references case_note (id),
  title text not null check (length(title) between 1 and 200),
  filename text not null check (length(filename) between 1 and 150),
  kind text not null check (kind in ('pdf', 'docx', 'xlsx', 'odt', 'png', 'jpeg', 'txt', 'eml')),
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  significant boolean not null default false,
  uploaded_by_user_id uuid not null references app_user (id),
  uploaded_at timestamptz not null,
  uploaded_on date not null
);
create index document_child_idx on document (child_id, uploaded_at desc);
create index document_case_note_idx on document (case_note_id) where case_note_id is not null;

create table document_content (
  document_id uuid primary key references document (id),
  content bytea not null
);

-- Entries a worker adds to a child's chronology by hand.
create table chronology_entry (
  id uuid primary key default gen_random_uuid(),
  child_id uuid not null references person (id),
  entry_date date not null,
  category text not null check (category in (
    'contact_referral', 'assessment', 'visit', 'communication', 'meeting', 'plan', 'placement', 'allocation',
    'management', 'family', 'health', 'education', 'police_legal', 'incident', 'record', 'other')),
  summary text not null check (length(summary) between 1 and 1000),
  source text not null check (length(source) between 1 and 200),
  recorded_by_user_id uuid not null references app_user (id),
  recorded_at timestamptz not null
);
create index chronology_entry_child_idx on chronology_entry (child_id, entry_date);
