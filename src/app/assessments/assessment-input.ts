// What the assessment pages send to the use cases, checked the same way for a form or the API: the
// content of an assessment in progress, the manager's return and authorisation, a next step done.
import { z } from 'zod';
import {
  ASSESSMENT_SECTIONS,
  isPlanningItem,
  SECTION_KEYS,
  SECTION_MAX_LENGTH,
  type AssessmentSection,
} from '../../domain/assessments/child-and-family-assessment.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';

export const ASSESSMENT_MESSAGES = {
  sectionTooLong: (title: string) => `${title} must be ${String(SECTION_MAX_LENGTH)} characters or fewer`,
  planningChecklist: 'Select points from the planning checklist',
  date: 'Enter a real date',
  notSeenAloneReason: 'Why the child was not seen alone must be 2000 characters or fewer',
  primaryNeed: 'Select the child’s primary need from the list',
  version: 'Someone else changed this assessment. Reload the page and try again',
  returnComments: 'Enter what needs to change before you can authorise the assessment',
  returnCommentsTooLong: 'Comments must be 5000 characters or fewer',
  rationaleTooLong: 'The rationale must be 5000 characters or fewer',
  referral: 'Select an allocated referral for a child and family assessment',
  referralNotReady: 'This referral is not allocated for a child and family assessment yet',
  doneNoteTooLong: 'The note must be 2000 characters or fewer',
} as const;

const isoDate = z.string().refine(isValidIsoDate, { error: ASSESSMENT_MESSAGES.date });

const sectionShape = Object.fromEntries(
  SECTION_KEYS.map((key) => [key, z.string().max(SECTION_MAX_LENGTH, { error: ASSESSMENT_MESSAGES.sectionTooLong(ASSESSMENT_SECTIONS[key].title) })]),
) as Record<AssessmentSection, z.ZodString>;

/** The content of an assessment in progress, as saved ("Save and come back later") or submitted. */
export const assessmentContentInput = z.strictObject({
  sections: z.strictObject(sectionShape),
  planningChecklist: z.array(z.string().refine(isPlanningItem, { error: ASSESSMENT_MESSAGES.planningChecklist })).max(20),
  childSeenOn: isoDate.nullable(),
  childSeenAloneOn: isoDate.nullable(),
  notSeenAloneReason: z.string().trim().max(2000, { error: ASSESSMENT_MESSAGES.notSeenAloneReason }).nullable(),
  factors: z.array(z.string().max(4)).max(50),
  primaryNeed: z.string().max(3).nullable(),
});

export type AssessmentContentInput = z.infer<typeof assessmentContentInput>;

export const saveAssessmentInput = z.strictObject({
  content: assessmentContentInput,
  version: z.number().int().positive(),
});

export type SaveAssessmentInput = z.infer<typeof saveAssessmentInput>;

export const returnAssessmentInput = z.strictObject({
  comments: z.string().trim().min(1, { error: ASSESSMENT_MESSAGES.returnComments }).max(5000, { error: ASSESSMENT_MESSAGES.returnCommentsTooLong }),
  version: z.number().int().positive(),
});

export type ReturnAssessmentInput = z.infer<typeof returnAssessmentInput>;

export const authoriseAssessmentInput = z.strictObject({
  outcome: z.string().max(40),
  rationale: z.string().trim().max(5000, { error: ASSESSMENT_MESSAGES.rationaleTooLong }),
  specialistService: z.string().max(40).nullable(),
  familyConsent: z.boolean().nullable(),
  version: z.number().int().positive(),
});

export type AuthoriseAssessmentInput = z.infer<typeof authoriseAssessmentInput>;

export const nextStepDoneInput = z.strictObject({
  note: z.string().trim().max(2000, { error: ASSESSMENT_MESSAGES.doneNoteTooLong }).nullable(),
});

export type NextStepDoneInput = z.infer<typeof nextStepDoneInput>;
