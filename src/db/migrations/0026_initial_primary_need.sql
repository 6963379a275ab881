-- The child's primary need as first recorded where social care work starts (CIN census
-- PrimaryNeedCode, N1-N9: DfE CIN schema 2026 `primaryneedcodetype`; code list in
-- src/domain/shared/codes/dfe/primary-need.ts). The DfE CIN census guide asks for the primary need
-- identified at referral or assessment for every episode that led to further action (rule 8610);
-- until an assessment records one, the census reports this initial need. Recorded at the MASH
-- decision that makes a referral to children's social care, and when work starts from the child's
-- record with no referral or assessment: a child in need plan, a strategy discussion, an initial
-- conference. Required on new records; rows written before this migration stay null.
alter table referral
  add column primary_need text check (primary_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'));
alter table cin_plan
  add column initial_primary_need text check (initial_primary_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'));
alter table strategy_discussion_child
  add column initial_primary_need text check (initial_primary_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'));
alter table cp_conference
  add column initial_primary_need text check (initial_primary_need in ('N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'));
