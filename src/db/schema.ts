// Kysely's view of the database. Tables and columns are snake_case in SQL and camelCase here
// (Kysely's CamelCasePlugin; docs/adr/0003-camel-case-plugin.md). Updated in the same change as
// every migration.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date, always carried as ISO 'YYYY-MM-DD' text (see connect.ts type parsers). */
type DateText = string;
type Json = ColumnType<unknown, string, string>;

export interface TeamTable {
  id: Generated<string>;
  code: string;
  name: string;
  parentTeamId: string | null;
  description: Generated<string>;
  createdAt: CreatedAt;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface UserRoleTable {
  userId: string;
  role: string;
}

export interface TeamMembershipTable {
  userId: string;
  teamId: string;
  isManager: Generated<boolean>;
}

export interface SessionTable {
  tokenHash: string;
  userId: string;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  idleExpiresAt: Timestamp;
  absoluteExpiresAt: Timestamp;
  endedAt: Timestamp | null;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  username: string;
  ip: string;
  succeeded: boolean;
  attemptedAt: Timestamp;
}

export interface DraftTable {
  id: Generated<string>;
  userId: string;
  journey: string;
  data: Json;
  updatedAt: Timestamp;
}

export interface AuditEventTable {
  seq: string;
  occurredAt: ColumnType<Date, Date, never>;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  outcome: 'success' | 'refused';
  subjectType: string | null;
  subjectId: string | null;
  childId: string | null;
  requestId: string | null;
  ip: string | null;
  changes: Json | null;
  prevHash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  seq: string;
  hash: string;
}

export interface PersonTable {
  id: Generated<string>;
  personType: 'child' | 'unborn' | 'adult';
  givenName: string;
  familyName: string;
  dateOfBirth: DateText | null;
  expectedDateOfDelivery: DateText | null;
  gender: Generated<string>;
  nhsNumber: string | null;
  addressLine1: string | null;
  town: string | null;
  postcode: string | null;
  restriction: Generated<'none' | 'restricted' | 'sealed'>;
  restrictionContactUserId: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export interface PersonRelationshipTable {
  personId: string;
  relatedPersonId: string;
  relationship: string;
  parentalResponsibility: Generated<boolean>;
  livesWith: Generated<boolean>;
}

export interface AllocationTable {
  id: Generated<string>;
  childId: string;
  teamId: string;
  workerUserId: string | null;
  startedOn: DateText;
  endedOn: DateText | null;
}

export interface AccessGrantTable {
  id: Generated<string>;
  personId: string;
  userId: string;
  grantedByUserId: string | null;
  reason: string;
  expiresAt: Timestamp | null;
  revokedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  appliedAt: CreatedAt;
}

export interface Database {
  team: TeamTable;
  appUser: AppUserTable;
  userRole: UserRoleTable;
  teamMembership: TeamMembershipTable;
  session: SessionTable;
  loginAttempt: LoginAttemptTable;
  draft: DraftTable;
  auditEvent: AuditEventTable;
  auditChainHead: AuditChainHeadTable;
  person: PersonTable;
  personRelationship: PersonRelationshipTable;
  allocation: AllocationTable;
  accessGrant: AccessGrantTable;
  schemaMigration: SchemaMigrationTable;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type AppUser = Selectable<AppUserTable>;
export type Team = Selectable<TeamTable>;
