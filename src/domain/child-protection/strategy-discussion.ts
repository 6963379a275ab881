// A strategy discussion or meeting and the decision it takes for each child. Seed 004 §9 and Working
// Together to Safeguard Children 2023, chapter 3 ("Strategy discussion"; paragraphs not re-read in this
// pass): children's social care, the police and health take part, with other agencies as relevant;
// the discussion is informed by the MASH checks; it decides whether a section 47 enquiry is needed and
// whether it is joint with the police (Child Abuse Investigation Team) or by children's services alone;
// it plans the child's safety while enquiries run (including a move to a relative, family friend or
// foster carer); and it considers a video-recorded (ABE) interview where a crime may have been
// committed and a paediatric examination where needed.
import type { LocalDate } from '@js-joda/core';

export const STRATEGY_KINDS = ['initial', 'review'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

export const STRATEGY_FORMATS = ['discussion', 'meeting'] as const;
export type StrategyFormat = (typeof STRATEGY_FORMATS)[number];
export const STRATEGY_FORMAT_LABELS: Readonly<Record<StrategyFormat, string>> = {
  discussion: 'Strategy discussion (for example by phone or video call)',
  meeting: 'Strategy meeting',
};

export const AGENCIES = ['childrens_social_care', 'police', 'health', 'education', 'probation', 'youth_justice', 'housing', 'other'] as const;
export type Agency = (typeof AGENCIES)[number];
export const AGENCY_LABELS: Readonly<Record<Agency, string>> = {
  childrens_social_care: 'Children’s social care',
  police: 'Police',
  health: 'Health',
  education: 'Education',
  probation: 'Probation',
  youth_justice: 'Youth justice',
  housing: 'Housing',
  other: 'Other agency',
};

export const STRATEGY_DECISIONS = ['s47_single_agency', 's47_joint', 'no_s47', 'further_strategy'] as const;
export type StrategyDecision = (typeof STRATEGY_DECISIONS)[number];
export const STRATEGY_DECISION_LABELS: Readonly<Record<StrategyDecision, string>> = {
  s47_single_agency: 'Section 47 enquiry by children’s social care (single agency)',
  s47_joint: 'Section 47 enquiry, joint with the police Child Abuse Investigation Team',
  no_s47: 'No section 47 enquiry',
  further_strategy: 'Further strategy discussion needed before deciding',
};

export const INTERIM_LIVING = ['at_home', 'relative', 'family_friend', 'foster_carer', 'other'] as const;
export type InterimLiving = (typeof INTERIM_LIVING)[number];
export const INTERIM_LIVING_LABELS: Readonly<Record<InterimLiving, string>> = {
  at_home: 'Stays at home with a safety plan',
  relative: 'Moves to a relative while enquiries run',
  family_friend: 'Moves to a family friend while enquiries run',
  foster_carer: 'Moves to a foster carer while enquiries run',
  other: 'Other arrangement (described in the safety plan)',
};

export const isSection47Decision = (d: StrategyDecision): boolean => d === 's47_single_agency' || d === 's47_joint';

export interface AttendeeInput {
  readonly agency: Agency;
  readonly name: string;
  readonly role: string;
  readonly attended: boolean;
  readonly reportSummary: string | null;
}

export interface ChildDecisionInput {
  readonly childId: string;
  readonly decision: StrategyDecision;
  readonly reason: string;
  readonly safetyPlan: string | null;
  readonly interimLiving: InterimLiving | null;
  readonly abeInterviewNeeded: boolean | null;
  readonly paediatricExamNeeded: boolean | null;
  /** For a further strategy discussion: the day it is to be held by. */
  readonly nextDiscussionBy: LocalDate | null;
}

export interface HeldDiscussionInput {
  readonly heldOn: LocalDate;
  readonly format: StrategyFormat;
  readonly chairName: string;
  readonly mashChecksConsidered: boolean;
  readonly mashChecksSummary: string | null;
  readonly attendees: readonly AttendeeInput[];
  readonly decisions: readonly ChildDecisionInput[];
}

export const STRATEGY_MESSAGES = {
  heldOnFuture: 'Date of the strategy discussion must be today or in the past',
  heldOnBeforeOpened: 'Date of the strategy discussion must be on or after the day it was asked for',
  chairName: 'Enter who chaired the strategy discussion',
  mashChecksSummary: 'Enter what the MASH checks showed',
  attendees: 'Add the people who took part',
  attendeeName: 'Enter the name of each person who took part or sent a report',
  attendeeRole: 'Enter the role of each person who took part or sent a report',
  attendeeReport: 'Enter the report from each agency that could not attend',
  socialCare: 'Children’s social care must take part in the strategy discussion',
  police: 'The police must take part in the strategy discussion or send a report (seed 004 §9)',
  health: 'Health must take part in the strategy discussion or send a report (seed 004 §9)',
  jointNeedsPolice: 'A joint enquiry needs the police to have taken part in the discussion',
  decisionMissing: 'Select the decision for each child',
  reason: 'Enter the reasons for the decision',
  safetyPlan: 'Enter the plan to keep the child safe while enquiries run',
  interimLiving: 'Select where the child will live while enquiries run',
  abe: 'Select whether a video-recorded (ABE) interview is needed',
  paediatric: 'Select whether a paediatric examination is needed',
  nextDiscussionBy: 'Enter the date the further strategy discussion is to be held by',
  nextDiscussionBefore: 'The further strategy discussion must be on or after this one',
} as const;

export type StrategyFieldErrors = Record<string, string>;

/**
 * Every rule a held strategy discussion must meet, all at once: field name → message. Field names for
 * a child's decision are `decision-<childId>`, `reason-<childId>` and so on; for attendees, `attendees`.
 */
export function checkHeldDiscussion(input: HeldDiscussionInput, openedOn: LocalDate, today: LocalDate): StrategyFieldErrors {
  const errors: StrategyFieldErrors = {};
  if (input.heldOn.isAfter(today)) errors['heldOn'] = STRATEGY_MESSAGES.heldOnFuture;
  else if (input.heldOn.isBefore(openedOn)) errors['heldOn'] = STRATEGY_MESSAGES.heldOnBeforeOpened;
  if (input.chairName.trim() === '') errors['chairName'] = STRATEGY_MESSAGES.chairName;
  if (input.mashChecksConsidered && (input.mashChecksSummary ?? '').trim() === '') errors['mashChecksSummary'] = STRATEGY_MESSAGES.mashChecksSummary;

  const attendeeError = checkAttendees(input.attendees);
  if (attendeeError !== null) errors['attendees'] = attendeeError;
  const policeAttended = input.attendees.some((a) => a.agency === 'police' && a.attended);

  for (const d of input.decisions) {
    const key = (field: string) => `${field}-${d.childId}`;
    if (d.reason.trim() === '') errors[key('reason')] = STRATEGY_MESSAGES.reason;
    if (isSection47Decision(d.decision)) {
      if ((d.safetyPlan ?? '').trim() === '') errors[key('safetyPlan')] = STRATEGY_MESSAGES.safetyPlan;
      if (d.interimLiving === null) errors[key('interimLiving')] = STRATEGY_MESSAGES.interimLiving;
      if (d.abeInterviewNeeded === null) errors[key('abe')] = STRATEGY_MESSAGES.abe;
      if (d.paediatricExamNeeded === null) errors[key('paediatric')] = STRATEGY_MESSAGES.paediatric;
      if (d.decision === 's47_joint' && !policeAttended) errors[key('decision')] = STRATEGY_MESSAGES.jointNeedsPolice;
    }
    if (d.decision === 'further_strategy') {
      if (d.nextDiscussionBy === null) errors[key('nextDiscussionBy')] = STRATEGY_MESSAGES.nextDiscussionBy;
      else if (d.nextDiscussionBy.isBefore(input.heldOn)) errors[key('nextDiscussionBy')] = STRATEGY_MESSAGES.nextDiscussionBefore;
    }
  }
  return errors;
}

/**
 * Who took part. Seed 004 §9: "with the Police and Health, and other agencies as relevant"; Working
 * Together 2023 chapter 3 names children's social care, police and health as the core. An agency that
 * cannot attend contributes through its report.
 */
export function checkAttendees(attendees: readonly AttendeeInput[]): string | null {
  if (attendees.length === 0) return STRATEGY_MESSAGES.attendees;
  if (attendees.some((a) => a.name.trim() === '')) return STRATEGY_MESSAGES.attendeeName;
  if (attendees.some((a) => a.role.trim() === '')) return STRATEGY_MESSAGES.attendeeRole;
  if (attendees.some((a) => !a.attended && (a.reportSummary ?? '').trim() === '')) return STRATEGY_MESSAGES.attendeeReport;
  const involved = (agency: Agency) => attendees.some((a) => a.agency === agency && (a.attended || (a.reportSummary ?? '').trim() !== ''));
  if (!attendees.some((a) => a.agency === 'childrens_social_care' && a.attended)) return STRATEGY_MESSAGES.socialCare;
  if (!involved('police')) return STRATEGY_MESSAGES.police;
  if (!involved('health')) return STRATEGY_MESSAGES.health;
  return null;
}

/** The section 47 enquiry a decision starts, if any. */
export function section47KindOf(decision: StrategyDecision): 'single_agency' | 'joint' | null {
  if (decision === 's47_single_agency') return 'single_agency';
  if (decision === 's47_joint') return 'joint';
  return null;
}
