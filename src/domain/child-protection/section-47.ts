// A section 47 enquiry (Children Act 1989 s47) and its outcome. Seed 004 §9: the social work team
// initiates an assessment in which the child is seen alone; a video-recorded interview where a crime
// has been committed; a paediatric examination where necessary; where an ICPC is needed it is convened
// within 15 working days of the strategy discussion at which the enquiry started (S47-03). The three
// outcomes are those of Working Together to Safeguard Children 2023, chapter 3 ("Outcome of section 47
// enquiries"; paragraph not re-read in this pass): concerns not substantiated; substantiated but the
// child is not judged to be at continuing risk of significant harm; substantiated and the child is
// judged to be at continuing risk of significant harm, when an initial child protection conference is
// convened.
import type { LocalDate } from '@js-joda/core';

export const SECTION_47_OUTCOMES = ['not_substantiated', 'substantiated_not_continuing', 'substantiated_continuing'] as const;
export type Section47Outcome = (typeof SECTION_47_OUTCOMES)[number];

export const SECTION_47_OUTCOME_LABELS: Readonly<Record<Section47Outcome, string>> = {
  not_substantiated: 'Concerns not substantiated',
  substantiated_not_continuing: 'Concerns substantiated, the child is not at continuing risk of significant harm',
  substantiated_continuing: 'Concerns substantiated, the child is at continuing risk of significant harm: initial child protection conference',
};

export const SECTION_47_KIND_LABELS: Readonly<Record<'single_agency' | 'joint', string>> = {
  single_agency: 'Single agency (children’s social care)',
  joint: 'Joint with the police Child Abuse Investigation Team',
};

/** Whether the outcome means an initial child protection conference must be convened. */
export const needsInitialConference = (outcome: Section47Outcome): boolean => outcome === 'substantiated_continuing';

export interface Section47ProgressInput {
  readonly childSeenAloneOn: LocalDate | null;
  readonly childNotSeenAloneReason: string | null;
  readonly checksSummary: string | null;
  readonly abeInterviewOn: LocalDate | null;
  readonly paediatricExamOn: LocalDate | null;
}

export interface Section47OutcomeInput extends Section47ProgressInput {
  readonly findings: string;
  readonly outcome: Section47Outcome;
  readonly outcomeOn: LocalDate;
}

export const SECTION_47_MESSAGES = {
  seenAloneFuture: 'Date the child was seen alone must be today or in the past',
  seenAloneBefore: 'Date the child was seen alone must be on or after the enquiry started',
  abeFuture: 'Date of the video-recorded interview must be today or in the past',
  abeBefore: 'Date of the video-recorded interview must be on or after the enquiry started',
  paediatricFuture: 'Date of the paediatric examination must be today or in the past',
  paediatricBefore: 'Date of the paediatric examination must be on or after the enquiry started',
  seenAloneOrReason: 'Enter the date the child was seen alone, or why they were not seen alone',
  checks: 'Enter the checks made during the enquiry',
  findings: 'Enter what the enquiry found',
  outcomeFuture: 'Date of the outcome must be today or in the past',
  outcomeBefore: 'Date of the outcome must be on or after the enquiry started',
  alreadyCompleted: 'This enquiry already has its outcome',
} as const;

function checkDate(
  errors: Record<string, string>,
  field: string,
  date: LocalDate | null,
  startedOn: LocalDate,
  today: LocalDate,
  future: string,
  before: string,
): void {
  if (date === null) return;
  if (date.isAfter(today)) errors[field] = future;
  else if (date.isBefore(startedOn)) errors[field] = before;
}

export function checkSection47Progress(input: Section47ProgressInput, startedOn: LocalDate, today: LocalDate): Record<string, string> {
  const errors: Record<string, string> = {};
  checkDate(errors, 'childSeenAloneOn', input.childSeenAloneOn, startedOn, today, SECTION_47_MESSAGES.seenAloneFuture, SECTION_47_MESSAGES.seenAloneBefore);
  checkDate(errors, 'abeInterviewOn', input.abeInterviewOn, startedOn, today, SECTION_47_MESSAGES.abeFuture, SECTION_47_MESSAGES.abeBefore);
  checkDate(errors, 'paediatricExamOn', input.paediatricExamOn, startedOn, today, SECTION_47_MESSAGES.paediatricFuture, SECTION_47_MESSAGES.paediatricBefore);
  return errors;
}

/** Every rule an outcome must meet: the child seen alone (or why not), the checks, the findings. */
export function checkSection47Outcome(input: Section47OutcomeInput, startedOn: LocalDate, today: LocalDate): Record<string, string> {
  const errors = checkSection47Progress(input, startedOn, today);
  if (input.childSeenAloneOn === null && (input.childNotSeenAloneReason ?? '').trim() === '')
    errors['childSeenAloneOn'] ??= SECTION_47_MESSAGES.seenAloneOrReason;
  if ((input.checksSummary ?? '').trim() === '') errors['checksSummary'] = SECTION_47_MESSAGES.checks;
  if (input.findings.trim() === '') errors['findings'] = SECTION_47_MESSAGES.findings;
  checkDate(errors, 'outcomeOn', input.outcomeOn, startedOn, today, SECTION_47_MESSAGES.outcomeFuture, SECTION_47_MESSAGES.outcomeBefore);
  return errors;
}
