-- Why a child's unique pupil number is not known (CIN census UPNunknown, UN1-UN7: DfE CIN schema
-- 2026 `unknownupntype`, meanings in DfE Common Basic Data Set CS051; code list in
-- src/domain/shared/codes/dfe/upn-unknown-reason.ts). Recorded only while the person has no UPN.
alter table person
  add column upn_unknown_reason text
    check (upn_unknown_reason in ('UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7')),
  add constraint person_upn_unknown_reason_only_without_upn check (upn is null or upn_unknown_reason is null);
