// What the pre-birth forms send, checked here so the pages and any API refuse the same input with the
// same messages (GOV.UK error messages: say what to do).
import { z } from 'zod';
import { isValidNhsNumber } from '../../domain/shared/identifiers/nhs-number.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { PRE_BIRTH_MILESTONE_KEYS } from '../../domain/pre-birth/timeline.ts';
import { ValidationError } from '../shared/errors.ts';
import { fieldErrorsOf, optionalSafeText, safeText } from '../shared/safe-text.ts';

export const PRE_BIRTH_MESSAGES = {
  milestone: 'Select the milestone',
  outcome: 'Select whether it happened or is not required',
  happenedOn: 'Enter the date it happened',
  happenedOnFuture: 'The date it happened must be today or in the past',
  reason: 'Enter why it is not required',
  fgcOutcome: 'Select whether a referral was made or the family declined',
  fgcDecidedOn: 'Enter the date of the referral or of the decision',
  fgcDecidedOnFuture: 'The date must be today or in the past',
  fgcReason: 'Enter why the family group conference referral was declined',
  confirmedOnFuture: 'The date the pregnancy was confirmed must be today or in the past',
  proceedingsFuture: 'The date the earlier proceedings ended must be today or in the past',
  date: 'Enter a real date',
  bornOn: 'Enter the date of birth',
  bornOnFuture: 'The date of birth must be today or in the past',
  bornOnTooEarly: 'The date of birth must be no more than 28 weeks before the expected date of delivery: check the date',
  timeOfBirth: 'Enter the time of birth, like 14:30',
  sex: 'Select the baby’s sex',
  givenName: 'Enter the baby’s given names',
  familyName: 'Enter the baby’s family name',
  nhsNumberFormat: 'Enter an NHS number with 10 digits, like 943 476 5919',
  nhsNumberCheck: 'Check the NHS number: it is not a valid NHS number (the last digit does not match)',
  motherFit: 'Select whether the mother is medically fit to attend a meeting in the first 10 days',
  notApplicable: 'This child’s record did not begin before birth, so there is no pre-birth plan',
} as const;

const isoDate = (message: string) => z.string({ error: message }).trim().refine(isValidIsoDate, { error: message });
const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === undefined || v === '' ? null : v))
  .pipe(isoDate(PRE_BIRTH_MESSAGES.date).nullable());

export const pregnancyDetailsInput = z.object({ pregnancyConfirmedOn: optionalIsoDate, previousProceedingsEndedOn: optionalIsoDate });
export type PregnancyDetailsInput = z.infer<typeof pregnancyDetailsInput>;

export const milestoneInput = z
  .object({
    milestone: z.enum(PRE_BIRTH_MILESTONE_KEYS, { error: PRE_BIRTH_MESSAGES.milestone }),
    outcome: z.enum(['done', 'not_required'], { error: PRE_BIRTH_MESSAGES.outcome }),
    happenedOn: z.string().optional(),
    reason: optionalSafeText(2000),
  })
  .transform((v, ctx) => {
    if (v.outcome === 'done') {
      if (v.happenedOn === undefined || v.happenedOn === '' || !isValidIsoDate(v.happenedOn)) {
        ctx.addIssue({
          code: 'custom',
          path: ['happenedOn'],
          message: v.happenedOn === undefined || v.happenedOn === '' ? PRE_BIRTH_MESSAGES.happenedOn : PRE_BIRTH_MESSAGES.date,
        });
        return z.NEVER;
      }
      return { milestone: v.milestone, outcome: 'done' as const, happenedOn: v.happenedOn, reason: null };
    }
    if (v.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: PRE_BIRTH_MESSAGES.reason });
      return z.NEVER;
    }
    return { milestone: v.milestone, outcome: 'not_required' as const, happenedOn: null, reason: v.reason };
  });
export type MilestoneInput = z.infer<typeof milestoneInput>;

export const fgcInput = z
  .object({
    outcome: z.enum(['referred', 'declined'], { error: PRE_BIRTH_MESSAGES.fgcOutcome }),
    decidedOn: isoDate(PRE_BIRTH_MESSAGES.fgcDecidedOn),
    reason: optionalSafeText(2000),
  })
  .transform((v, ctx) => {
    if (v.outcome === 'declined' && v.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: PRE_BIRTH_MESSAGES.fgcReason });
      return z.NEVER;
    }
    return { outcome: v.outcome, decidedOn: v.decidedOn, reason: v.outcome === 'declined' ? (v.reason ?? null) : null };
  });
export type FgcInput = z.infer<typeof fgcInput>;

const nhsNumber = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? '' : v.replace(/[\s-]+/g, '')))
  .transform((v) => (v === '' ? null : v))
  .superRefine((v, ctx) => {
    if (v === null) return;
    if (!/^\d{10}$/.test(v)) ctx.addIssue({ code: 'custom', message: PRE_BIRTH_MESSAGES.nhsNumberFormat });
    else if (!isValidNhsNumber(v)) ctx.addIssue({ code: 'custom', message: PRE_BIRTH_MESSAGES.nhsNumberCheck });
  });

export const birthInput = z.object({
  bornOn: isoDate(PRE_BIRTH_MESSAGES.bornOn),
  timeOfBirth: z
    .string({ error: PRE_BIRTH_MESSAGES.timeOfBirth })
    .trim()
    .transform((v) => (/^\d:\d\d$/.test(v) ? `0${v}` : v))
    .refine((v) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(v), { error: PRE_BIRTH_MESSAGES.timeOfBirth }),
  sex: z.enum(['male', 'female', 'not_known'], { error: PRE_BIRTH_MESSAGES.sex }),
  givenName: safeText({ required: PRE_BIRTH_MESSAGES.givenName }, 100),
  familyName: safeText({ required: PRE_BIRTH_MESSAGES.familyName }, 100),
  nhsNumber,
  motherMedicallyFit: z.boolean({ error: PRE_BIRTH_MESSAGES.motherFit }),
});
export type BirthInput = z.infer<typeof birthInput>;

/** Parses with a schema, or throws ValidationError with one message per field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
  return parsed.data;
}
