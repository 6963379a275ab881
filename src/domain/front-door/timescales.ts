// Front door (MASH) timescales: domain-spec §1.1. Each rule is computed by the shared kernel
// (src/domain/shared/timescales/rule.ts) and shown with its explanation wherever its date appears.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { dueDate, explainDue, ragStatus, type DueExplanation, type RagStatus, type TimescaleRule } from '../shared/timescales/rule.ts';

/**
 * MASH-01. A decision on the next step for every contact or referral, within one working day of
 * receipt. Working Together to Safeguard Children 2023, chapter 3 (assessment of children in need,
 * "responding to referrals"): within one working day of a referral being received, a local authority
 * social worker should acknowledge receipt to the referrer and decide on the next steps and the type
 * of response. Seed 004 §5 (the MASH takes timely decisions on every contact); Ofsted ILACS Milton
 * Keynes 2024 ¶2-3. The paragraph number in the 2023 edition was not re-read against the published
 * text in this pass, hence `verified: false` (domain-spec §0.2 †).
 */
export const MASH_DECISION: TimescaleRule = {
  id: 'MASH-01',
  trigger: 'contact.received',
  due: 'mash.decision',
  amount: 1,
  unit: 'WD',
  anchor: 'event',
  responsible: 'MASH',
  basis: ['SG', 'SEED'],
  source: 'Working Together to Safeguard Children 2023, chapter 3, responding to referrals (decision within one working day of receipt); seed 004 §5; Ofsted ILACS 2024 ¶2-3',
  verified: false,
  what: 'a decision on the contact',
  from: 'the contact was received',
};

/**
 * MASH-03. Where the outcome is unclear after screening, a multi-agency threshold discussion: seed
 * 004 §5 says the MASH "can organise" one; no timescale is stated, so it is configured to fall inside
 * the MASH-01 window (domain-spec §1.1, CFG).
 */
export const MASH_THRESHOLD_DISCUSSION: TimescaleRule = {
  id: 'MASH-03',
  trigger: 'contact.received',
  due: 'mash.threshold-discussion',
  amount: 1,
  unit: 'WD',
  anchor: 'event',
  responsible: 'MASH',
  basis: ['SEED', 'CFG'],
  source: 'Seed 004 §5 (multi-agency threshold discussion where the outcome is unclear); timescale CFG: within the MASH-01 window',
  verified: false,
  what: 'a multi-agency threshold discussion',
  from: 'the contact was received',
};

export const FRONT_DOOR_TIMESCALES: readonly TimescaleRule[] = [MASH_DECISION, MASH_THRESHOLD_DISCUSSION];

/**
 * Amber from this many working days before the decision is due. With a 1 working day rule, 0 makes
 * the due day amber and the day of receipt green (domain-spec §5 point 1: MASH RAG response times are
 * not in the seeds; CFG).
 */
export const MASH_DECISION_AMBER_WITHIN_WORKING_DAYS = 0;

/** The day a decision on a contact received on `receivedOn` is due (MASH-01). */
export function mashDecisionDueOn(receivedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(MASH_DECISION, receivedOn, calendar);
}

export function explainMashDecisionDue(receivedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(MASH_DECISION, receivedOn, calendar);
}

/** Red, amber or green for a contact still awaiting its decision. */
export function mashDecisionRag(receivedOn: LocalDate, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(mashDecisionDueOn(receivedOn, calendar), today, MASH_DECISION_AMBER_WITHIN_WORKING_DAYS, calendar);
}
