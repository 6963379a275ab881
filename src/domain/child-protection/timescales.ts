// Child protection timescales: domain-spec §1.4 (S47-03, CP-01..CP-08). Each rule is computed by the
// shared kernel (src/domain/shared/timescales/rule.ts) and shown with its explanation wherever its date
// appears. Working Together to Safeguard Children 2023 (WT2023) chapter 3 paragraph numbers were not
// re-read against the published text in this pass, hence `verified: false` (domain-spec §0.2 †).
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { PB_ICPC_LPM, POST_BIRTH_REVIEW, POST_BIRTH_REVIEW_MOTHER_UNFIT, preBirthConferenceDueOn } from '../pre-birth/timeline.ts';
import { formatDayDate } from '../shared/time/local-date.ts';
import { explainDue, type DueExplanation, type TimescaleRule } from '../shared/timescales/rule.ts';

/**
 * S47-03. The initial child protection conference within 15 working days of the strategy discussion
 * at which section 47 enquiries were initiated (the last one, if several). Seed 004 §9 ("convened
 * within 15 working days of the strategy discussion at which section 47 enquiries were initiated");
 * WT2023 chapter 3, initial child protection conferences.
 */
export const INITIAL_CONFERENCE: TimescaleRule = {
  id: 'S47-03',
  trigger: 'strategy_discussion.s47_initiated',
  due: 'icpc.held',
  amount: 15,
  unit: 'WD',
  anchor: 'event',
  responsible: 'CP_CHAIR',
  basis: ['SEED', 'SG'],
  source:
    'Seed 004 §9 (ICPC within 15 working days of the strategy discussion at which section 47 enquiries were initiated); Working Together to Safeguard Children 2023, chapter 3, initial child protection conferences',
  verified: false,
  what: 'the initial child protection conference',
  from: 'the strategy discussion that started the section 47 enquiry was held',
};

/**
 * CP-08. For an unborn baby, the initial conference by week 23 of the pregnancy; earlier if a
 * premature birth is likely, as early as possible for a late referral. Seed 004 §14 (timeline row
 * "23 weeks ICPC/LPM (if required)" and "an Initial Child Protection Conference should be convened by
 * week 23 of the pregnancy"). A pre-birth module on another branch also exports the week-23 date; the
 * arithmetic here is the shared gestation kernel (domain-spec §2.6).
 */
export const PRE_BIRTH_INITIAL_CONFERENCE: TimescaleRule = {
  id: 'CP-08',
  trigger: 'strategy_discussion.s47_initiated',
  due: 'icpc.held',
  // The week lives once, in the pre-birth timeline (PB-07): src/domain/pre-birth/timeline.ts.
  amount: PB_ICPC_LPM.rule.amount,
  unit: 'GW',
  anchor: 'edd',
  responsible: 'CP_CHAIR',
  basis: ['SEED'],
  source:
    'Seed 004 §14 (pre-birth timeline: ICPC by week 23 of the pregnancy; earlier if a premature birth is likely; as early as possible after a late referral)',
  verified: true,
  what: 'the pre-birth initial child protection conference',
  from: 'the pregnancy reaches week 23',
};

/** CP-01. The first core group within 10 working days of the initial conference. WT2023 chapter 3 (core group). */
export const FIRST_CORE_GROUP: TimescaleRule = {
  id: 'CP-01',
  trigger: 'icpc.plan_made',
  due: 'core_group.held',
  amount: 10,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['SG'],
  source: 'Working Together to Safeguard Children 2023, chapter 3 (the core group meets within 10 working days of the initial child protection conference)',
  verified: false,
  what: 'the first core group meeting',
  from: 'the initial child protection conference was held',
};

/**
 * CP-02. Later core groups. WT2023 sets no interval and the seeds state none, so this is a configurable
 * default (domain-spec §1.4 CP-02, CFG: at most every 6 weeks; many authorities use 4; Ofsted ILACS
 * 2024 ¶5 on the regularity of core groups). Flagged for Milton Keynes to confirm (domain-spec §5).
 */
export const NEXT_CORE_GROUP: TimescaleRule = {
  id: 'CP-02',
  trigger: 'core_group.held',
  due: 'core_group.held',
  amount: 6,
  unit: 'W',
  anchor: 'previous_occurrence',
  responsible: 'SW',
  basis: ['CFG'],
  source: 'Local default (domain-spec §1.4 CP-02, CFG: Working Together 2023 sets no interval; to be confirmed by Milton Keynes); Ofsted ILACS 2024 ¶5',
  verified: false,
  what: 'the next core group meeting',
  from: 'the last core group meeting was held',
};

/** CP-03. The first review conference within 3 months of the initial conference. WT2023 chapter 3 (review conferences). */
export const FIRST_REVIEW_CONFERENCE: TimescaleRule = {
  id: 'CP-03',
  trigger: 'icpc.plan_made',
  due: 'rcpc.held',
  amount: 3,
  unit: 'M',
  anchor: 'event',
  responsible: 'CP_CHAIR',
  basis: ['SG'],
  source: 'Working Together to Safeguard Children 2023, chapter 3 (first review conference within 3 months of the initial conference)',
  verified: false,
  what: 'the first review child protection conference',
  from: 'the initial child protection conference was held',
};

/** CP-04. Further review conferences at intervals of not more than 6 months. WT2023 chapter 3 (review conferences). */
export const NEXT_REVIEW_CONFERENCE: TimescaleRule = {
  id: 'CP-04',
  trigger: 'rcpc.held',
  due: 'rcpc.held',
  amount: 6,
  unit: 'M',
  anchor: 'previous_occurrence',
  responsible: 'CP_CHAIR',
  basis: ['SG'],
  source: 'Working Together to Safeguard Children 2023, chapter 3 (further review conferences at intervals of not more than 6 months)',
  verified: false,
  what: 'the next review child protection conference',
  from: 'the last review conference was held',
};

/**
 * CP-05. Statutory visits while the plan lasts: the child seen (alone where appropriate). No national
 * interval and none in seed 004 (checked: §9, §10 and §14 state no visiting frequency), so a
 * configurable default of every 10 working days (domain-spec §1.4 CP-05, CFG).
 */
export const CP_VISIT: TimescaleRule = {
  id: 'CP-05',
  trigger: 'cp_visit.child_seen',
  due: 'cp_visit.child_seen',
  amount: 10,
  unit: 'WD',
  anchor: 'previous_occurrence',
  responsible: 'SW',
  basis: ['CFG'],
  source: 'Local default (domain-spec §1.4 CP-05, CFG: no national interval; seed 004 states none; to be confirmed by Milton Keynes)',
  verified: false,
  what: 'a visit at which the child is seen',
  from: 'the child was last seen on a visit (or the plan started)',
};

/**
 * CP-06. A baby made subject to a plan before birth: a review conference or core group within 10 days
 * of the birth, 20 if the mother is not medically fit to attend a meeting in the first 10 days
 * (seed 004 §14). Written once, in the pre-birth timeline, which shows it from the expected date of
 * delivery; the plan's schedule counts it from the birth.
 */
export const POST_BIRTH_MEETING: TimescaleRule = POST_BIRTH_REVIEW;
export const POST_BIRTH_MEETING_MOTHER_UNFIT: TimescaleRule = POST_BIRTH_REVIEW_MOTHER_UNFIT;

/** CP-07. Where the first meeting after the birth was a core group, the review conference within 3 months of it. Seed 004 §14. */
export const POST_BIRTH_REVIEW_CONFERENCE: TimescaleRule = {
  id: 'CP-07',
  trigger: 'post_birth_core_group.held',
  due: 'rcpc.held',
  amount: 3,
  unit: 'M',
  anchor: 'event',
  responsible: 'CP_CHAIR',
  basis: ['SEED'],
  source: 'Seed 004 §14 (where the first meeting after the birth is a core group, the next review conference is held within three months)',
  verified: true,
  what: 'the review child protection conference after the birth',
  from: 'the first core group after the birth was held',
};

export const CHILD_PROTECTION_TIMESCALES: readonly TimescaleRule[] = [
  INITIAL_CONFERENCE,
  PRE_BIRTH_INITIAL_CONFERENCE,
  FIRST_CORE_GROUP,
  NEXT_CORE_GROUP,
  FIRST_REVIEW_CONFERENCE,
  NEXT_REVIEW_CONFERENCE,
  CP_VISIT,
  POST_BIRTH_MEETING,
  POST_BIRTH_MEETING_MOTHER_UNFIT,
  POST_BIRTH_REVIEW_CONFERENCE,
];

/** Amber from this many working days before a child protection date is due (CFG: domain-spec §5). */
export const CP_AMBER_WITHIN_WORKING_DAYS = 3;

/** A plan lasting longer than this many years is flagged (DfE CIN census and Ofsted report plans over 2 years). */
export const LONG_PLAN_YEARS = 2;

/**
 * When the initial conference is due. For a child: 15 working days from the strategy discussion
 * (S47-03). For an unborn baby with an expected date of delivery: week 23 of the pregnancy (CP-08), or
 * the 15 working day date if that is earlier; where week 23 has already passed when the strategy
 * discussion is held (a late referral) the 15 working day date applies and the explanation says the
 * conference should be as early as possible (seed 004 §14).
 */
export function explainInitialConferenceDue(
  strategyHeldOn: LocalDate,
  unborn: { readonly expectedDateOfDelivery: LocalDate } | null,
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): DueExplanation {
  const standard = explainDue(INITIAL_CONFERENCE, strategyHeldOn, calendar);
  if (unborn === null) return standard;
  // The week-23 date is the pre-birth timeline's own (PB-07 = CP-08), worked out there once.
  const week23 = preBirthConferenceDueOn(unborn.expectedDateOfDelivery);
  const week = PB_ICPC_LPM.rule.amount;
  const gestation = `Week ${String(week)} of the pregnancy is ${formatDayDate(week23)} (the expected date of delivery, ${formatDayDate(unborn.expectedDateOfDelivery)}, less ${String(40 - week)} weeks).`;
  if (!week23.isAfter(strategyHeldOn)) {
    return {
      ...standard,
      summary: `${standard.summary} The pregnancy had passed week 23 when the strategy discussion was held (a late referral): hold the pre-birth conference as early as possible.`,
      source: `${standard.source}; ${PRE_BIRTH_INITIAL_CONFERENCE.source}`,
      arithmetic: `${gestation} ${standard.arithmetic}`,
    };
  }
  if (week23.isBefore(standard.due)) {
    return {
      rule: PRE_BIRTH_INITIAL_CONFERENCE,
      anchor: unborn.expectedDateOfDelivery,
      due: week23,
      summary:
        'The pre-birth initial child protection conference is due by week 23 of the pregnancy, earlier than 15 working days after the strategy discussion. Hold it earlier if a premature birth is likely.',
      source: `${PRE_BIRTH_INITIAL_CONFERENCE.source}; ${standard.source}`,
      arithmetic: `${gestation} ${standard.arithmetic} The earlier date applies.`,
    };
  }
  return {
    ...standard,
    summary: `${standard.summary} That is before week 23 of the pregnancy, so it applies to this unborn baby too.`,
    source: `${standard.source}; ${PRE_BIRTH_INITIAL_CONFERENCE.source}`,
    arithmetic: `${standard.arithmetic} ${gestation} The earlier date applies.`,
  };
}

export function initialConferenceDueOn(
  strategyHeldOn: LocalDate,
  unborn: { readonly expectedDateOfDelivery: LocalDate } | null,
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): LocalDate {
  return explainInitialConferenceDue(strategyHeldOn, unborn, calendar).due;
}
