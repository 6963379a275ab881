// Function-level permissions: what a role may do at all, before any record is considered.
// Named `<module>:<action>` (CONVENTIONS.md 18). Record-level rules are in child-record-policy.ts.
import type { Actor } from './actor.ts';
import { ROLES, type Role } from './roles.ts';

export const PERMISSIONS = {
  'work:view-own': 'See my work and caseload',
  'people:view-child': 'Open a child’s record (subject to the record rules)',
  'people:change-child': 'Change a child’s record (subject to the record rules)',
  'teams:view': 'See teams and their members',
  'admin:manage-users': 'Create users, give them roles and teams',
  'audit:verify': 'Verify the audit chain',
  'audit:view': 'See who viewed or changed a record',
  'people:search': 'Search for people by name, date of birth, NHS number or postcode',
  'people:create-person': 'Add a child, an unborn child or an adult to Hearth',
  'people:restrict': 'Restrict a person’s record to named people, and lift a restriction',
  'people:merge': 'Merge two records of the same person',
  'records:export-chronology': 'Export a child’s chronology as a document (subject to the record rules)',
  'records:record-management-oversight': 'Record management oversight on a child’s record',
  'front-door:record-contact': 'Record a contact or referral received by phone, email or in person',
  'front-door:view-queue': 'See the MASH queue, contacts and early help referrals',
  'front-door:screen': 'Screen a contact: link people, consent to checks, agency checks, levels of need',
  'front-door:decide': 'Decide the outcome of a contact (MASH manager)',
  'front-door:view-dashboard': 'See the MASH dashboard',
  'casework:view-referrals': 'See referrals waiting for allocation',
  'casework:allocate': 'Allocate a referral to a worker in the team',
  'pre-birth:record': 'Record an unborn child’s pre-birth plan: milestones, pregnancy dates, FGC referral and the birth (subject to the record rules)',
  'child-protection:record-enquiry': 'Convene and record strategy discussions and section 47 enquiries (subject to the record rules)',
  'returns:build': 'Check and download the statutory returns (DfE CIN census, Ofsted Annex A)',
  'child-in-need:record': 'Start, write, finalise and review a child in need plan (subject to the record rules)',
  'child-in-need:close': 'Close a child in need episode with its DfE reason (team manager)',
  'early-help:view-queue': 'See early help referrals waiting for a worker',
  'early-help:allocate': 'Allocate an early help referral to an early help worker',
  'early-help:work': 'Record early help work: wellbeing assessments, plans, reviews and closure (subject to the record rules)',
  'child-protection:record': 'Record child protection work on a child’s record: conferences, plans, core groups, visits (subject to the record rules)',
  'child-protection:convene': 'Convene an initial child protection conference from a child’s record',
  'child-protection:chair': 'Chair child protection conferences: record the decision, see conferences and the quality of plans',
  'child-protection:view-dashboard': 'See the child protection dashboard',
  'assessments:record': 'Start and write a child and family assessment, and record its next step done (subject to the record rules)',
  'assessments:authorise': 'Return or authorise a child and family assessment for the team (team manager)',
  'young-carers:record': 'Start and write a young carer’s needs assessment (subject to the record rules)',
  'young-carers:authorise': 'Return or authorise a young carer’s needs assessment for the team (team manager)',
  'disabilities:record': 'Record a disabled child’s eligibility decision, short breaks and personal budget requests (subject to the record rules)',
  'disabilities:confirm': 'Confirm or return a disabled child’s eligibility decision (team manager)',
  'disabilities:record-panel-decision': 'Record the resource allocation panel’s decision on a personal budget (team manager)',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const CASE_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'system_admin');

/** Which roles carry each permission. A system administrator holds no case data (RELIABILITY.md §3.1). */
const GRANTED_TO: Readonly<Record<Permission, readonly Role[]>> = {
  'work:view-own': CASE_ROLES,
  'people:view-child': CASE_ROLES,
  'people:change-child': CASE_ROLES.filter((r) => r !== 'performance_officer'),
  'teams:view': ROLES,
  'admin:manage-users': ['system_admin'],
  'audit:verify': ['system_admin'],
  'audit:view': ['system_admin', 'team_manager', 'mash_manager'],
  'people:search': CASE_ROLES,
  'people:create-person': CASE_ROLES.filter((r) => r !== 'performance_officer'),
  'people:restrict': ['team_manager', 'mash_manager'],
  'people:merge': ['team_manager', 'mash_manager'],
  'records:export-chronology': CASE_ROLES.filter((r) => r !== 'performance_officer'),
  'records:record-management-oversight': ['team_manager', 'mash_manager'],
  'front-door:record-contact': ['mash_practitioner', 'mash_manager'],
  'front-door:view-queue': ['mash_practitioner', 'mash_manager'],
  'front-door:screen': ['mash_practitioner', 'mash_manager'],
  'front-door:decide': ['mash_manager'],
  'front-door:view-dashboard': ['mash_practitioner', 'mash_manager', 'team_manager', 'performance_officer'],
  'casework:view-referrals': ['team_manager', 'mash_manager', 'mash_practitioner'],
  'casework:allocate': ['team_manager', 'mash_manager'],
  'pre-birth:record': CASE_ROLES.filter((r) => r !== 'performance_officer'),
  'child-protection:record-enquiry': ['social_worker', 'team_manager', 'mash_manager', 'mash_practitioner', 'cp_chair'],
  // Performance officers make the returns; team managers check their teams' records against them.
  'returns:build': ['performance_officer', 'team_manager'],
  'child-in-need:record': CASE_ROLES.filter((r) => r !== 'performance_officer'),
  'child-in-need:close': ['team_manager'],
  'early-help:view-queue': ['mash_practitioner', 'mash_manager', 'social_worker', 'team_manager'],
  'early-help:allocate': ['team_manager', 'mash_manager'],
  'early-help:work': ['social_worker', 'team_manager', 'mash_manager'],
  'child-protection:record': ['social_worker', 'team_manager', 'cp_chair'],
  'child-protection:convene': ['team_manager'],
  'child-protection:chair': ['cp_chair'],
  'child-protection:view-dashboard': ['cp_chair', 'team_manager', 'performance_officer'],
  'assessments:record': ['social_worker', 'team_manager'],
  'assessments:authorise': ['team_manager'],
  'young-carers:record': ['social_worker', 'team_manager'],
  'young-carers:authorise': ['team_manager'],
  // Seed 004 §13: the worker applies the eligibility criteria; the team manager confirms the decision and records the panel's.
  'disabilities:record': ['social_worker', 'team_manager'],
  'disabilities:confirm': ['team_manager'],
  'disabilities:record-panel-decision': ['team_manager'],
};

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export function rolesWithPermission(permission: Permission): readonly Role[] {
  return GRANTED_TO[permission];
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.roles.some((role) => GRANTED_TO[permission].includes(role));
}
