// Strategy discussion and section 47 timescales: domain-spec §1.4 rows S47-01, S47-02 and S47-03.
// Each date a user sees comes from here, through the shared kernel (src/domain/shared/timescales/rule.ts),
// with its explanation beside it. (Conferences, plans and core groups have their own rules in other files.)
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { dueDate, explainDue, ragStatus, type DueExplanation, type RagStatus, type TimescaleRule } from '../shared/timescales/rule.ts';

/**
 * S47-01. A strategy discussion where there is reasonable cause to suspect significant harm. Seed 004
 * §9: every child protection enquiry in Milton Keynes takes place via an initial (or review) strategy
 * discussion or meeting with the police and health. Working Together to Safeguard Children 2023,
 * chapter 3 ("Strategy discussion"): held whenever there is reasonable cause to suspect significant
 * harm, without delay. Neither sets a number of days: domain-spec §1.4 configures "immediately" as the
 * same working day where the risk is immediate and otherwise within one working day of the decision
 * that a strategy discussion is needed (CFG, domain-spec §5). The 2023 edition's paragraph was not
 * re-read against the published text in this pass, hence `verified: false`.
 */
export const STRATEGY_DISCUSSION: TimescaleRule = {
  id: 'S47-01',
  trigger: 'strategy_discussion.needed',
  due: 'strategy_discussion.held',
  amount: 1,
  unit: 'WD',
  anchor: 'event',
  responsible: 'TM',
  basis: ['SEED', 'SG', 'CFG'],
  source:
    'Seed 004 §9 (strategy discussion with police and health for every child protection enquiry); Working Together to Safeguard Children 2023, chapter 3, strategy discussion; timescale CFG (domain-spec §1.4 S47-01: within 1 working day of the decision)',
  verified: false,
  what: 'the strategy discussion',
  from: 'it was decided a strategy discussion was needed',
};

/** S47-01 where the child is at immediate risk: the same working day (CFG, domain-spec §1.4). */
export const STRATEGY_DISCUSSION_IMMEDIATE: TimescaleRule = {
  ...STRATEGY_DISCUSSION,
  id: 'S47-01',
  amount: 0,
  what: 'the strategy discussion (immediate risk)',
  source:
    'Seed 004 §9; Working Together to Safeguard Children 2023, chapter 3, strategy discussion ("immediately" where a child is at immediate risk); timescale CFG (domain-spec §1.4 S47-01: the same working day)',
};

/**
 * S47-02. The section 47 enquiry, including the assessment in which the child is seen alone, is
 * completed within the assessment window: seed 004 §9 (the social work team initiates an Assessment in
 * which the child is seen alone) with §8 (assessment "no longer than 45 working days"); domain-spec
 * §1.4 S47-02 counts it from the referral. Hearth counts from the day the strategy discussion was
 * needed: for a MASH referral that is the referral date. Seed text read for this rule.
 */
export const SECTION_47_COMPLETION: TimescaleRule = {
  id: 'S47-02',
  trigger: 'strategy_discussion.needed',
  due: 'section_47.completed',
  amount: 45,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['SEED'],
  source: 'Seed 004 §9 (s47 assessment, child seen alone) and §8 (assessment no longer than 45 working days); domain-spec §1.4 S47-02',
  verified: true,
  what: 'the section 47 enquiry and its assessment',
  from: 'the strategy discussion was needed (the referral)',
};

/**
 * S47-03. Where the enquiry finds the child at continuing risk of significant harm, the initial child
 * protection conference is held within 15 working days of the strategy discussion at which section 47
 * enquiries were initiated, or of the last one if several were held. Seed 004 §9 says so in these words
 * ("within 15 working days of the strategy discussion at which section 47 enquiries were initiated"),
 * read for this rule; Working Together to Safeguard Children 2023, chapter 3 ("Initial child protection
 * conferences") sets the same 15 working days (its paragraph not re-read in this pass).
 */
export const INITIAL_CONFERENCE_AFTER_STRATEGY: TimescaleRule = {
  id: 'S47-03',
  trigger: 'strategy_discussion.s47_initiated',
  due: 'icpc.held',
  amount: 15,
  unit: 'WD',
  anchor: 'event',
  responsible: 'CP chair',
  basis: ['SEED', 'SG'],
  source:
    'Seed 004 §9 (ICPC within 15 working days of the strategy discussion at which s47 enquiries were initiated); Working Together to Safeguard Children 2023, chapter 3, initial child protection conferences',
  verified: true,
  what: 'the initial child protection conference',
  from: 'the (last) strategy discussion that started the section 47 enquiry was held',
};

/** Amber from this many working days before a strategy discussion or s47 is due (CFG). */
export const CHILD_PROTECTION_AMBER_WITHIN_WORKING_DAYS = 0;
export const SECTION_47_AMBER_WITHIN_WORKING_DAYS = 5;

export function strategyDiscussionRule(urgent: boolean): TimescaleRule {
  return urgent ? STRATEGY_DISCUSSION_IMMEDIATE : STRATEGY_DISCUSSION;
}

export function strategyDiscussionDueOn(neededOn: LocalDate, urgent: boolean, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(strategyDiscussionRule(urgent), neededOn, calendar);
}

export function explainStrategyDiscussionDue(
  neededOn: LocalDate,
  urgent: boolean,
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): DueExplanation {
  const explained = explainDue(strategyDiscussionRule(urgent), neededOn, calendar);
  // "Within 0 working days" reads badly: say what it means.
  return urgent
    ? { ...explained, summary: 'The strategy discussion is due the same day it was decided one was needed, because the child is at immediate risk.' }
    : explained;
}

export function section47DueOn(anchor: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(SECTION_47_COMPLETION, anchor, calendar);
}

export function explainSection47Due(anchor: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(SECTION_47_COMPLETION, anchor, calendar);
}

/** The day the ICPC is due, counted from the last strategy discussion about the enquiry (S47-03). */
export function initialConferenceDueOn(lastStrategyHeldOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(INITIAL_CONFERENCE_AFTER_STRATEGY, lastStrategyHeldOn, calendar);
}

export function explainInitialConferenceDue(lastStrategyHeldOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(INITIAL_CONFERENCE_AFTER_STRATEGY, lastStrategyHeldOn, calendar);
}

export function strategyDiscussionRag(dueOn: LocalDate, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(dueOn, today, CHILD_PROTECTION_AMBER_WITHIN_WORKING_DAYS, calendar);
}

export function section47Rag(dueOn: LocalDate, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(dueOn, today, SECTION_47_AMBER_WITHIN_WORKING_DAYS, calendar);
}

export const STRATEGY_AND_SECTION_47_TIMESCALES: readonly TimescaleRule[] = [
  STRATEGY_DISCUSSION,
  STRATEGY_DISCUSSION_IMMEDIATE,
  SECTION_47_COMPLETION,
  INITIAL_CONFERENCE_AFTER_STRATEGY,
];
