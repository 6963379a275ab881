-- Person search with a date of birth typed looks only at people born near that day (the index on
-- date_of_birth) and at the few whose date of birth is unknown or estimated, who could still be the
-- person typed (src/db/people/person-search-repository.ts). These partial indexes cover that small
-- set with the same name keys as the full ones (0005), so a common surname costs its few namesakes
-- with no firm date of birth, not every namesake, at a million people.
create index person_birth_unknown_idx on person (id) where date_of_birth is null or date_of_birth_estimated;
create index person_birth_unknown_phonetic_idx on person (family_dm, given_dm) where date_of_birth is null or date_of_birth_estimated;
create index person_birth_unknown_soundex_idx on person (family_sx, given_sx) where date_of_birth is null or date_of_birth_estimated;
create index person_birth_unknown_name_key_idx on person (lower(family_name), lower(given_name)) where date_of_birth is null or date_of_birth_estimated;

-- The date-of-birth lookup (people born near the day typed whose first or last name sounds like a
-- word typed: a changed surname, a first name alone) reads ~40 days' births, a thousand or more
-- people at a million. With the sound keys and the name in the index it is an index-only scan, not
-- a thousand heap reads.
create index person_dob_sounds_idx on person (date_of_birth) include (id, family_dm, given_dm, family_sx, given_sx, search_name) where merged_into_person_id is null;

-- Other names are matched first and then checked against their person's date of birth: this lets
-- that check read a small index instead of the person's row (an index-only probe per name).
create index person_id_birth_idx on person (id) include (date_of_birth, date_of_birth_estimated);
