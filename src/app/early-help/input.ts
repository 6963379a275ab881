// The inputs of each early help step, checked once here for the pages (and any later API). Dates
// arrive as ISO strings: the web layer has already turned the GOV.UK date inputs into them.
import { z } from 'zod';
import { CLOSURE_OUTCOMES, SCALING_MAX, SCALING_MIN } from '../../domain/early-help/early-help.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { fieldErrorsOf, safeText } from '../shared/safe-text.ts';
import { ValidationError } from '../shared/errors.ts';

export const EARLY_HELP_MESSAGES = {
  worries: 'Enter what we are worried about',
  workingWell: 'Enter what is working well',
  needsToHappen: 'Enter what needs to happen',
  scaling: `Select a number from ${String(SCALING_MIN)} to ${String(SCALING_MAX)}`,
  childsVoice: 'Enter what the child said, or how their views were gathered',
  completedOn: 'Enter the date the assessment was completed',
  future: 'The date must be today or in the past',
  beforeReferral: 'The date must be on or after the day of the early help referral',
  familyConsents: 'Select whether the family consents to the plan',
  noConsent: 'A plan needs the family’s consent. Without it there is no plan: close the early help with the outcome “The family withdrew their consent”',
  consentGivenBy: 'Enter who gave consent, for example the child’s mother',
  consentGivenOn: 'Enter the date consent was given',
  consentAfterAgreement: 'Consent must be given on or before the day the plan was agreed',
  outcomes: 'Enter the outcomes the plan aims for',
  agreedOn: 'Enter the date the plan was agreed',
  beforeAssessment: 'The plan must be agreed on or after the day the wellbeing assessment was completed',
  actions: 'Enter at least one action, with who will do it and by when',
  actionText: 'Enter the action',
  actionOwner: 'Enter who will do the action',
  actionDueOn: 'Enter the date the action is due by',
  reviewedOn: 'Enter the date of the review',
  reviewBeforePlan: 'The review must be on or after the day the plan was agreed',
  progress: 'Enter what has changed since the plan was agreed or last reviewed',
  outcome: 'Select how the early help ends',
  summary: 'Enter a summary of why the early help is ending',
  closedOn: 'Enter the date the early help ended',
  stepUpReason: 'Enter why the child needs help from children’s social care',
  stepUpFamilyConsent: 'Select whether the family knows about and agrees to the referral',
  stepUpConsentReason: 'Enter why the family has not agreed, or was not asked',
  version: 'Someone else changed this early help record. Reload the page and try again',
} as const;

const isoDate = (message: string) => z.string({ error: message }).refine(isValidIsoDate, { error: message });
const scaling = z
  .number({ error: EARLY_HELP_MESSAGES.scaling })
  .int({ error: EARLY_HELP_MESSAGES.scaling })
  .min(SCALING_MIN, { error: EARLY_HELP_MESSAGES.scaling })
  .max(SCALING_MAX, { error: EARLY_HELP_MESSAGES.scaling });
const version = z.number({ error: EARLY_HELP_MESSAGES.version }).int().positive({ error: EARLY_HELP_MESSAGES.version });

export const assessmentInput = z.object({
  worries: safeText({ required: EARLY_HELP_MESSAGES.worries }, 10000),
  workingWell: safeText({ required: EARLY_HELP_MESSAGES.workingWell }, 10000),
  needsToHappen: safeText({ required: EARLY_HELP_MESSAGES.needsToHappen }, 10000),
  scaling,
  childsVoice: safeText({ required: EARLY_HELP_MESSAGES.childsVoice }, 10000),
  completedOn: isoDate(EARLY_HELP_MESSAGES.completedOn),
  version,
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

/** What a draft of the assessment keeps: the form's values as typed, every field optional. */
export const assessmentDraft = z.object({
  worries: z.string().max(10000).default(''),
  workingWell: z.string().max(10000).default(''),
  needsToHappen: z.string().max(10000).default(''),
  scaling: z.string().max(2).default(''),
  childsVoice: z.string().max(10000).default(''),
});
export type AssessmentDraft = z.infer<typeof assessmentDraft>;

export const planAction = z.object({
  action: safeText({ required: EARLY_HELP_MESSAGES.actionText }, 2000),
  owner: safeText({ required: EARLY_HELP_MESSAGES.actionOwner }, 200),
  dueOn: isoDate(EARLY_HELP_MESSAGES.actionDueOn),
});

export const planInput = z.object({
  familyConsents: z.boolean({ error: EARLY_HELP_MESSAGES.familyConsents }),
  consentGivenBy: z.string().trim().max(200).nullable(),
  consentGivenOn: z.string().nullable(),
  outcomes: safeText({ required: EARLY_HELP_MESSAGES.outcomes }, 10000),
  agreedOn: isoDate(EARLY_HELP_MESSAGES.agreedOn),
  actions: z.array(planAction).max(20),
  version,
});
export type PlanInput = z.infer<typeof planInput>;

export const reviewInput = z.object({
  reviewedOn: isoDate(EARLY_HELP_MESSAGES.reviewedOn),
  scaling,
  progress: safeText({ required: EARLY_HELP_MESSAGES.progress }, 10000),
  version,
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const closureInput = z.object({
  outcome: z.enum(CLOSURE_OUTCOMES, { error: EARLY_HELP_MESSAGES.outcome }),
  summary: safeText({ required: EARLY_HELP_MESSAGES.summary }, 5000),
  closedOn: isoDate(EARLY_HELP_MESSAGES.closedOn),
  /** Step up only: whether the family knows about and agrees to the referral to the MASH (as the MARF asks). */
  stepUpFamilyConsent: z.enum(['yes', 'no', 'not_asked']).nullable(),
  stepUpConsentReason: z.string().trim().max(2000).nullable(),
  version,
});
export type ClosureInput = z.infer<typeof closureInput>;
/** What a form posts: the outcome as given, checked by the schema. */
export type ClosureValues = Omit<ClosureInput, 'outcome'> & { readonly outcome: string };

/** Parses with the schema, or throws every field's error at once. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
