// Each pre-birth timescale against seed 004 §14 and the worked example of domain-spec §2.6.
import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import {
  ALL_MILESTONES,
  expeditedAssessmentDueOn,
  explainGestationDue,
  fgcReferralPrompted,
  isLateConfirmation,
  issueApplicationDueOn,
  openMilestones,
  postBirthReviewDueOn,
  preBirthConferenceDueOn,
  preBirthReferralRoute,
  preBirthTimeline,
  PRE_BIRTH_MILESTONES,
  strategyDiscussionPrompted,
  type PreBirthMilestoneKey,
  type RecordedMilestone,
} from '../../../src/domain/pre-birth/timeline.ts';

const d = (iso: string) => LocalDate.parse(iso);
const EDD = d('2026-09-01');

describe('gestation-week milestones (seed 004 §14 table; domain-spec §2.6 example, EDD 1 September 2026)', () => {
  it.each([
    ['referral', 'PB-01', 12, '2026-02-17'],
    ['visit', 'PB-02', 13, '2026-02-24'],
    ['assessment', 'PB-03', 19, '2026-04-07'],
    ['strategy', 'PB-05', 20, '2026-04-14'],
    ['cin_review', 'PB-06', 21, '2026-04-21'],
    ['icpc_lpm', 'PB-07', 23, '2026-05-05'],
    ['initial_ppm', 'PB-08', 25, '2026-05-19'],
    ['support', 'PB-09', 34, '2026-07-21'],
    ['review_ppm', 'PB-10', 30, '2026-06-23'],
    ['final_ppm', 'PB-11', 35, '2026-07-28'],
    ['prepare_issue', 'PB-12', 35, '2026-07-28'],
  ] as const)('%s (%s) is due at week %i: %s', (key, id, week, due) => {
    const m = PRE_BIRTH_MILESTONES.find((x) => x.key === key);
    expect(m?.rule).toMatchObject({ id, unit: 'GW', amount: week, anchor: 'edd' });
    if (m === undefined) return;
    const e = explainGestationDue(m, EDD);
    expect(e.due.toString()).toBe(due);
    expect(e.source).toContain('Seed 004');
    expect(e.arithmetic).toContain(
      `(40 − ${String(week)}) × 7 = ${String((40 - week) * 7)} days before the expected date of delivery, Tuesday 1 September 2026`,
    );
  });

  it('gives the windows of the seed (25-34 weeks, 34-35 weeks) a start and an end', () => {
    const support = explainGestationDue(PRE_BIRTH_MILESTONES.find((m) => m.key === 'support') ?? PRE_BIRTH_MILESTONES[0]!, EDD);
    expect([support.dueFrom?.toString(), support.due.toString()]).toEqual(['2026-05-19', '2026-07-21']);
    const finalPpm = explainGestationDue(PRE_BIRTH_MILESTONES.find((m) => m.key === 'final_ppm') ?? PRE_BIRTH_MILESTONES[0]!, EDD);
    expect([finalPpm.dueFrom?.toString(), finalPpm.due.toString()]).toEqual(['2026-07-21', '2026-07-28']);
    expect(finalPpm.summary).toBe('The final pre-proceedings meeting runs from week 34 to week 35 of the pregnancy.');
  });

  it('has every row of the seed table, each citing §14', () => {
    expect(PRE_BIRTH_MILESTONES.map((m) => m.rule.id)).toEqual([
      'PB-01',
      'PB-02',
      'PB-03',
      'PB-05',
      'PB-06',
      'PB-07',
      'PB-08',
      'PB-09',
      'PB-10',
      'PB-11',
      'PB-12',
    ]);
    for (const m of ALL_MILESTONES) expect(m.rule.source).toMatch(/Seed 004 .*§14/);
  });

  it('exports the pre-birth conference date for the child protection module: week 23', () => {
    expect(preBirthConferenceDueOn(EDD).toString()).toBe('2026-05-05');
    expect(preBirthConferenceDueOn(d('2027-01-01')).toString()).toBe('2026-09-04');
  });
});

describe('late confirmation: expedited assessment in 10-15 working days (seed 004 §14, ASS-07)', () => {
  it.each([
    ['on the 12-week point is not late', '2026-02-17', false],
    ['the day after the 12-week point is late', '2026-02-18', true],
    ['before it is not late', '2026-01-20', false],
  ] as const)('%s', (_, confirmed, late) => {
    expect(isLateConfirmation(EDD, d(confirmed))).toBe(late);
  });

  it.each([
    ['an ordinary fortnight', '2026-03-02', '2026-03-23'],
    ['across Good Friday and Easter Monday 2026', '2026-03-27', '2026-04-21'],
    ['across Christmas, Boxing Day (substitute Monday 28th) and New Year 2026-27', '2026-12-18', '2027-01-13'],
    ['confirmed on a Saturday: counting starts on Monday', '2026-03-07', '2026-03-27'],
  ] as const)('%s: confirmed %s, due %s', (_, confirmed, due) => {
    expect(expeditedAssessmentDueOn(d(confirmed)).toString()).toBe(due);
  });

  it('replaces the week-19 date in the timeline, and says why', () => {
    const rows = preBirthTimeline({ edd: EDD, pregnancyConfirmedOn: d('2026-03-27'), birth: null, recorded: new Map(), today: d('2026-03-30') });
    const assessment = rows.find((r) => r.key === 'assessment');
    expect(assessment).toMatchObject({ ruleId: 'ASS-07', status: 'upcoming', rag: 'green' });
    expect(assessment?.dueOn.toString()).toBe('2026-04-21');
    expect(assessment?.dueFrom?.toString()).toBe('2026-04-14');
    expect(assessment?.explanation.summary).toContain('after the 12-week point (Tuesday 17 February 2026)');
    expect(assessment?.explanation.arithmetic).toContain('Good Friday');
  });
});

describe('after the birth (seed 004 §14 "Day of Birth"; CP-06)', () => {
  it.each([
    ['a Tuesday: the Wednesday', '2026-06-02', '2026-06-03'],
    ['a Friday: the Monday', '2026-06-05', '2026-06-08'],
    ['Good Friday 2026: the Tuesday after Easter Monday', '2026-04-03', '2026-04-07'],
    ['Christmas Eve 2026: Tuesday 29th (25th, weekend, substitute 28th)', '2026-12-24', '2026-12-29'],
  ] as const)('issue the care application by the first working day after birth on %s', (_, born, due) => {
    expect(issueApplicationDueOn(d(born)).toString()).toBe(due);
  });

  it.each([
    [true, '2026-06-02', '2026-06-12'],
    [false, '2026-06-02', '2026-06-22'],
    // calendar days, not moved off a weekend (the seed says "days")
    [true, '2026-12-24', '2027-01-03'],
    [false, '2026-12-24', '2027-01-13'],
  ] as const)('post-birth review conference or core group, mother medically fit %s, born %s: by %s', (fit, born, due) => {
    expect(postBirthReviewDueOn(d(born), fit).toString()).toBe(due);
  });

  it('closes the pre-birth milestones due after the birth and starts the post-birth ones', () => {
    const recorded = new Map<PreBirthMilestoneKey, RecordedMilestone>([['referral', { outcome: 'done', happenedOn: d('2026-02-16'), reason: null }]]);
    const rows = preBirthTimeline({
      edd: EDD,
      pregnancyConfirmedOn: null,
      birth: { bornOn: d('2026-07-01'), motherMedicallyFit: false },
      recorded,
      today: d('2026-07-02'),
    });
    const status = Object.fromEntries(rows.map((r) => [r.key, r.status]));
    expect(status).toMatchObject({
      referral: 'done',
      visit: 'overdue',
      review_ppm: 'overdue',
      support: 'closed_at_birth',
      final_ppm: 'closed_at_birth',
      prepare_issue: 'closed_at_birth',
    });
    expect(rows.find((r) => r.key === 'issue_application')?.dueOn.toString()).toBe('2026-07-02');
    expect(rows.find((r) => r.key === 'issue_application')?.status).toBe('due');
    const review = rows.find((r) => r.key === 'post_birth_review');
    expect(review?.dueOn.toString()).toBe('2026-07-21');
    expect(review?.explanation.summary).toContain('not medically fit');
    expect(openMilestones(rows).map((r) => r.key)).not.toContain('support');
  });

  it('has no post-birth milestones before the birth', () => {
    const rows = preBirthTimeline({ edd: EDD, pregnancyConfirmedOn: null, birth: null, recorded: new Map(), today: d('2026-01-05') });
    expect(rows.map((r) => r.key)).not.toContain('issue_application');
    expect(rows).toHaveLength(11);
  });
});

describe('status and RAG of each milestone', () => {
  const rows = (today: string, recorded: [PreBirthMilestoneKey, RecordedMilestone][] = []) =>
    preBirthTimeline({ edd: EDD, pregnancyConfirmedOn: null, birth: null, recorded: new Map(recorded), today: d(today) });
  it('is green before the amber window, amber in the 5 working days before (counting over Easter), red after', () => {
    // Good Friday and Easter Monday 2026 stretch the 5 working days back to Friday 27 March
    expect(rows('2026-03-26').find((r) => r.key === 'assessment')).toMatchObject({ status: 'upcoming', rag: 'green' });
    expect(rows('2026-03-27').find((r) => r.key === 'assessment')).toMatchObject({ status: 'due', rag: 'amber' });
    expect(rows('2026-04-07').find((r) => r.key === 'assessment')).toMatchObject({ status: 'due', rag: 'amber', statusText: 'Due today' });
    expect(rows('2026-04-08').find((r) => r.key === 'assessment')).toMatchObject({ status: 'overdue', rag: 'red', statusText: 'Overdue by 1 working day' });
  });
  it('shows done (on time or late) and not required', () => {
    const r = rows('2026-05-01', [
      ['assessment', { outcome: 'done', happenedOn: d('2026-04-08'), reason: null }],
      ['strategy', { outcome: 'not_required', happenedOn: null, reason: 'No significant harm concerns' }],
      ['visit', { outcome: 'done', happenedOn: d('2026-02-20'), reason: null }],
    ]);
    expect(r.find((x) => x.key === 'assessment')).toMatchObject({ status: 'done', onTime: false, rag: null });
    expect(r.find((x) => x.key === 'visit')).toMatchObject({ status: 'done', onTime: true });
    expect(r.find((x) => x.key === 'strategy')).toMatchObject({ status: 'not_required', statusText: 'Not required' });
  });
});

describe('the FGC referral prompt (PB-04)', () => {
  it.each([
    [null, null, false],
    [{ outcome: 'done', happenedOn: d('2026-04-01'), reason: null }, null, true],
    [{ outcome: 'done', happenedOn: d('2026-04-01'), reason: null }, 'referred', false],
    [{ outcome: 'done', happenedOn: d('2026-04-01'), reason: null }, 'declined', false],
    [{ outcome: 'not_required', happenedOn: null, reason: 'x' }, null, false],
  ] as const)('assessment %j, FGC %s: prompted %s', (assessment, fgc, prompted) => {
    expect(fgcReferralPrompted(assessment, fgc)).toBe(prompted);
  });
});

describe('routing a pre-birth referral (PB-15: within 12 months of earlier proceedings, straight to Family Support)', () => {
  it.each([
    ['no earlier proceedings', '2026-05-01', null, 'mash'],
    ['ended a month before', '2026-05-01', '2026-04-01', 'family_support'],
    ['ended exactly 12 months before', '2026-11-30', '2025-11-30', 'family_support'],
    ['ended 12 months and a day before', '2026-12-01', '2025-11-30', 'mash'],
    ['ended on 29 February: 12 months runs to 28 February', '2025-03-01', '2024-02-29', 'mash'],
    ['ended on 29 February, contact 28 February next year', '2025-02-28', '2024-02-29', 'family_support'],
  ] as const)('%s', (_, contact, ended, route) => {
    const r = preBirthReferralRoute(d(contact), ended === null ? null : d(ended));
    expect(r.route).toBe(route);
    expect(r.source).toContain('§14');
    expect(r.reason.length).toBeGreaterThan(20);
  });
});

describe('PB-05: the strategy discussion prompt', () => {
  const rows = preBirthTimeline({ edd: EDD, pregnancyConfirmedOn: null, birth: null, recorded: new Map(), today: d('2026-03-01') });
  const strategy = rows.find((r) => r.key === 'strategy');

  it('prompts while the week-20 milestone is open and no discussion is convened', () => {
    expect(strategy?.status).toBe('upcoming');
    expect(strategyDiscussionPrompted(strategy, 'none')).toBe(true);
  });

  it('stops once a discussion is convened or held, or the milestone is recorded, or the baby is born', () => {
    expect(strategyDiscussionPrompted(strategy, 'to_be_held')).toBe(false);
    expect(strategyDiscussionPrompted(strategy, 'held')).toBe(false);
    const notRequired = preBirthTimeline({
      edd: EDD,
      pregnancyConfirmedOn: null,
      birth: null,
      recorded: new Map([['strategy', { outcome: 'not_required', happenedOn: null, reason: 'No harm concerns' }]]),
      today: d('2026-03-01'),
    }).find((r) => r.key === 'strategy');
    expect(strategyDiscussionPrompted(notRequired, 'none')).toBe(false);
    const born = preBirthTimeline({ edd: EDD, pregnancyConfirmedOn: null, birth: { bornOn: d('2026-03-01'), motherMedicallyFit: true }, recorded: new Map(), today: d('2026-03-02') }).find(
      (r) => r.key === 'strategy',
    );
    expect(strategyDiscussionPrompted(born, 'none')).toBe(false);
    expect(strategyDiscussionPrompted(undefined, 'none')).toBe(false);
  });
});
