// Schemas for the screening forms: consent to checks, agency checks and answers, the level of need,
// a threshold discussion and the decision. GOV.UK-style messages.
import { z } from 'zod';
import { AGENCY_CHECK_OUTCOMES, PARTNER_AGENCIES } from '../../domain/front-door/agency-checks.ts';
import { CONSENT_TO_CHECKS, OVERRIDE_REASONS } from '../../domain/front-door/consent.ts';
import { isNeedIndicatorCode } from '../../domain/front-door/levels-of-need.ts';
import { MASH_OUTCOMES } from '../../domain/front-door/mash-decision.ts';
import { optionalSafeText, safeText } from '../shared/safe-text.ts';

export const SCREENING_MESSAGES = {
  consent: 'Select whether the family consented to multi-agency checks',
  proceed: 'Select whether checks go ahead without consent',
  overrideReason: 'Select why checks go ahead without consent',
  rationaleWithout: 'Explain why going ahead without consent is proportionate',
  rationaleRefused: 'Explain why consent was not sought, or what the family said',
  overrideNotNeeded: 'Only give a reason for going ahead without consent when consent was not given',
  agencies: 'Select at least one agency to ask',
  checksNeedConsent: 'Record consent to checks (or why they go ahead without it) before asking partner agencies',
  answer: 'Select the agency’s answer',
  details: 'Enter what the agency shared',
  level: 'Select the level of need',
  indicators: 'Select the indicators that apply to the child',
  indicatorUnknown: 'Select indicators from the list',
  needRationale: 'Explain why this level of need was chosen',
  heldOn: 'Date of the discussion must be a real date',
  heldOnFuture: 'Date of the discussion must be today or in the past',
  discussionAgencies: 'Select the agencies that took part',
  summary: 'Summarise what was discussed and agreed',
  outcome: 'Select the decision',
  team: 'Select the team the referral goes to',
  earlyHelpConsent: 'Targeted early help needs the family’s consent: select yes once they have agreed, or choose another decision',
  decisionRationale: 'Explain the decision',
  childrenNotLinked: 'Link every child on the contact to their record before deciding',
  consentNotRecorded: 'Record consent to multi-agency checks before deciding',
  levelNotRecorded: 'Record the level of need before deciding',
  version: 'Someone else changed this contact. Reload the page and try again',
} as const;

const version = z.number({ error: SCREENING_MESSAGES.version }).int().positive();

export const consentInput = z.object({
  consent: z.enum(CONSENT_TO_CHECKS, { error: SCREENING_MESSAGES.consent }),
  proceedWithoutConsent: z.boolean().nullable(),
  overrideReason: z.enum(OVERRIDE_REASONS, { error: SCREENING_MESSAGES.overrideReason }).nullable(),
  rationale: optionalSafeText(2000, 'Explanation must be 2000 characters or fewer'),
  version,
});
export type ConsentInput = z.infer<typeof consentInput>;

export const requestChecksInput = z.object({
  agencies: z.array(z.enum(PARTNER_AGENCIES, { error: SCREENING_MESSAGES.agencies })).min(1, { error: SCREENING_MESSAGES.agencies }).max(PARTNER_AGENCIES.length),
});
export type RequestChecksInput = z.infer<typeof requestChecksInput>;

export const checkAnswerInput = z.object({
  outcome: z.enum(AGENCY_CHECK_OUTCOMES, { error: SCREENING_MESSAGES.answer }),
  details: optionalSafeText(5000, 'What the agency shared must be 5000 characters or fewer'),
  version,
});
export type CheckAnswerInput = z.infer<typeof checkAnswerInput>;

export const levelOfNeedInput = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: SCREENING_MESSAGES.level }),
  indicators: z
    .array(z.string().refine(isNeedIndicatorCode, { error: SCREENING_MESSAGES.indicatorUnknown }))
    .min(1, { error: SCREENING_MESSAGES.indicators })
    .max(200),
  rationale: safeText({ required: SCREENING_MESSAGES.needRationale, tooLong: 'Explanation must be 5000 characters or fewer' }, 5000),
  version,
});
export type LevelOfNeedInput = z.infer<typeof levelOfNeedInput>;

export const thresholdDiscussionInput = z.object({
  heldOn: z.iso.date({ error: SCREENING_MESSAGES.heldOn }),
  agencies: z.array(z.enum(PARTNER_AGENCIES, { error: SCREENING_MESSAGES.discussionAgencies })).min(1, { error: SCREENING_MESSAGES.discussionAgencies }).max(PARTNER_AGENCIES.length),
  summary: safeText({ required: SCREENING_MESSAGES.summary, tooLong: 'Summary must be 5000 characters or fewer' }, 5000),
  agreedLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
});
export type ThresholdDiscussionInput = z.infer<typeof thresholdDiscussionInput>;

export const decisionInput = z.object({
  outcome: z.enum(MASH_OUTCOMES, { error: SCREENING_MESSAGES.outcome }),
  teamId: z.uuid({ error: SCREENING_MESSAGES.team }).nullable(),
  familyConsentsToEarlyHelp: z.boolean().nullable(),
  /** For a referral to children's social care: the child's primary need as the MASH sees it (DfE N1-N9; migration 0026). */
  primaryNeed: z.string().max(3).nullable().optional(),
  rationale: safeText({ required: SCREENING_MESSAGES.decisionRationale, tooLong: 'Explanation must be 5000 characters or fewer' }, 5000),
  version,
});
export type DecisionInput = z.infer<typeof decisionInput>;
