import { describe, expect, it } from 'vitest';
import {
  checkAttendees,
  checkHeldDiscussion,
  section47KindOf,
  STRATEGY_MESSAGES,
  type AttendeeInput,
  type ChildDecisionInput,
} from '../../../src/domain/child-protection/strategy-discussion.ts';
import { checkSection47Outcome, needsInitialConference, SECTION_47_OUTCOMES } from '../../../src/domain/child-protection/section-47.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const csc: AttendeeInput = { agency: 'childrens_social_care', name: 'A', role: 'SW', attended: true, reportSummary: null };
const police: AttendeeInput = { agency: 'police', name: 'B', role: 'DC', attended: true, reportSummary: null };
const health: AttendeeInput = { agency: 'health', name: 'C', role: 'Nurse', attended: true, reportSummary: null };

describe('who must take part (seed 004 §9)', () => {
  it.each<[string, AttendeeInput[], string | null]>([
    ['social care, police and health', [csc, police, health], null],
    ['health by report', [csc, police, { ...health, attended: false, reportSummary: 'No concerns' }], null],
    ['nobody', [], STRATEGY_MESSAGES.attendees],
    ['no police', [csc, health], STRATEGY_MESSAGES.police],
    ['no health', [csc, police], STRATEGY_MESSAGES.health],
    ['no social care', [police, health], STRATEGY_MESSAGES.socialCare],
    ['absent without a report', [csc, police, { ...health, attended: false, reportSummary: ' ' }], STRATEGY_MESSAGES.attendeeReport],
    ['a nameless attendee', [csc, { ...police, name: ' ' }, health], STRATEGY_MESSAGES.attendeeName],
  ])('%s', (_name, attendees, expected) => {
    expect(checkAttendees(attendees)).toBe(expected);
  });
});

const decision = (overrides: Partial<ChildDecisionInput>): ChildDecisionInput => ({
  childId: 'c1',
  decision: 's47_single_agency',
  reason: 'Reason',
  safetyPlan: 'Plan',
  interimLiving: 'relative',
  abeInterviewNeeded: false,
  paediatricExamNeeded: false,
  nextDiscussionBy: null,
  ...overrides,
});

const held = (decisions: ChildDecisionInput[], attendees: AttendeeInput[] = [csc, police, health], heldOn = '2026-03-10') =>
  checkHeldDiscussion(
    { heldOn: d(heldOn), format: 'meeting', chairName: 'Chair', mashChecksConsidered: true, mashChecksSummary: 'Checks', attendees, decisions },
    d('2026-03-09'),
    d('2026-03-10'),
  );

describe('the decision for each child', () => {
  it.each<[string, Partial<ChildDecisionInput>, Record<string, string>]>([
    ['single agency s47 with a safety plan', {}, {}],
    [
      's47 without a safety plan, living arrangement, ABE or paediatric answer',
      { safetyPlan: null, interimLiving: null, abeInterviewNeeded: null, paediatricExamNeeded: null },
      {
        'safetyPlan-c1': STRATEGY_MESSAGES.safetyPlan,
        'interimLiving-c1': STRATEGY_MESSAGES.interimLiving,
        'abe-c1': STRATEGY_MESSAGES.abe,
        'paediatric-c1': STRATEGY_MESSAGES.paediatric,
      },
    ],
    ['no s47 needs only reasons', { decision: 'no_s47', safetyPlan: null, interimLiving: null, abeInterviewNeeded: null, paediatricExamNeeded: null }, {}],
    ['no reasons', { decision: 'no_s47', reason: ' ' }, { 'reason-c1': STRATEGY_MESSAGES.reason }],
    ['further strategy without a date', { decision: 'further_strategy' }, { 'nextDiscussionBy-c1': STRATEGY_MESSAGES.nextDiscussionBy }],
    [
      'further strategy dated before this one',
      { decision: 'further_strategy', nextDiscussionBy: d('2026-03-09') },
      { 'nextDiscussionBy-c1': STRATEGY_MESSAGES.nextDiscussionBefore },
    ],
    ['further strategy by a later date', { decision: 'further_strategy', nextDiscussionBy: d('2026-03-12') }, {}],
  ])('%s', (_name, overrides, expected) => {
    expect(held([decision(overrides)])).toEqual(expected);
  });

  it('a joint enquiry needs the police to have attended, not only reported', () => {
    expect(held([decision({ decision: 's47_joint' })], [csc, { ...police, attended: false, reportSummary: 'Report' }, health])).toEqual({
      'decision-c1': STRATEGY_MESSAGES.jointNeedsPolice,
    });
    expect(held([decision({ decision: 's47_joint' })])).toEqual({});
  });

  it('the date must be on or after it was asked for, and not in the future', () => {
    expect(held([decision({})], undefined, '2026-03-11')).toEqual({ heldOn: STRATEGY_MESSAGES.heldOnFuture });
    expect(held([decision({})], undefined, '2026-03-08')).toEqual({ heldOn: STRATEGY_MESSAGES.heldOnBeforeOpened });
  });

  it('maps decisions to the enquiry they start', () => {
    expect([section47KindOf('s47_single_agency'), section47KindOf('s47_joint'), section47KindOf('no_s47'), section47KindOf('further_strategy')]).toEqual([
      'single_agency',
      'joint',
      null,
      null,
    ]);
  });
});

describe('section 47 outcomes', () => {
  it('only continuing risk needs an initial conference', () => {
    expect(SECTION_47_OUTCOMES.map(needsInitialConference)).toEqual([false, false, true]);
  });

  it('needs the child seen alone or a reason, checks and findings, dated within the enquiry', () => {
    const base = {
      childSeenAloneOn: null,
      childNotSeenAloneReason: null,
      checksSummary: '',
      abeInterviewOn: null,
      paediatricExamOn: null,
      findings: '',
      outcome: 'not_substantiated' as const,
      outcomeOn: d('2026-03-01'),
    };
    expect(Object.keys(checkSection47Outcome(base, d('2026-03-02'), d('2026-03-10'))).sort()).toEqual([
      'checksSummary',
      'childSeenAloneOn',
      'findings',
      'outcomeOn',
    ]);
    expect(
      checkSection47Outcome(
        { ...base, childNotSeenAloneReason: 'Newborn', checksSummary: 'GP', findings: 'F', outcomeOn: d('2026-03-10') },
        d('2026-03-02'),
        d('2026-03-10'),
      ),
    ).toEqual({});
  });
});
