// What the young carers' pages send to the use cases, checked the same way for a form or the API: the
// start of an assessment (who is cared for, the caring, the request), its content as saved or
// submitted, and the manager's return and authorisation.
import { z } from 'zod';
import {
  isCaredForNeed,
  isCaredForRelationship,
  isCareAppropriate,
  isCaringTask,
  isRequestedBy,
  isWishesToContinue,
  isYoungCarerOutcome,
  MAX_HOURS_PER_WEEK,
  YOUNG_CARER_SECTION_KEYS,
  YOUNG_CARER_SECTION_MAX_LENGTH,
  YOUNG_CARER_SECTIONS,
  type YoungCarerSection,
} from '../../domain/young-carers/young-carer-assessment.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { isStorableText } from '../shared/safe-text.ts';

export const YOUNG_CARER_INPUT_MESSAGES = {
  caredFor: 'Select the person the young carer looks after, or enter their name',
  caredForPerson: 'Select a person related to this child',
  caredForName: 'Enter the name of the person the young carer looks after',
  caredForNameTooLong: 'The name must be 200 characters or fewer',
  caredForRelationship: 'Select who the person is to the young carer',
  caredForIsAdult: 'Select whether the person cared for is an adult or a child',
  caredForNeeds: 'Select why the person needs care',
  caringTasks: 'Select the caring the young carer does',
  caringTasksDetail: 'The detail of the caring must be 2000 characters or fewer',
  hoursPerWeek: `Enter the hours a week spent caring, a whole number from 0 to ${String(MAX_HOURS_PER_WEEK)}`,
  requestedOn: 'Enter the date the assessment was requested as a real date',
  requestedBy: 'Select who asked for the assessment',
  requestedByDetail: 'Who asked must be 200 characters or fewer',
  sectionTooLong: (title: string) => `${title} must be ${String(YOUNG_CARER_SECTION_MAX_LENGTH)} characters or fewer`,
  date: 'Enter a real date',
  careAppropriate: 'Select whether the caring is appropriate from the list',
  wishesToContinueCaring: 'Select whether the young carer wishes to continue caring from the list',
  outcomes: 'Select outcomes from the list',
  returnComments: 'Enter what needs to change before you can authorise the assessment',
  returnCommentsTooLong: 'Comments must be 5000 characters or fewer',
  managementComments: 'Enter your management oversight: why you agree with the outcome',
  managementCommentsTooLong: 'The management oversight must be 5000 characters or fewer',
  unstorable: 'Remove the characters that cannot be stored (control or broken characters)',
} as const;

const M = YOUNG_CARER_INPUT_MESSAGES;
const storable = (max: number, tooLong: string) => z.string().max(max, { error: tooLong }).refine(isStorableText, { error: M.unstorable });

export const startYoungCarerInput = z.strictObject({
  /** A person already related to the child; when null, the name and relationship are typed. */
  caredForPersonId: z.uuid({ error: M.caredForPerson }).nullable(),
  caredForName: storable(200, M.caredForNameTooLong).transform((s) => s.trim()),
  /** Required when the person is typed; for a related person it comes from their record unless given. */
  caredForRelationship: z.string().refine(isCaredForRelationship, { error: M.caredForRelationship }).nullable(),
  /** Required when the person is typed; for a related person it comes from their record. */
  caredForIsAdult: z.boolean({ error: M.caredForIsAdult }).nullable(),
  caredForNeeds: z
    .array(z.string().refine(isCaredForNeed, { error: M.caredForNeeds }))
    .min(1, { error: M.caredForNeeds })
    .max(10),
  caringTasks: z
    .array(z.string().refine(isCaringTask, { error: M.caringTasks }))
    .min(1, { error: M.caringTasks })
    .max(10),
  caringTasksDetail: storable(2000, M.caringTasksDetail).transform((s) => s.trim()),
  hoursPerWeek: z
    .number({ error: M.hoursPerWeek })
    .int({ error: M.hoursPerWeek })
    .min(0, { error: M.hoursPerWeek })
    .max(MAX_HOURS_PER_WEEK, { error: M.hoursPerWeek }),
  requestedOn: z.string().refine(isValidIsoDate, { error: M.requestedOn }),
  requestedBy: z.string().refine(isRequestedBy, { error: M.requestedBy }),
  requestedByDetail: storable(200, M.requestedByDetail).transform((s) => s.trim()),
});

export type StartYoungCarerInput = z.infer<typeof startYoungCarerInput>;

const sectionShape = Object.fromEntries(
  YOUNG_CARER_SECTION_KEYS.map((key) => [key, storable(YOUNG_CARER_SECTION_MAX_LENGTH, M.sectionTooLong(YOUNG_CARER_SECTIONS[key].title))]),
) as unknown as Record<YoungCarerSection, z.ZodType<string>>;

export const youngCarerContentInput = z.strictObject({
  sections: z.strictObject(sectionShape),
  youngCarerSeenOn: z.string().refine(isValidIsoDate, { error: M.date }).nullable(),
  careAppropriate: z.string().refine(isCareAppropriate, { error: M.careAppropriate }).nullable(),
  wishesToContinueCaring: z.string().refine(isWishesToContinue, { error: M.wishesToContinueCaring }).nullable(),
  outcomes: z.array(z.string().refine(isYoungCarerOutcome, { error: M.outcomes })).max(4),
});

export type YoungCarerContentInput = z.infer<typeof youngCarerContentInput>;

export const saveYoungCarerInput = z.strictObject({
  content: youngCarerContentInput,
  version: z.number().int().positive(),
});

export type SaveYoungCarerInput = z.infer<typeof saveYoungCarerInput>;

export const returnYoungCarerInput = z.strictObject({
  comments: z.string().trim().min(1, { error: M.returnComments }).max(5000, { error: M.returnCommentsTooLong }).refine(isStorableText, { error: M.unstorable }),
  version: z.number().int().positive(),
});

export type ReturnYoungCarerInput = z.infer<typeof returnYoungCarerInput>;

export const authoriseYoungCarerInput = z.strictObject({
  managementComments: z
    .string()
    .trim()
    .min(1, { error: M.managementComments })
    .max(5000, { error: M.managementCommentsTooLong })
    .refine(isStorableText, { error: M.unstorable }),
  version: z.number().int().positive(),
});

export type AuthoriseYoungCarerInput = z.infer<typeof authoriseYoungCarerInput>;

export const PLAN_REVIEW_MESSAGES = {
  reviewedOn: 'Enter the date of the review as a real date',
  summary: 'Enter what the review found',
  summaryTooLong: 'What the review found must be 10000 characters or fewer',
  continueSupport: 'Select whether support continues',
} as const;

export const recordPlanReviewInput = z.strictObject({
  reviewedOn: z.string().refine(isValidIsoDate, { error: PLAN_REVIEW_MESSAGES.reviewedOn }),
  summary: z
    .string()
    .trim()
    .min(1, { error: PLAN_REVIEW_MESSAGES.summary })
    .max(10000, { error: PLAN_REVIEW_MESSAGES.summaryTooLong })
    .refine(isStorableText, { error: M.unstorable }),
  continueSupport: z.boolean({ error: PLAN_REVIEW_MESSAGES.continueSupport }),
  version: z.number().int().positive(),
});

export type RecordPlanReviewInput = z.infer<typeof recordPlanReviewInput>;
