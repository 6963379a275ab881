// The shapes the people use cases hand to the web layer (which may not import src/db itself).
export type { PersonDetails, PersonNameRow, PersonAddressRow, MergedRecordRow } from '../../db/people/person-repository.ts';
export type { ChildRecordSummary } from '../../db/people/child-record-repository.ts';
export type { ManagerChoice } from '../../db/people/restriction-repository.ts';
