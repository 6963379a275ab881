-- "My work" (issue 9): the child protection source reads the held review conferences of the open
-- plans in scope (plan_id = any(...), kind 'review', status 'held'). The only plan_id index covers
-- reviews still to be held (cp_conference_one_open_review), so every page scanned the whole table.
create index cp_conference_held_review_plan_idx on cp_conference (plan_id, held_on) where kind = 'review' and status = 'held';
