// The young carer's needs assessment rules, one test per rule: YC-01 (45 working days from the request,
// over bank holidays), YC-02 (support plan review 3 months after authorisation), timeliness, what
// stops a submission (the matters the Act and Regulations require), draft checks on the seen date and
// outcomes, transitions, and the lead service by who is cared for (seed 004 §17).
import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../src/domain/shared/time/local-date.ts';
import {
  explainSupportPlanReviewDue,
  explainYoungCarerAssessmentDue,
  supportPlanReviewDueOn,
  youngCarerAssessmentDueOn,
  youngCarerAssessmentRag,
  youngCarerAssessmentTimeliness,
  YOUNG_CARER_ASSESSMENT_COMPLETION,
} from '../../../src/domain/young-carers/timescales.ts';
import {
  canTransition,
  CARED_FOR_FROM_PERSON_RELATIONSHIP,
  draftProblems,
  isEditable,
  leadService,
  planReviewDateProblem,
  requestDateProblem,
  submissionProblems,
  YOUNG_CARER_MESSAGES,
  YOUNG_CARER_SECTION_KEYS,
  type YoungCarerContent,
} from '../../../src/domain/young-carers/young-carer-assessment.ts';

const d = (iso: string) => LocalDate.parse(iso);

describe('YC-01: the assessment is due 45 working days from the request', () => {
  it('counts working days only (Tuesday 7 April 2026 -> Thursday 11 June 2026, over Easter Monday and the May bank holidays)', () => {
    expect(youngCarerAssessmentDueOn(d('2026-04-07')).toString()).toBe('2026-06-11');
  });

  it('skips Christmas and New Year', () => {
    expect(youngCarerAssessmentDueOn(d('2026-11-12')).toString()).toBe('2027-01-19');
  });

  it('explains itself: the rule, its source and the arithmetic', () => {
    const due = explainYoungCarerAssessmentDue(d('2026-11-12'));
    expect(due.summary).toContain('45 working days');
    expect(due.source).toContain('Seed 004 §17');
    expect(due.source).toContain('s17ZA');
    expect(due.arithmetic).toContain('Christmas Day');
    expect(YOUNG_CARER_ASSESSMENT_COMPLETION.verified).toBe(false);
  });

  it('is amber in the last 10 working days and red once past', () => {
    expect(youngCarerAssessmentRag(d('2026-04-07'), d('2026-04-08')).rag).toBe('green');
    expect(youngCarerAssessmentRag(d('2026-04-07'), d('2026-06-01')).rag).toBe('amber');
    expect(youngCarerAssessmentRag(d('2026-04-07'), d('2026-06-12')).rag).toBe('red');
  });

  it('records timeliness on the day of authorisation', () => {
    expect(youngCarerAssessmentTimeliness(d('2026-04-07'), d('2026-06-11'))).toEqual({ met: true, workingDaysTaken: 45 });
    expect(youngCarerAssessmentTimeliness(d('2026-04-07'), d('2026-06-12')).met).toBe(false);
  });
});

describe('YC-02: a support plan is reviewed 3 months after authorisation', () => {
  it('is the same day three months later, clamped to the month’s end', () => {
    expect(supportPlanReviewDueOn(d('2026-04-20')).toString()).toBe('2026-07-20');
    expect(supportPlanReviewDueOn(d('2026-11-30')).toString()).toBe('2027-02-28');
  });

  it('explains itself', () => {
    const due = explainSupportPlanReviewDue(d('2026-04-20'));
    expect(due.rule.id).toBe('YC-02');
    expect(due.summary).toContain('3 months');
  });
});

const full = (overrides: Partial<YoungCarerContent> = {}): YoungCarerContent => ({
  sections: Object.fromEntries(YOUNG_CARER_SECTION_KEYS.map((k) => [k, `Some ${k}.`])) as YoungCarerContent['sections'],
  youngCarerSeenOn: '2026-04-08',
  careAppropriate: 'appropriate',
  wishesToContinueCaring: null,
  outcomes: ['support_plan'],
  ...overrides,
});
const context = { requestedOn: d('2026-04-07'), today: d('2026-04-20'), caredForIsAdult: true };

describe('submission: what the Act and the Regulations require the assessment to consider', () => {
  it('accepts a complete assessment (the wish to continue caring is optional)', () => {
    expect(submissionProblems(full(), context, parseLocalDate)).toEqual({});
  });

  it('needs every section written', () => {
    for (const key of YOUNG_CARER_SECTION_KEYS) {
      const content = full();
      const problems = submissionProblems({ ...content, sections: { ...content.sections, [key]: '  ' } }, context, parseLocalDate);
      expect(Object.keys(problems)).toEqual([key]);
    }
  });

  it('needs the young carer seen, the judgement on appropriateness and an outcome', () => {
    const problems = submissionProblems(full({ youngCarerSeenOn: null, careAppropriate: null, outcomes: [] }), context, parseLocalDate);
    expect(problems).toEqual({
      youngCarerSeenOn: YOUNG_CARER_MESSAGES.seenOn,
      careAppropriate: YOUNG_CARER_MESSAGES.careAppropriate,
      outcomes: YOUNG_CARER_MESSAGES.outcomes,
    });
  });
});

describe('draft checks', () => {
  it('refuses a seen date before the request or in the future', () => {
    expect(draftProblems({ youngCarerSeenOn: '2026-04-06', outcomes: [] }, context, parseLocalDate)).toEqual({
      youngCarerSeenOn: YOUNG_CARER_MESSAGES.seenBeforeRequest,
    });
    expect(draftProblems({ youngCarerSeenOn: '2026-04-21', outcomes: [] }, context, parseLocalDate)).toEqual({
      youngCarerSeenOn: YOUNG_CARER_MESSAGES.seenInFuture,
    });
    expect(draftProblems({ youngCarerSeenOn: '2026-04-07', outcomes: [] }, context, parseLocalDate)).toEqual({});
  });

  it('keeps “no further action” on its own', () => {
    expect(draftProblems({ youngCarerSeenOn: null, outcomes: ['no_further_action', 'support_plan'] }, context, parseLocalDate)).toEqual({
      outcomes: YOUNG_CARER_MESSAGES.nfaAlone,
    });
  });

  it('refers to Adult Services only for an adult cared for (seed 004 §17)', () => {
    const child = { ...context, caredForIsAdult: false };
    expect(draftProblems({ youngCarerSeenOn: null, outcomes: ['adult_care_assessment_referral'] }, child, parseLocalDate)).toEqual({
      outcomes: YOUNG_CARER_MESSAGES.adultReferralNeedsAdult,
    });
    expect(
      draftProblems({ youngCarerSeenOn: null, outcomes: ['adult_care_assessment_referral', 'signpost_young_carers_service'] }, context, parseLocalDate),
    ).toEqual({});
  });
});

describe('life of the assessment', () => {
  it('the worker submits; the manager returns or authorises; only in progress is editable', () => {
    expect(canTransition('in_progress', 'submit')).toBe(true);
    expect(canTransition('awaiting_authorisation', 'submit')).toBe(false);
    expect(canTransition('awaiting_authorisation', 'return')).toBe(true);
    expect(canTransition('awaiting_authorisation', 'authorise')).toBe(true);
    expect(canTransition('authorised', 'return')).toBe(false);
    expect(isEditable('in_progress')).toBe(true);
    expect(isEditable('awaiting_authorisation')).toBe(false);
    expect(isEditable('authorised')).toBe(false);
  });

  it('names the lead service by who is cared for (seed 004 §17)', () => {
    expect(leadService(true)).toContain('Adult Services lead');
    expect(leadService(true)).toContain('Access Team');
    expect(leadService(false)).toContain('Children’s Services lead');
    expect(leadService(false)).toContain('MASH');
  });

  it('maps a person-record relationship to who is cared for', () => {
    expect(CARED_FOR_FROM_PERSON_RELATIONSHIP['half_sibling']).toBe('sibling');
    expect(CARED_FOR_FROM_PERSON_RELATIONSHIP['parent']).toBe('parent');
    expect(CARED_FOR_FROM_PERSON_RELATIONSHIP['professional']).toBeUndefined();
  });
});

describe('support plan review date', () => {
  it('is not before the plan was agreed or last reviewed, nor in the future', () => {
    expect(planReviewDateProblem(d('2026-07-01'), d('2026-07-02'), d('2026-07-10'))).toBe(YOUNG_CARER_MESSAGES.reviewedBeforePlan);
    expect(planReviewDateProblem(d('2026-07-11'), d('2026-07-02'), d('2026-07-10'))).toBe(YOUNG_CARER_MESSAGES.reviewedInFuture);
    expect(planReviewDateProblem(d('2026-07-02'), d('2026-07-02'), d('2026-07-10'))).toBeNull();
  });
});

describe('request date', () => {
  it('is not in the future, nor before the child was born (or the calendar’s first year when no date of birth is known)', () => {
    const today = d('2026-07-10');
    expect(requestDateProblem(d('2026-07-11'), today, d('2015-01-01'), 1978)).toBe(YOUNG_CARER_MESSAGES.requestedInFuture);
    expect(requestDateProblem(d('2014-12-31'), today, d('2015-01-01'), 1978)).toBe(YOUNG_CARER_MESSAGES.requestedBeforeBirth);
    expect(requestDateProblem(d('1900-01-01'), today, null, 1978)).toBe(YOUNG_CARER_MESSAGES.requestedBeforeBirth);
    expect(requestDateProblem(d('2026-07-10'), today, d('2015-01-01'), 1978)).toBeNull();
  });
});
