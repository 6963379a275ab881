// Kysely's view of the database. Tables and columns are snake_case in SQL and camelCase here
// (Kysely's CamelCasePlugin; docs/adr/0003-camel-case-plugin.md). Updated in the same change as
// every migration.
import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';

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
  /** The hash the last append replaced: working space for the one-statement append (migration 0021). */
  prevHash: Generated<string>;
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
  // 0005_people_records.sql
  dateOfBirthEstimated: Generated<boolean>;
  ethnicity: string | null;
  firstLanguage: string | null;
  interpreterNeeded: Generated<boolean>;
  religion: string | null;
  disabilities: Generated<string[]>;
  immigrationStatus: string | null;
  upn: string | null;
  // 0023_upn_unknown_reason.sql
  upnUnknownReason: string | null;
  phone: string | null;
  email: string | null;
  gpPractice: string | null;
  school: string | null;
  addressLine2: string | null;
  mergedIntoPersonId: string | null;
  mergedAt: Timestamp | null;
  mergedByUserId: string | null;
  restrictedAt: Timestamp | null;
  restrictionReason: string | null;
  searchName: GeneratedAlways<string>;
  givenDm: GeneratedAlways<string | null>;
  familyDm: GeneratedAlways<string | null>;
  givenSx: GeneratedAlways<string | null>;
  familySx: GeneratedAlways<string | null>;
  postcodeKey: GeneratedAlways<string | null>;
  // 0020_la_child_id.sql: the LA child identifier (CIN census LAchildID), given by the database.
  laChildId: Generated<string>;
}

export interface PersonNameTable {
  id: Generated<string>;
  personId: string;
  nameType: 'alias' | 'former' | 'birth' | 'preferred' | 'merged';
  givenName: string;
  familyName: string;
  usedFrom: DateText | null;
  usedTo: DateText | null;
  createdAt: CreatedAt;
  searchName: GeneratedAlways<string>;
  givenDm: GeneratedAlways<string | null>;
  familyDm: GeneratedAlways<string | null>;
  givenSx: GeneratedAlways<string | null>;
  familySx: GeneratedAlways<string | null>;
}

export interface PersonAddressTable {
  id: Generated<string>;
  personId: string;
  addressLine1: string;
  addressLine2: string | null;
  town: string | null;
  postcode: string;
  postcodeKey: GeneratedAlways<string>;
  movedIn: DateText | null;
  movedOut: DateText | null;
  isCurrent: Generated<boolean>;
  createdAt: CreatedAt;
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

export interface CaseNoteTable {
  id: Generated<string>;
  childId: string;
  noteType: string;
  eventDate: DateText;
  eventTime: string | null;
  summary: string;
  body: string;
  significant: boolean;
  writtenToChild: boolean;
  authorUserId: string;
  recordedAt: ColumnType<Date, Date, never>;
  recordedOn: DateText;
  workingDaysToRecord: number;
  recordedLate: boolean;
}

export interface CaseNotePersonTable {
  caseNoteId: string;
  personId: string;
}

export interface CaseNoteAmendmentTable {
  id: Generated<string>;
  caseNoteId: string;
  childId: string;
  reason: string;
  body: string;
  authorUserId: string;
  recordedAt: ColumnType<Date, Date, never>;
}

export interface DocumentTable {
  id: Generated<string>;
  childId: string;
  caseNoteId: string | null;
  title: string;
  filename: string;
  kind: string;
  sizeBytes: number;
  sha256: string;
  significant: boolean;
  uploadedByUserId: string;
  uploadedAt: ColumnType<Date, Date, never>;
  uploadedOn: DateText;
}

export interface DocumentContentTable {
  documentId: string;
  content: Uint8Array;
}

export interface ChronologyEntryTable {
  id: Generated<string>;
  childId: string;
  entryDate: DateText;
  category: string;
  summary: string;
  source: string;
  recordedByUserId: string;
  recordedAt: ColumnType<Date, Date, never>;
}

export interface FormSubmissionTable {
  userId: string;
  token: string;
  purpose: string;
  requestHash: string;
  result: Json | null;
  resultLocation: string | null;
  createdAt: Timestamp;
}

// 0008_front_door.sql
export interface ContactTable {
  id: Generated<string>;
  reference: string;
  channel: 'online_form' | 'phone' | 'email' | 'in_person' | 'letter' | 'early_help_step_up';
  status: Generated<'received' | 'screening' | 'decided'>;
  receivedAt: ColumnType<Date, Date, never>;
  receivedOn: DateText;
  decisionDueOn: DateText;
  referralSource: string;
  referrerName: string | null;
  referrerRole: string | null;
  referrerOrganisation: string | null;
  referrerEmail: string | null;
  referrerPhone: string | null;
  addressLine1: string | null;
  town: string | null;
  postcode: string | null;
  worries: string;
  childViews: string | null;
  whatTried: string | null;
  earlyHelpAssessmentDone: Generated<boolean>;
  familyConsent: 'yes' | 'no' | 'not_asked';
  familyConsentReason: string | null;
  immediateRisk: boolean;
  immediateRiskDetails: string | null;
  recordedByUserId: string | null;
  submissionToken: string | null;
  submissionHash: string | null;
  consentToChecks: 'given' | 'refused' | 'not_sought' | null;
  checksWithoutConsent: boolean | null;
  consentOverrideReason: 'clear_risk_to_child' | 'public_interest' | null;
  consentRationale: string | null;
  consentRecordedByUserId: string | null;
  consentRecordedAt: Timestamp | null;
  needLevel: number | null;
  needIndicators: Generated<string[]>;
  needRationale: string | null;
  needRecordedByUserId: string | null;
  needRecordedAt: Timestamp | null;
  outcome: 'nfa' | 'universal_signpost' | 'targeted_early_help' | 'social_care_assessment' | 'strategy_discussion' | null;
  decisionRationale: string | null;
  decidedByUserId: string | null;
  decidedAt: Timestamp | null;
  decidedOn: DateText | null;
  decisionWorkingDays: number | null;
  decidedWithinTimescale: boolean | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface ContactPersonTable {
  id: Generated<string>;
  contactId: string;
  position: number;
  role: 'child' | 'adult';
  givenName: string;
  familyName: string;
  dateOfBirth: DateText | null;
  relationship: string | null;
  personId: string | null;
  linkedByUserId: string | null;
  linkedAt: Timestamp | null;
}

export interface ContactDocumentTable {
  id: Generated<string>;
  contactId: string;
  filename: string;
  kind: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
  uploadedAt: ColumnType<Date, Date, never>;
  uploadedByUserId: string | null;
}

export interface AgencyCheckTable {
  id: Generated<string>;
  contactId: string;
  agency: string;
  status: Generated<'requested' | 'information_shared' | 'nothing_known' | 'declined'>;
  withoutConsent: boolean;
  requestedByUserId: string;
  requestedAt: ColumnType<Date, Date, never>;
  details: string | null;
  answeredByUserId: string | null;
  answeredAt: Timestamp | null;
  version: Generated<number>;
}

export interface ThresholdDiscussionTable {
  id: Generated<string>;
  contactId: string;
  heldOn: DateText;
  agencies: string[];
  summary: string;
  agreedLevel: number | null;
  recordedByUserId: string;
  recordedAt: ColumnType<Date, Date, never>;
}

export interface ReferralTable {
  id: Generated<string>;
  contactId: string;
  childId: string;
  purpose: 'assessment' | 'strategy_discussion';
  referralSource: string;
  referredOn: DateText;
  /** Primary need (N1-N9) recorded at the MASH decision (migration 0026); null on older rows. */
  primaryNeed: ColumnType<string | null, string | null | undefined, string | null>;
  teamId: string;
  status: Generated<'awaiting_allocation' | 'allocated'>;
  allocatedWorkerUserId: string | null;
  allocatedByUserId: string | null;
  allocatedAt: Timestamp | null;
  allocationId: string | null;
  createdAt: ColumnType<Date, Date, never>;
  version: Generated<number>;
}

export interface EarlyHelpReferralTable {
  id: Generated<string>;
  /**
   * Exactly one of contactId (a MASH decision), assessmentId (a step-down from an assessment) and
   * cinReviewId (a step-down decided at a child in need plan review, 0019).
   */
  contactId: string | null;
  assessmentId: string | null;
  childId: string;
  referredOn: DateText;
  needLevel: number;
  familyConsent: boolean;
  status: Generated<'awaiting_allocation'>;
  createdAt: ColumnType<Date, Date, never>;
  cinReviewId: Generated<string | null>;
}

export interface EarlyHelpEpisodeTable {
  id: Generated<string>;
  earlyHelpReferralId: string;
  childId: string;
  teamId: string;
  workerUserId: string;
  allocatedByUserId: string;
  allocatedAt: Timestamp;
  startedOn: DateText;
  assessmentDueOn: DateText;
  status: Generated<'open' | 'closed'>;
  closedOn: DateText | null;
  closureOutcome: 'needs_met' | 'step_up' | 'step_down_universal' | 'consent_withdrawn' | null;
  closureSummary: string | null;
  closedByUserId: string | null;
  closedAt: Timestamp | null;
  stepUpContactId: string | null;
  version: Generated<number>;
}

export interface WellbeingAssessmentTable {
  id: Generated<string>;
  episodeId: string;
  childId: string;
  worries: string;
  workingWell: string;
  needsToHappen: string;
  scaling: number;
  childsVoice: string;
  completedOn: DateText;
  dueOn: DateText;
  withinTimescale: boolean;
  completedByUserId: string;
  completedAt: Timestamp;
}

export interface EarlyHelpPlanTable {
  id: Generated<string>;
  episodeId: string;
  childId: string;
  consentGivenBy: string;
  consentGivenOn: DateText;
  outcomes: string;
  agreedOn: DateText;
  firstReviewDueOn: DateText;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

export interface EarlyHelpPlanActionTable {
  id: Generated<string>;
  planId: string;
  position: number;
  action: string;
  owner: string;
  dueOn: DateText;
}

export interface EarlyHelpReviewTable {
  id: Generated<string>;
  planId: string;
  childId: string;
  reviewedOn: DateText;
  dueOn: DateText;
  withinTimescale: boolean;
  scaling: number;
  progress: string;
  nextReviewDueOn: DateText;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

export type AssessmentStatusColumn = 'in_progress' | 'awaiting_authorisation' | 'authorised';
export type AssessmentOutcomeColumn = 'nfa' | 'step_down_early_help' | 'cin_plan' | 'accommodation_s20' | 'strategy_s47' | 'specialist_service';
export type NextStepKindColumn = 'cin_plan' | 'strategy_discussion' | 'accommodation_s20' | 'specialist_service';

/** A child and family assessment (migration 0009; src/domain/assessments/). */
export interface AssessmentTable {
  id: Generated<string>;
  childId: string;
  referralId: string;
  teamId: string;
  workerUserId: string;
  referredOn: DateText;
  dueOn: DateText;
  status: Generated<AssessmentStatusColumn>;
  planningChecklist: Generated<string[]>;
  planningNotes: Generated<string>;
  childDevelopment: Generated<string>;
  parentingCapacity: Generated<string>;
  familyEnvironment: Generated<string>;
  childVoice: Generated<string>;
  strengths: Generated<string>;
  worries: Generated<string>;
  analysis: Generated<string>;
  letterToChild: Generated<string>;
  childSeenOn: DateText | null;
  childSeenAloneOn: DateText | null;
  notSeenAloneReason: string | null;
  factors: Generated<string[]>;
  primaryNeed: string | null;
  startedByUserId: string;
  startedAt: ColumnType<Date, Date, never>;
  updatedAt: Timestamp;
  submittedByUserId: string | null;
  submittedAt: Timestamp | null;
  outcome: AssessmentOutcomeColumn | null;
  outcomeRationale: string | null;
  specialistService: string | null;
  familyConsent: boolean | null;
  authorisedByUserId: string | null;
  authorisedAt: Timestamp | null;
  authorisedOn: DateText | null;
  workingDaysTaken: number | null;
  authorisedWithinTimescale: boolean | null;
  version: Generated<number>;
}

export interface AssessmentReturnTable {
  id: Generated<string>;
  assessmentId: string;
  returnedByUserId: string;
  returnedAt: ColumnType<Date, Date, never>;
  comments: string;
}

export interface AssessmentNextStepTable {
  id: Generated<string>;
  assessmentId: string;
  childId: string;
  kind: NextStepKindColumn;
  specialistService: string | null;
  ruleId: string;
  openedOn: DateText;
  dueOn: DateText;
  status: Generated<'open' | 'done'>;
  doneOn: DateText | null;
  doneByUserId: string | null;
  doneNote: string | null;
  createdAt: ColumnType<Date, Date, never>;
  version: Generated<number>;
}

export interface TeamCaseloadTargetTable {
  teamId: string;
  familiesPerWorker: number;
  source: string;
}

// 0013_strategy_section_47.sql
export interface StrategyDiscussionTable {
  id: Generated<string>;
  kind: 'initial' | 'review';
  isGroup: Generated<boolean>;
  groupConcern: string | null;
  teamId: string;
  openedOn: DateText;
  urgent: Generated<boolean>;
  dueOn: DateText;
  status: Generated<'to_be_held' | 'held'>;
  heldOn: DateText | null;
  format: 'discussion' | 'meeting' | null;
  chairName: string | null;
  mashChecksConsidered: boolean | null;
  mashChecksSummary: string | null;
  recordedByUserId: string | null;
  recordedAt: Timestamp | null;
  createdByUserId: string | null;
  createdAt: ColumnType<Date, Date, never>;
  version: Generated<number>;
}

export interface StrategyDiscussionChildTable {
  strategyDiscussionId: string;
  childId: string;
  sourceKind: 'referral' | 'assessment' | 'child-record' | 'group' | 'review';
  referralId: string | null;
  assessmentId: string | null;
  /** Primary need recorded when the discussion was convened from the child's record (migration 0026). */
  initialPrimaryNeed: ColumnType<string | null, string | null | undefined, string | null>;
  decision: 's47_single_agency' | 's47_joint' | 'no_s47' | 'further_strategy' | null;
  decisionReason: string | null;
  safetyPlan: string | null;
  interimLiving: 'at_home' | 'relative' | 'family_friend' | 'foster_carer' | 'other' | null;
  abeInterviewNeeded: boolean | null;
  paediatricExamNeeded: boolean | null;
  addedByUserId: string | null;
  addedAt: ColumnType<Date, Date, never>;
}

export interface StrategyDiscussionAttendeeTable {
  id: Generated<string>;
  strategyDiscussionId: string;
  position: number;
  agency: string;
  name: string;
  role: string;
  attended: boolean;
  reportProvided: Generated<boolean>;
  reportSummary: string | null;
}

export interface Section47EnquiryTable {
  id: Generated<string>;
  childId: string;
  strategyDiscussionId: string;
  lastStrategyDiscussionId: string;
  lastStrategyHeldOn: DateText;
  teamId: string;
  kind: 'single_agency' | 'joint';
  startedOn: DateText;
  anchorOn: DateText;
  dueOn: DateText;
  status: Generated<'in_progress' | 'completed'>;
  childSeenAloneOn: DateText | null;
  childNotSeenAloneReason: string | null;
  checksSummary: string | null;
  abeInterviewOn: DateText | null;
  paediatricExamOn: DateText | null;
  findings: string | null;
  outcome: 'not_substantiated' | 'substantiated_not_continuing' | 'substantiated_continuing' | null;
  outcomeOn: DateText | null;
  icpcDueOn: DateText | null;
  completedByUserId: string | null;
  completedAt: Timestamp | null;
  createdAt: ColumnType<Date, Date, never>;
  version: Generated<number>;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  appliedAt: CreatedAt;
}

// Pre-birth (0012_pre_birth.sql).
export interface PreBirthPlanTable {
  childId: string;
  pregnancyConfirmedOn: DateText | null;
  previousProceedingsEndedOn: DateText | null;
  fgcOutcome: 'referred' | 'declined' | null;
  fgcDecidedOn: DateText | null;
  fgcDeclinedReason: string | null;
  version: Generated<number>;
  updatedByUserId: string;
  updatedAt: Timestamp;
}

export interface PreBirthMilestoneTable {
  childId: string;
  milestone: string;
  outcome: 'done' | 'not_required';
  happenedOn: DateText | null;
  reason: string | null;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

export interface BirthRecordTable {
  childId: string;
  bornOn: DateText;
  timeOfBirth: string;
  motherMedicallyFit: boolean;
  expectedDateOfDelivery: DateText;
  recordedByUserId: string;
  recordedAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ReturnRunTable {
  id: Generated<string>;
  kind: 'cin_census' | 'annex_a';
  censusYear: number | null;
  windowFrom: DateText | null;
  windowTo: DateText | null;
  status: Generated<'running' | 'done' | 'failed'>;
  stage: Generated<string>;
  done: Generated<number>;
  total: Generated<number>;
  requestedByUserId: string | null;
  startedAt: Timestamp;
  finishedAt: Timestamp | null;
  children: number | null;
  rowCounts: Json | null;
  failures: ColumnType<unknown, string | undefined, string>;
  output: Buffer | null;
  outputFilename: string | null;
  error: string | null;
}

export interface CinEpisodeTable {
  id: Generated<string>;
  childId: string;
  startedOn: DateText;
  assessmentId: string | null;
  closedOn: DateText | null;
  closureReason: string | null;
  closedByUserId: string | null;
  closedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface CinPlanTable {
  id: Generated<string>;
  episodeId: string;
  childId: string;
  assessmentId: string | null;
  /** Primary need recorded when the plan was started from the child's record (migration 0026). */
  initialPrimaryNeed: ColumnType<string | null, string | null | undefined, string | null>;
  teamId: string;
  workerUserId: string | null;
  status: Generated<'draft' | 'active' | 'ended'>;
  openedOn: DateText;
  agreedOn: DateText | null;
  lastReviewedOn: DateText | null;
  lastProgressReviewOn: DateText | null;
  endedOn: DateText | null;
  createdByUserId: string | null;
  createdAt: CreatedAt;
  version: Generated<number>;
}

export interface CinPlanVersionTable {
  id: Generated<string>;
  planId: string;
  number: number;
  status: Generated<'draft' | 'finalised' | 'superseded'>;
  outcomes: Json;
  actions: Json;
  contingency: Generated<string>;
  childViews: Generated<string>;
  qualityFlags: string[] | null;
  reviewId: string | null;
  finalisedOn: DateText | null;
  finalisedAt: Timestamp | null;
  finalisedByUserId: string | null;
  updatedAt: Timestamp;
}

export interface CinReviewTable {
  id: Generated<string>;
  planId: string;
  heldOn: DateText;
  attendance: string;
  childViews: string;
  progress: string;
  progressAssessment: boolean;
  decision: 'continue' | 'step_up' | 'step_down' | 'close';
  planUpdated: boolean;
  recordedByUserId: string;
  recordedAt: ColumnType<Date, Date, never>;
  /** The strategy discussion a step-up decision opened (0019). */
  strategyDiscussionId: Generated<string | null>;
}

// 0014_child_protection_plans.sql
export type CpCategory = 'NEG' | 'PHY' | 'EMO' | 'SAB' | 'MUL';
export type CpEndReason = 'no_longer_at_risk' | 'care_plan' | 'moved_area' | 'reached_18' | 'died';

export interface CpConferenceTable {
  id: Generated<string>;
  childId: string;
  kind: 'initial' | 'review';
  section47Id: string | null;
  strategyDiscussionId: string | null;
  strategyHeldOn: DateText | null;
  convenedFrom: 'section_47' | 'child_record' | 'plan';
  /** Primary need recorded when the conference was convened from the child's record (migration 0026). */
  initialPrimaryNeed: ColumnType<string | null, string | null | undefined, string | null>;
  teamId: string;
  preBirth: Generated<boolean>;
  dueOn: DateText;
  dueRuleId: string;
  status: Generated<'to_be_held' | 'held'>;
  plannedOn: DateText | null;
  heldOn: DateText | null;
  chairUserId: string | null;
  decision: 'plan' | 'no_plan' | 'continue' | 'end' | null;
  category: CpCategory | null;
  endReason: CpEndReason | null;
  rationale: string | null;
  summaryForChild: string | null;
  withinTimescale: boolean | null;
  planId: string | null;
  convenedByUserId: string | null;
  convenedAt: Timestamp;
  recordedByUserId: string | null;
  recordedAt: Timestamp | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface CpConferenceInvitationTable {
  id: Generated<string>;
  conferenceId: string;
  name: string;
  agency: string;
  role: string | null;
  invitedOn: DateText;
  attendance: 'attended' | 'apologies' | 'did_not_attend' | null;
  reportReceived: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface CpPlanTable {
  id: Generated<string>;
  childId: string;
  initialConferenceId: string;
  teamId: string;
  startedOn: DateText;
  preBirth: Generated<boolean>;
  initialCategory: CpCategory;
  latestCategory: CpCategory;
  leadWorkerUserId: string | null;
  planNumber: number;
  contingencyPlan: string | null;
  finalisedAt: Timestamp | null;
  finalisedByUserId: string | null;
  status: Generated<'active' | 'ended'>;
  endedOn: DateText | null;
  endReason: CpEndReason | null;
  endConferenceId: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface CpPlanOutcomeTable {
  id: Generated<string>;
  planId: string;
  position: number;
  description: string;
}

export interface CpPlanActionTable {
  id: Generated<string>;
  planId: string;
  position: number;
  action: string;
  owner: string | null;
  dueOn: DateText | null;
}

export interface CpCoreGroupMemberTable {
  id: Generated<string>;
  planId: string;
  position: number;
  name: string;
  agency: string;
}

export interface CpCoreGroupMeetingTable {
  id: Generated<string>;
  planId: string;
  childId: string;
  heldOn: DateText;
  dueOn: DateText;
  dueRuleId: string;
  withinTimescale: boolean;
  progress: string;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

export interface CpVisitTable {
  id: Generated<string>;
  planId: string;
  childId: string;
  visitedOn: DateText;
  dueOn: DateText;
  childSeen: boolean;
  seenAlone: boolean;
  notSeenReason: string | null;
  summary: string;
  withinTimescale: boolean;
  recordedByUserId: string;
  recordedAt: Timestamp;
}

// 0017_children_with_disabilities.sql
export type CwdEligibilityStatus = 'recorded' | 'confirmed' | 'returned' | 'superseded';
export interface CwdEligibilityDecisionTable {
  id: Generated<string>;
  childId: string;
  number: number;
  status: Generated<CwdEligibilityStatus>;
  outcome: 'eligible' | 'not_eligible';
  reason: string;
  decidingCodes: Generated<string[]>;
  summary: string;
  adviceGiven: string | null;
  decidedOn: DateText;
  recordedByUserId: string;
  recordedAt: Date;
  reviewedByUserId: string | null;
  reviewedAt: Date | null;
  managerComment: string | null;
  version: Generated<number>;
}

export interface CwdEligibilityAnswerTable {
  decisionId: string;
  code: string;
  kind: 'criterion' | 'exclusion';
  met: boolean;
  evidence: string | null;
  evidenceSource: string | null;
  evidenceDate: DateText | null;
}

export interface CwdShortBreakTable {
  id: Generated<string>;
  childId: string;
  eligibilityDecisionId: string;
  breakType: 'daytime_care' | 'overnight_care' | 'activities' | 'evenings_weekends_holidays';
  provider: string;
  amount: number;
  unit: 'hours' | 'nights';
  startsOn: DateText;
  endsOn: DateText | null;
  status: Generated<'active' | 'ended'>;
  endedOn: DateText | null;
  lastReviewedOn: DateText | null;
  recordedByUserId: string;
  recordedAt: Date;
  version: Generated<number>;
}

export interface CwdShortBreakReviewTable {
  id: Generated<string>;
  shortBreakId: string;
  childId: string;
  reviewedOn: DateText;
  dueOn: DateText;
  withinTimescale: boolean;
  outcome: 'continue' | 'end';
  notes: string;
  recordedByUserId: string;
  recordedAt: Date;
}

export type CwdBudgetStatus = 'submitted' | 'deferred' | 'approved' | 'approved_with_changes' | 'declined';
export interface CwdBudgetRequestTable {
  id: Generated<string>;
  childId: string;
  eligibilityDecisionId: string;
  amountPence: number;
  purpose: string;
  requestedOn: DateText;
  panelDate: DateText;
  status: Generated<CwdBudgetStatus>;
  recordedByUserId: string;
  recordedAt: Date;
  version: Generated<number>;
}

export interface CwdPanelDecisionTable {
  id: Generated<string>;
  requestId: string;
  childId: string;
  panelDate: DateText;
  decision: 'approved' | 'approved_with_changes' | 'declined' | 'deferred';
  approvedAmountPence: number | null;
  reason: string | null;
  nextPanelDate: DateText | null;
  recordedByUserId: string;
  recordedAt: Date;
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
  personName: PersonNameTable;
  personAddress: PersonAddressTable;
  allocation: AllocationTable;
  accessGrant: AccessGrantTable;
  schemaMigration: SchemaMigrationTable;
  formSubmission: FormSubmissionTable;
  caseNote: CaseNoteTable;
  caseNotePerson: CaseNotePersonTable;
  caseNoteAmendment: CaseNoteAmendmentTable;
  document: DocumentTable;
  documentContent: DocumentContentTable;
  chronologyEntry: ChronologyEntryTable;
  contact: ContactTable;
  contactPerson: ContactPersonTable;
  contactDocument: ContactDocumentTable;
  agencyCheck: AgencyCheckTable;
  thresholdDiscussion: ThresholdDiscussionTable;
  referral: ReferralTable;
  earlyHelpReferral: EarlyHelpReferralTable;
  teamCaseloadTarget: TeamCaseloadTargetTable;
  preBirthPlan: PreBirthPlanTable;
  preBirthMilestone: PreBirthMilestoneTable;
  birthRecord: BirthRecordTable;
  strategyDiscussion: StrategyDiscussionTable;
  strategyDiscussionChild: StrategyDiscussionChildTable;
  strategyDiscussionAttendee: StrategyDiscussionAttendeeTable;
  section47Enquiry: Section47EnquiryTable;
  returnRun: ReturnRunTable;
  cinEpisode: CinEpisodeTable;
  cinPlan: CinPlanTable;
  cinPlanVersion: CinPlanVersionTable;
  cinReview: CinReviewTable;
  earlyHelpEpisode: EarlyHelpEpisodeTable;
  wellbeingAssessment: WellbeingAssessmentTable;
  earlyHelpPlan: EarlyHelpPlanTable;
  earlyHelpPlanAction: EarlyHelpPlanActionTable;
  earlyHelpReview: EarlyHelpReviewTable;
  cpConference: CpConferenceTable;
  cpConferenceInvitation: CpConferenceInvitationTable;
  cpPlan: CpPlanTable;
  cpPlanOutcome: CpPlanOutcomeTable;
  cpPlanAction: CpPlanActionTable;
  cpCoreGroupMember: CpCoreGroupMemberTable;
  cpCoreGroupMeeting: CpCoreGroupMeetingTable;
  cpVisit: CpVisitTable;
  assessment: AssessmentTable;
  assessmentReturn: AssessmentReturnTable;
  assessmentNextStep: AssessmentNextStepTable;
  youngCarerAssessment: YoungCarerAssessmentTable;
  youngCarerAssessmentReturn: YoungCarerAssessmentReturnTable;
  youngCarerPlanReview: YoungCarerPlanReviewTable;
  cwdEligibilityDecision: CwdEligibilityDecisionTable;
  cwdEligibilityAnswer: CwdEligibilityAnswerTable;
  cwdShortBreak: CwdShortBreakTable;
  cwdShortBreakReview: CwdShortBreakReviewTable;
  cwdBudgetRequest: CwdBudgetRequestTable;
  cwdPanelDecision: CwdPanelDecisionTable;
}

export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type AppUser = Selectable<AppUserTable>;
export type Team = Selectable<TeamTable>;

// Young carers' needs assessments (migration 0018).
export type YoungCarerStatusColumn = 'in_progress' | 'awaiting_authorisation' | 'authorised';

export interface YoungCarerAssessmentTable {
  id: Generated<string>;
  childId: string;
  teamId: string;
  workerUserId: string;
  caredForPersonId: string | null;
  caredForName: string;
  caredForRelationship: string;
  caredForIsAdult: boolean;
  caredForNeeds: string[];
  caringTasks: string[];
  caringTasksDetail: Generated<string>;
  hoursPerWeek: number;
  requestedOn: DateText;
  requestedBy: string;
  requestedByDetail: Generated<string>;
  dueOn: DateText;
  status: Generated<YoungCarerStatusColumn>;
  youngCarerSeenOn: DateText | null;
  caringRole: Generated<string>;
  appropriateness: Generated<string>;
  careAppropriate: string | null;
  wishesToContinueCaring: string | null;
  wellbeingImpact: Generated<string>;
  educationEmployment: Generated<string>;
  leisure: Generated<string>;
  youngCarerViews: Generated<string>;
  familyViews: Generated<string>;
  needsIdentified: Generated<string>;
  servicesForCaredFor: Generated<string>;
  outcomes: Generated<string[]>;
  startedByUserId: string;
  startedAt: ColumnType<Date, Date, never>;
  updatedAt: Timestamp;
  submittedByUserId: string | null;
  submittedAt: Timestamp | null;
  authorisedByUserId: string | null;
  authorisedAt: Timestamp | null;
  authorisedOn: DateText | null;
  managementComments: string | null;
  workingDaysTaken: number | null;
  authorisedWithinTimescale: boolean | null;
  supportPlanReviewFrom: DateText | null;
  supportPlanReviewDueOn: DateText | null;
  supportPlanEndedOn: DateText | null;
  version: Generated<number>;
}

export interface YoungCarerAssessmentReturnTable {
  id: Generated<string>;
  youngCarerAssessmentId: string;
  returnedByUserId: string;
  returnedAt: ColumnType<Date, Date, never>;
  comments: string;
}

export interface YoungCarerPlanReviewTable {
  id: Generated<string>;
  youngCarerAssessmentId: string;
  childId: string;
  reviewedOn: DateText;
  dueOn: DateText;
  withinTimescale: boolean;
  summary: string;
  continueSupport: boolean;
  nextReviewDueOn: DateText | null;
  recordedByUserId: string;
  recordedAt: ColumnType<Date, Date, never>;
}
