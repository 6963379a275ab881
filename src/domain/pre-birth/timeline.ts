// The pre-birth timeline (seed 004 §14, domain-spec §1.18): every milestone of the protocol's table
// as a timescale rule anchored on the expected date of delivery (EDD), the expedited assessment when a
// pregnancy is confirmed late, the rules that start at birth, and the Family Support routing rule.
//
// Gestation arithmetic (domain-spec §2.6, src/domain/shared/time/gestation.ts): "at week n" is
// EDD − (40 − n) × 7 days. The shared kernel's dueDate() refuses `GW` rules (it has no EDD), so the
// dates and their explanations for GW rules are worked out here, in the same shape explainDue gives
// ({ summary, source, arithmetic }). Rules counted in working or calendar days from the birth or
// from the date a pregnancy was confirmed go through the shared kernel and the statutory calendar.
//
// The seed calls its table "an ideal timeline ... in case of early enough referrals; in cases of late
// referrals, the process should be expedited" (domain-spec §1.18: expedite, never skip). Only the
// assessment has a stated expedited timescale (10-15 working days); the other milestones keep their
// gestation-week dates, so a late referral shows what is behind the ideal timeline. Pure: no clock,
// `today` is a parameter.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { gestationWeekDate } from '../shared/time/gestation.ts';
import { formatDayDate } from '../shared/time/local-date.ts';
import { dueDate, explainDue, ragStatus, type Rag, type TimescaleRule } from '../shared/timescales/rule.ts';

const SEED_14 = 'Seed 004 (Milton Keynes Local Safeguarding Protocol) §14 Pre-Birth, case progression timeline';

/** The weeks of a full-term pregnancy the gestation arithmetic counts back from (domain-spec §2.6). */
const TERM_WEEKS = 40;

/** The milestones Hearth records for an unborn child, before and after the birth. */
export const PRE_BIRTH_MILESTONE_KEYS = [
  'referral',
  'visit',
  'assessment',
  'strategy',
  'cin_review',
  'icpc_lpm',
  'initial_ppm',
  'support',
  'review_ppm',
  'final_ppm',
  'prepare_issue',
  'issue_application',
  'post_birth_review',
] as const;

export type PreBirthMilestoneKey = (typeof PRE_BIRTH_MILESTONE_KEYS)[number];

export function isPreBirthMilestoneKey(value: string): value is PreBirthMilestoneKey {
  return (PRE_BIRTH_MILESTONE_KEYS as readonly string[]).includes(value);
}

export interface PreBirthMilestone {
  readonly key: PreBirthMilestoneKey;
  /** What the worker would call it. */
  readonly label: string;
  readonly rule: TimescaleRule;
  /** A window (GW25-34, GW34-35): the week it opens; the rule's amount is the week it must be done by. */
  readonly fromWeek?: number;
  /** "If required" in the seed: the worker can record that it is not needed, with the reason. */
  readonly conditional: boolean;
  /** Counted from the birth, not the EDD. */
  readonly afterBirth: boolean;
}

function gwRule(id: string, due: string, week: number, what: string, responsible: string, note = ''): TimescaleRule {
  return {
    id,
    trigger: 'unborn.recorded',
    due,
    amount: week,
    unit: 'GW',
    anchor: 'edd',
    responsible,
    basis: ['SEED'],
    source: `${SEED_14} (${note === '' ? `${String(week)} weeks` : note}); domain-spec §1.18 ${id}`,
    // The rows were read against the seed text itself in this pass.
    verified: true,
    what,
    from: 'the expected date of delivery',
  };
}

function milestone(key: PreBirthMilestoneKey, label: string, rule: TimescaleRule, conditional: boolean, fromWeek?: number): PreBirthMilestone {
  return fromWeek === undefined ? { key, label, rule, conditional, afterBirth: false } : { key, label, rule, conditional, afterBirth: false, fromWeek };
}

/** PB-01: "12 weeks: Contact/Progress to Referral" (around the 12-week scan). */
export const PB_REFERRAL = milestone(
  'referral',
  'Contact progressed to referral',
  gwRule('PB-01', 'pre-birth.referral', 12, 'contact progressed to referral', 'MASH'),
  false,
);
/** PB-02: "13 weeks: Post Referral Visit". */
export const PB_VISIT = milestone('visit', 'Post-referral visit', gwRule('PB-02', 'pre-birth.visit', 13, 'the post-referral visit', 'SW'), false);
/** PB-03: "19 weeks: Completion of Pre-Birth Child and Family Assessment" ("completed by week 19"). */
export const PB_ASSESSMENT = milestone(
  'assessment',
  'Pre-birth child and family assessment completed',
  gwRule('PB-03', 'pre-birth.assessment', 19, 'the pre-birth child and family assessment', 'SW'),
  false,
);
/** PB-05: "20 weeks: Strategy discussion/Meeting (if required)". */
export const PB_STRATEGY = milestone(
  'strategy',
  'Strategy discussion or meeting (if required)',
  gwRule('PB-05', 'pre-birth.strategy', 20, 'a strategy discussion or meeting', 'TM'),
  true,
);
/** PB-06: "21 weeks: CIN review (if that's the case progression pathway)". */
export const PB_CIN_REVIEW = milestone(
  'cin_review',
  'Child in need review (if on the child in need pathway)',
  gwRule('PB-06', 'pre-birth.cin-review', 21, 'the child in need review', 'SW'),
  true,
);
/**
 * PB-07 (= CP-08): "23 weeks: ICPC/LPM (if required)"; "an Initial Child Protection Conference should
 * be convened by week 23 of the pregnancy" (earlier if a premature birth is likely).
 */
export const PB_ICPC_LPM = milestone(
  'icpc_lpm',
  'Initial child protection conference or legal planning meeting (if required)',
  gwRule('PB-07', 'pre-birth.icpc-lpm', 23, 'the initial child protection conference or legal planning meeting', 'CP_CHAIR'),
  true,
);
/** PB-08: "25 weeks: Initial Pre-Proceedings Meeting". */
export const PB_INITIAL_PPM = milestone(
  'initial_ppm',
  'Initial pre-proceedings meeting (if required)',
  gwRule('PB-08', 'pre-birth.initial-ppm', 25, 'the initial pre-proceedings meeting', 'TM'),
  true,
);
/** PB-09: "25-34 weeks: Support/Assessments" (a window). */
export const PB_SUPPORT = milestone(
  'support',
  'Support and assessments',
  gwRule('PB-09', 'pre-birth.support', 34, 'support and assessments', 'SW', '25-34 weeks'),
  true,
  25,
);
/** PB-10: "30 weeks: Review Pre-Proceedings Meeting". */
export const PB_REVIEW_PPM = milestone(
  'review_ppm',
  'Review pre-proceedings meeting (if required)',
  gwRule('PB-10', 'pre-birth.review-ppm', 30, 'the review pre-proceedings meeting', 'TM'),
  true,
);
/** PB-11: "34-35 weeks: Final Pre-Proceedings Meeting" (a window). */
export const PB_FINAL_PPM = milestone(
  'final_ppm',
  'Final pre-proceedings meeting (if required)',
  gwRule('PB-11', 'pre-birth.final-ppm', 35, 'the final pre-proceedings meeting', 'TM', '34-35 weeks'),
  true,
  34,
);
/**
 * PB-12: "35 weeks: Preparation to issue (if that's the care plan). Draft SWET to be ready"; draft court
 * documents "sent to legal team by 34-35 weeks of gestation".
 */
export const PB_PREPARE_ISSUE = milestone(
  'prepare_issue',
  'Preparation to issue: draft statement and evidence with legal (if that is the care plan)',
  gwRule('PB-12', 'pre-birth.prepare-issue', 35, 'preparation to issue, with the draft social work evidence template ready', 'SW'),
  true,
);

/** Before the birth, in the order of the seed's table. */
export const PRE_BIRTH_MILESTONES: readonly PreBirthMilestone[] = [
  PB_REFERRAL,
  PB_VISIT,
  PB_ASSESSMENT,
  PB_STRATEGY,
  PB_CIN_REVIEW,
  PB_ICPC_LPM,
  PB_INITIAL_PPM,
  PB_SUPPORT,
  PB_REVIEW_PPM,
  PB_FINAL_PPM,
  PB_PREPARE_ISSUE,
];

/**
 * ASS-07: "In cases where pregnancy is confirmed later (i.e., beyond the 12-week point), the Pre-Birth
 * assessment should be expedited (i.e., completed in 10-15 working days)" (seed 004 §14, "The
 * Assessment"). Hearth takes the latest day of that range, 15 working days from the day the pregnancy
 * was confirmed, as the due date (the latest compliant date, domain-spec §0.3 "≤"), and shows the
 * 10th working day as the day the expedited window opens.
 */
export const EXPEDITED_ASSESSMENT: TimescaleRule = {
  id: 'ASS-07',
  trigger: 'pregnancy.confirmed-late',
  due: 'pre-birth.assessment',
  amount: 15,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['SEED'],
  source:
    'Seed 004 §14 Pre-Birth, "The Assessment": pregnancy confirmed beyond the 12-week point, assessment completed in 10-15 working days (Hearth: due on the 15th); domain-spec §1.3 ASS-07',
  verified: true,
  what: 'the expedited pre-birth child and family assessment',
  from: 'the pregnancy was confirmed (after the 12-week point)',
};

/** The start of the expedited window, in working days (the "10" of "10-15 working days"). */
export const EXPEDITED_ASSESSMENT_FROM_WORKING_DAYS = 10;

/**
 * PB-14 / PLO-10: "Day of Birth: Issue court application on first working day after birth"; "An
 * application must be made immediately after the birth of the child - on the day of birth or first
 * working day after birth" (seed 004 §14). The latest compliant day is the first working day after the
 * day of birth.
 */
export const ISSUE_AT_BIRTH: TimescaleRule = {
  id: 'PLO-10',
  trigger: 'birth.recorded',
  due: 'proceedings.issued',
  amount: 1,
  unit: 'WD',
  anchor: 'dob',
  responsible: 'LEGAL',
  basis: ['SEED'],
  source:
    'Seed 004 §14 Pre-Birth: issue the court application on the day of birth or the first working day after birth (if that is the care plan); domain-spec §1.18 PB-14, §1.6 PLO-10',
  verified: true,
  what: 'the care application (if an application at birth is the plan)',
  from: 'the baby was born',
};

/**
 * CP-06: "If the unborn baby is made subject to a CP plan at the initial pre-birth conference, then a
 * Review Conference or Core Group should be held within 10 days of the birth (20 days if the mother is
 * not medically fit to attend a meeting within the first 10 days)" (seed 004 §14). The seed says
 * "days", not "working days": calendar days (domain-spec §1.4 CP-06 treats them so; §0.3 N CD).
 */
export const POST_BIRTH_REVIEW: TimescaleRule = {
  id: 'CP-06',
  trigger: 'birth.recorded',
  due: 'cp.post-birth-review',
  amount: 10,
  unit: 'CD',
  anchor: 'dob',
  responsible: 'CP_CHAIR',
  basis: ['SEED'],
  source:
    'Seed 004 §14 Pre-Birth: review conference or core group within 10 days of the birth, 20 days if the mother is not medically fit (calendar days: the seed says "days"); domain-spec §1.4 CP-06',
  verified: true,
  what: 'a review child protection conference or core group (if the baby has a child protection plan from before birth)',
  from: 'the baby was born',
};

/** CP-06 when the mother is not medically fit to attend a meeting within the first 10 days. */
export const POST_BIRTH_REVIEW_MOTHER_UNFIT: TimescaleRule = {
  ...POST_BIRTH_REVIEW,
  amount: 20,
  what: 'a review child protection conference or core group (the mother not medically fit to attend in the first 10 days)',
};

export const ISSUE_APPLICATION_MILESTONE: PreBirthMilestone = {
  key: 'issue_application',
  label: 'Care application issued (if an application at birth is the plan)',
  rule: ISSUE_AT_BIRTH,
  conditional: true,
  afterBirth: true,
};

export const POST_BIRTH_REVIEW_MILESTONE: PreBirthMilestone = {
  key: 'post_birth_review',
  label: 'Review conference or core group after the birth (if on a child protection plan)',
  rule: POST_BIRTH_REVIEW,
  conditional: true,
  afterBirth: true,
};

export const ALL_MILESTONES: readonly PreBirthMilestone[] = [...PRE_BIRTH_MILESTONES, ISSUE_APPLICATION_MILESTONE, POST_BIRTH_REVIEW_MILESTONE];

export function milestoneOf(key: PreBirthMilestoneKey): PreBirthMilestone {
  const found = ALL_MILESTONES.find((m) => m.key === key);
  if (found === undefined) throw new RangeError(`No pre-birth milestone ${key}`);
  return found;
}

/** What every due date on the page says about itself (the shape explainDue gives). */
export interface TimelineExplanation {
  readonly summary: string;
  readonly source: string;
  readonly arithmetic: string;
}

function weekArithmetic(edd: LocalDate, week: number): string {
  const days = (TERM_WEEKS - week) * 7;
  return `Week ${String(week)} of the pregnancy is (40 − ${String(week)}) × 7 = ${String(days)} days before the expected date of delivery, ${formatDayDate(edd)}: ${formatDayDate(gestationWeekDate(edd, week))}.`;
}

/** The date a GW rule is due by: EDD − (40 − n) × 7 days (domain-spec §2.6). */
export function gestationDueOn(rule: TimescaleRule, edd: LocalDate): LocalDate {
  if (rule.unit !== 'GW') throw new RangeError(`Rule ${rule.id} counts in ${rule.unit}, not weeks of pregnancy`);
  return gestationWeekDate(edd, rule.amount);
}

/** The rule, its source and the gestation arithmetic behind a GW milestone's date. */
export function explainGestationDue(
  m: PreBirthMilestone,
  edd: LocalDate,
): TimelineExplanation & { readonly due: LocalDate; readonly dueFrom: LocalDate | null } {
  const due = gestationDueOn(m.rule, edd);
  const what = capitalise(m.rule.what);
  if (m.fromWeek === undefined) {
    return {
      due,
      dueFrom: null,
      summary: `${what} is due by week ${String(m.rule.amount)} of the pregnancy.`,
      source: m.rule.source,
      arithmetic: weekArithmetic(edd, m.rule.amount),
    };
  }
  return {
    due,
    dueFrom: gestationWeekDate(edd, m.fromWeek),
    summary: `${what} runs from week ${String(m.fromWeek)} to week ${String(m.rule.amount)} of the pregnancy.`,
    source: m.rule.source,
    arithmetic: `${weekArithmetic(edd, m.fromWeek)} ${weekArithmetic(edd, m.rule.amount)}`,
  };
}

/** The 12-week point: a pregnancy confirmed after this day is a late confirmation (seed 004 §14). */
export function twelveWeekPoint(edd: LocalDate): LocalDate {
  return gestationWeekDate(edd, 12);
}

/** "Pregnancy is confirmed later (i.e., beyond the 12-week point)" (seed 004 §14). */
export function isLateConfirmation(edd: LocalDate, confirmedOn: LocalDate): boolean {
  return confirmedOn.isAfter(twelveWeekPoint(edd));
}

/** The day the expedited assessment is due (ASS-07): 15 working days after the late confirmation. */
export function expeditedAssessmentDueOn(confirmedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(EXPEDITED_ASSESSMENT, confirmedOn, calendar);
}

/** The pre-birth initial child protection conference is due by week 23 of the pregnancy (PB-07 / CP-08). */
export function preBirthConferenceDueOn(edd: LocalDate): LocalDate {
  return gestationDueOn(PB_ICPC_LPM.rule, edd);
}

/** The care application is due by the first working day after the birth (PB-14 / PLO-10). */
export function issueApplicationDueOn(birthDate: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(ISSUE_AT_BIRTH, birthDate, calendar);
}

/** The rule for the post-birth review conference or core group (CP-06): 10 days, 20 if the mother is not medically fit. */
export function postBirthReviewRule(motherMedicallyFit: boolean): TimescaleRule {
  return motherMedicallyFit ? POST_BIRTH_REVIEW : POST_BIRTH_REVIEW_MOTHER_UNFIT;
}

/** The day the post-birth review conference or core group is due (CP-06): birth + 10 calendar days, or + 20 if the mother is not medically fit. */
export function postBirthReviewDueOn(birthDate: LocalDate, motherMedicallyFit: boolean): LocalDate {
  return dueDate(postBirthReviewRule(motherMedicallyFit), birthDate);
}

// ---------------------------------------------------------------------------------------------
// The timeline for one unborn child (or a child whose record began unborn).

export interface RecordedMilestone {
  readonly outcome: 'done' | 'not_required';
  readonly happenedOn: LocalDate | null;
  readonly reason: string | null;
}

export interface TimelineInput {
  readonly edd: LocalDate;
  readonly pregnancyConfirmedOn: LocalDate | null;
  readonly birth: { readonly bornOn: LocalDate; readonly motherMedicallyFit: boolean } | null;
  readonly recorded: ReadonlyMap<PreBirthMilestoneKey, RecordedMilestone>;
  readonly today: LocalDate;
}

export type MilestoneStatus = 'done' | 'not_required' | 'closed_at_birth' | 'overdue' | 'due' | 'upcoming';

export interface TimelineRow {
  readonly key: PreBirthMilestoneKey;
  readonly ruleId: string;
  readonly label: string;
  readonly conditional: boolean;
  readonly afterBirth: boolean;
  readonly dueFrom: LocalDate | null;
  readonly dueOn: LocalDate;
  readonly explanation: TimelineExplanation;
  readonly status: MilestoneStatus;
  /** Red, amber or green while it is open; null once done, not required or closed. */
  readonly rag: Rag | null;
  /** "Done 3 April 2026", "Overdue by 2 working days", "No longer due: born 1 June 2026". */
  readonly statusText: string;
  readonly recorded: RecordedMilestone | null;
  /** Done on or before its due date (null while not done). */
  readonly onTime: boolean | null;
}

/** Amber from this many working days before a milestone is due (CFG: the seed gives no RAG bands; domain-spec §5). */
export const PRE_BIRTH_AMBER_WITHIN_WORKING_DAYS = 5;

interface Timed {
  readonly m: PreBirthMilestone;
  readonly dueOn: LocalDate;
  readonly dueFrom: LocalDate | null;
  readonly explanation: TimelineExplanation;
  readonly ruleId: string;
}

function timedMilestones(input: TimelineInput, calendar: WorkingDayCalendar): Timed[] {
  const out: Timed[] = [];
  for (const m of PRE_BIRTH_MILESTONES) {
    if (m.key === 'assessment' && input.pregnancyConfirmedOn !== null && isLateConfirmation(input.edd, input.pregnancyConfirmedOn)) {
      const e = explainDue(EXPEDITED_ASSESSMENT, input.pregnancyConfirmedOn, calendar);
      const opens = calendar.addWorkingDays(input.pregnancyConfirmedOn, EXPEDITED_ASSESSMENT_FROM_WORKING_DAYS);
      out.push({
        m,
        dueOn: e.due,
        dueFrom: opens,
        ruleId: EXPEDITED_ASSESSMENT.id,
        explanation: {
          summary: `The pregnancy was confirmed on ${formatDayDate(input.pregnancyConfirmedOn)}, after the 12-week point (${formatDayDate(twelveWeekPoint(input.edd))}), so the assessment is expedited: completed in 10 to 15 working days instead of by week 19. ${e.summary}`,
          source: e.source,
          arithmetic: e.arithmetic,
        },
      });
      continue;
    }
    const e = explainGestationDue(m, input.edd);
    out.push({ m, dueOn: e.due, dueFrom: e.dueFrom, ruleId: m.rule.id, explanation: { summary: e.summary, source: e.source, arithmetic: e.arithmetic } });
  }
  if (input.birth !== null) {
    const { bornOn, motherMedicallyFit } = input.birth;
    const issue = explainDue(ISSUE_AT_BIRTH, bornOn, calendar);
    out.push({
      m: ISSUE_APPLICATION_MILESTONE,
      dueOn: issue.due,
      dueFrom: bornOn,
      ruleId: ISSUE_AT_BIRTH.id,
      explanation: { summary: `${issue.summary} On the day of birth or the first working day after it.`, source: issue.source, arithmetic: issue.arithmetic },
    });
    const review = explainDue(postBirthReviewRule(motherMedicallyFit), bornOn, calendar);
    const why = motherMedicallyFit
      ? 'The mother was recorded as medically fit to attend a meeting, so 10 days.'
      : 'The mother was recorded as not medically fit to attend a meeting in the first 10 days, so 20 days.';
    out.push({
      m: POST_BIRTH_REVIEW_MILESTONE,
      dueOn: review.due,
      dueFrom: null,
      ruleId: POST_BIRTH_REVIEW.id,
      explanation: { summary: `${review.summary} ${why}`, source: review.source, arithmetic: review.arithmetic },
    });
  }
  return out;
}

/**
 * Every milestone with its due date, explanation and status. Once the birth is recorded, a pre-birth
 * milestone not yet recorded whose due date is after the day of birth is no longer due ("closed at
 * birth"), and the post-birth rules (issue the application, the post-birth review) start.
 */
export function preBirthTimeline(input: TimelineInput, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): TimelineRow[] {
  return timedMilestones(input, calendar).map(({ m, dueOn, dueFrom, explanation, ruleId }) => {
    const recorded = input.recorded.get(m.key) ?? null;
    const base = { key: m.key, ruleId, label: m.label, conditional: m.conditional, afterBirth: m.afterBirth, dueFrom, dueOn, explanation, recorded };
    if (recorded?.outcome === 'done' && recorded.happenedOn !== null) {
      return { ...base, status: 'done', rag: null, statusText: `Done ${formatDayDate(recorded.happenedOn)}`, onTime: !recorded.happenedOn.isAfter(dueOn) };
    }
    if (recorded?.outcome === 'not_required') return { ...base, status: 'not_required', rag: null, statusText: 'Not required', onTime: null };
    if (!m.afterBirth && input.birth !== null && dueOn.isAfter(input.birth.bornOn)) {
      return { ...base, status: 'closed_at_birth', rag: null, statusText: `No longer due: born ${formatDayDate(input.birth.bornOn)}`, onTime: null };
    }
    const rag = ragStatus(dueOn, input.today, PRE_BIRTH_AMBER_WITHIN_WORKING_DAYS, calendar);
    const status: MilestoneStatus = rag.rag === 'red' ? 'overdue' : rag.rag === 'amber' ? 'due' : 'upcoming';
    return { ...base, status, rag: rag.rag, statusText: rag.label, onTime: null };
  });
}

/** The milestones still open (overdue, due or upcoming): what "My work" lists. */
export function openMilestones(rows: readonly TimelineRow[]): TimelineRow[] {
  return rows.filter((r) => r.status === 'overdue' || r.status === 'due' || r.status === 'upcoming');
}

// ---------------------------------------------------------------------------------------------
// The strategy discussion prompt (PB-05).

/** Where the unborn child's strategy discussion stands, from the child protection module. */
export type StrategyDiscussionState = 'none' | 'to_be_held' | 'held';

/**
 * PB-05: "20 weeks: Strategy discussion/Meeting (if required)" (seed 004 §14). Before the birth, the
 * page and My work prompt the worker to convene one while the week-20 milestone is open, until a
 * discussion is convened for the unborn child or the milestone is recorded (done, or not required with
 * the reason). Once one is convened, its own due date (S47-01) takes over.
 */
export function strategyDiscussionPrompted(row: TimelineRow | undefined, discussion: StrategyDiscussionState): boolean {
  if (row === undefined || discussion !== 'none') return false;
  return row.status === 'overdue' || row.status === 'due' || row.status === 'upcoming';
}

// ---------------------------------------------------------------------------------------------
// The FGC prompt (PB-04) and the Family Support routing rule (PB-15).

/**
 * PB-04: "Upon completion of the Pre-Birth Assessment, a referral should be made to the Family Group
 * Conference (FGC) Service" (seed 004 §14). The page prompts for it once the assessment is recorded
 * as done, until an FGC referral is recorded or declined with a reason.
 */
export function fgcReferralPrompted(assessment: RecordedMilestone | null, fgcOutcome: 'referred' | 'declined' | null): boolean {
  return assessment?.outcome === 'done' && fgcOutcome === null;
}

export const FGC_REFERRAL_SOURCE =
  'Seed 004 §14 Pre-Birth, "The Assessment": on completion of the pre-birth assessment, a referral to the Family Group Conference service; domain-spec §1.18 PB-04';

export interface TeamRoute {
  readonly route: 'family_support' | 'mash';
  readonly reason: string;
  readonly source: string;
}

const ROUTE_SOURCE = 'Seed 004 §14 Pre-Birth, "What happens next?"; domain-spec §1.18 PB-15';

/**
 * PB-15: "Where contact is made for unborn children of care proceedings experienced parents within 12
 * months of the last proceedings, the referral and pre-birth assessment should progress directly to
 * the Family Support Service" (after the Heads of Service agree). Otherwise the MASH decides whether
 * the contact becomes a referral or a targeted early help offer. Twelve months are calendar months
 * (domain-spec §0.3 N M): within if the contact is on or before the day 12 months after the
 * proceedings ended.
 */
export function preBirthReferralRoute(contactOn: LocalDate, previousProceedingsEndedOn: LocalDate | null): TeamRoute {
  if (previousProceedingsEndedOn === null) {
    return {
      route: 'mash',
      reason: 'No earlier care proceedings are recorded: the MASH decides whether the contact becomes a referral or a targeted early help offer.',
      source: ROUTE_SOURCE,
    };
  }
  const limit = previousProceedingsEndedOn.plusMonths(12);
  if (contactOn.isAfter(limit)) {
    return {
      route: 'mash',
      reason: `The earlier care proceedings ended on ${formatDayDate(previousProceedingsEndedOn)}, more than 12 months before the contact on ${formatDayDate(contactOn)}: the MASH decides the next step.`,
      source: ROUTE_SOURCE,
    };
  }
  return {
    route: 'family_support',
    reason: `The parents' earlier care proceedings ended on ${formatDayDate(previousProceedingsEndedOn)}, within 12 months of the contact on ${formatDayDate(contactOn)} (12 months runs to ${formatDayDate(limit)}): the referral and pre-birth assessment go straight to the Family Support Service, once the Heads of Service agree.`,
    source: ROUTE_SOURCE,
  };
}

function capitalise(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
