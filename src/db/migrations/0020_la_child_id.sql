-- The LA child identifier (DfE CIN census LAchildID, N00097; Annex A "Child Unique ID"): the
-- authority's own identifier for a person, given once and never changed or reused. Until now the
-- returns derived it from the record's uuid; it is now a column of its own, unique, letters and
-- digits only and at most 20 characters (CIN census rules 1570, 1580), "C" and a zero-padded serial
-- number. The database gives it at registration (the column's default), so every way a person is
-- written gets one; existing people are numbered here in the order they were registered.
create sequence person_la_child_id_seq;

create function next_la_child_id() returns text
language sql volatile
as $$
  select 'C' || lpad(n::text, greatest(9, length(n::text)), '0') from (select nextval('person_la_child_id_seq') as n) s
$$;

alter table person add column la_child_id text;

with numbered as (
  select id, row_number() over (order by created_at, id) as n from person
)
update person p
set la_child_id = 'C' || lpad(numbered.n::text, greatest(9, length(numbered.n::text)), '0')
from numbered
where numbered.id = p.id;

select setval('person_la_child_id_seq', greatest((select count(*) from person), 1), (select count(*) from person) > 0);

alter table person alter column la_child_id set default next_la_child_id();
alter table person alter column la_child_id set not null;
alter table person add constraint person_la_child_id_unique unique (la_child_id);
alter table person add constraint person_la_child_id_form check (la_child_id ~ '^[A-Za-z0-9]{1,20}$');
