// The assessment's non-timescale rules: what must be recorded before submission (seed 004 §8: the child
// seen; domain-spec BR-03), the DfE factor rules (BR-05, BR-06), the primary need codes (§3.3), and the
// manager's authorisation (outcome, rationale, consent to early help, specialist service).
import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_SECTIONS,
  canTransition,
  PLANNING_ITEMS,
  SECTION_KEYS,
  submissionProblems,
  SUBMISSION_MESSAGES,
  type AssessmentContent,
} from '../../../src/domain/assessments/child-and-family-assessment.ts';
import { AUTHORISATION_MESSAGES, authorisationProblems, SPECIALIST_SERVICES } from '../../../src/domain/assessments/outcome.ts';
import { ASSESSMENT_FACTOR_CODES, assessmentFactorsProblem } from '../../../src/domain/shared/codes/dfe/assessment-factors.ts';
import { isPrimaryNeed, PRIMARY_NEED_CODES } from '../../../src/domain/shared/codes/dfe/primary-need.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const complete: AssessmentContent = {
  sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, `Written: ${k}`])) as AssessmentContent['sections'],
  planningChecklist: ['why_referred'],
  childSeenOn: '2026-04-08',
  childSeenAloneOn: '2026-04-08',
  notSeenAloneReason: null,
  factors: ['3B', '4B'],
  primaryNeed: 'N1',
};
const REFERRED = d('2026-04-07');
const TODAY = d('2026-04-20');
const problems = (content: Partial<AssessmentContent>) => submissionProblems({ ...complete, ...content }, REFERRED, TODAY, d);

describe('submitting an assessment for authorisation', () => {
  it('accepts a complete assessment', () => {
    expect(problems({})).toEqual({});
  });

  it('requires every triangle section, the child’s voice, strengths, worries and the analysis, but not the planning notes or the letter', () => {
    const empty = Object.fromEntries(SECTION_KEYS.map((k) => [k, ' '])) as AssessmentContent['sections'];
    const found = problems({ sections: empty });
    const required = SECTION_KEYS.filter((k) => ASSESSMENT_SECTIONS[k].requiredToSubmit);
    expect(
      Object.keys(found)
        .filter((k) => SECTION_KEYS.includes(k as never))
        .sort(),
    ).toEqual([...required].sort());
    expect(required).toEqual(['childDevelopment', 'parentingCapacity', 'familyEnvironment', 'childVoice', 'strengths', 'worries', 'analysis']);
    expect(found['childVoice']).toBe('Enter the child’s voice and lived experience');
  });

  it('requires the child seen (seed 004 §8), and seen alone or the reason why not', () => {
    expect(problems({ childSeenOn: null })).toEqual({ childSeenOn: SUBMISSION_MESSAGES.childSeenOn });
    expect(problems({ childSeenAloneOn: null })).toEqual({ childSeenAloneOn: SUBMISSION_MESSAGES.childSeenAlone });
    expect(problems({ childSeenAloneOn: null, notSeenAloneReason: 'Baby of 4 months' })).toEqual({});
    expect(problems({ childSeenAloneOn: null, notSeenAloneReason: '  ' })).toEqual({ childSeenAloneOn: SUBMISSION_MESSAGES.childSeenAlone });
  });

  it.each([
    ['seen before the referral', { childSeenOn: '2026-04-06' }, { childSeenOn: SUBMISSION_MESSAGES.seenBeforeReferral }],
    ['seen on the referral day', { childSeenOn: '2026-04-07' }, {}],
    ['seen today', { childSeenOn: '2026-04-20' }, {}],
    ['seen tomorrow', { childSeenOn: '2026-04-21' }, { childSeenOn: SUBMISSION_MESSAGES.seenInFuture }],
    ['seen alone in the future', { childSeenAloneOn: '2026-05-01' }, { childSeenAloneOn: SUBMISSION_MESSAGES.seenAloneInFuture }],
  ])('dates: %s', (_name, content, expected) => {
    expect(problems(content)).toEqual(expected);
  });

  it('requires DfE factors and a primary need code', () => {
    expect(problems({ factors: [] })).toEqual({ factors: SUBMISSION_MESSAGES.factors['none-selected'] });
    expect(problems({ primaryNeed: null })).toEqual({ primaryNeed: SUBMISSION_MESSAGES.primaryNeed });
    expect(problems({ primaryNeed: 'N0' })).toEqual({ primaryNeed: SUBMISSION_MESSAGES.primaryNeed });
  });

  it('moves only from in progress to awaiting authorisation, and back or on to authorised', () => {
    expect(canTransition('in_progress', 'submit')).toBe(true);
    expect(canTransition('awaiting_authorisation', 'submit')).toBe(false);
    expect(canTransition('awaiting_authorisation', 'return')).toBe(true);
    expect(canTransition('awaiting_authorisation', 'authorise')).toBe(true);
    expect(canTransition('in_progress', 'authorise')).toBe(false);
    expect(canTransition('authorised', 'return')).toBe(false);
  });

  it('has the fourteen planning points of seed 004 §8', () => {
    expect(PLANNING_ITEMS).toHaveLength(14);
  });
});

describe('DfE codes at the end of assessment', () => {
  it.each([
    ['one factor', ['16A'], null],
    ['several', ['1B', '3B', '4B'], null],
    ['no factors identified alone', ['21'], null],
    ['none selected', [], 'none-selected'],
    ['BR-05: 21 with another factor', ['21', '3B'], 'no-factors-combined'],
    ['BR-06: legacy 18A', ['18A'], 'legacy'],
    ['BR-06: legacy 19A', ['19A', '19C'], 'legacy'],
    ['an unknown code', ['99Z'], 'unknown'],
  ])('factors: %s', (_name, codes, expected) => {
    expect(assessmentFactorsProblem(codes)).toBe(expected);
  });

  it('offers every current factor code but not the legacy ones', () => {
    expect(ASSESSMENT_FACTOR_CODES).toContain('24A');
    expect(ASSESSMENT_FACTOR_CODES).toContain('18B');
    expect(ASSESSMENT_FACTOR_CODES).not.toContain('18A');
    expect(ASSESSMENT_FACTOR_CODES).not.toContain('19A');
  });

  it('offers primary needs N1 to N9 (N0 "not stated" is never an assessment’s conclusion)', () => {
    expect(PRIMARY_NEED_CODES).toEqual(['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9']);
    expect(isPrimaryNeed('N0')).toBe(false);
  });
});

describe('authorising with an outcome', () => {
  const choice = { outcome: 'cin_plan', rationale: 'Needs s17 support.', specialistService: null, familyConsent: null };

  it('accepts each outcome with what it needs', () => {
    expect(authorisationProblems(choice, 'N1')).toEqual({});
    expect(authorisationProblems({ ...choice, outcome: 'nfa' }, 'N9')).toEqual({});
    expect(authorisationProblems({ ...choice, outcome: 'step_down_early_help', familyConsent: true }, 'N4')).toEqual({});
    expect(authorisationProblems({ ...choice, outcome: 'specialist_service', specialistService: 'CWD' }, 'N2')).toEqual({});
    expect(authorisationProblems({ ...choice, outcome: 'strategy_s47' }, 'N1')).toEqual({});
    expect(authorisationProblems({ ...choice, outcome: 'accommodation_s20' }, 'N8')).toEqual({});
  });

  it('requires an outcome and a rationale', () => {
    expect(authorisationProblems({ ...choice, outcome: '', rationale: ' ' }, 'N1')).toEqual({
      outcome: AUTHORISATION_MESSAGES.outcome,
      rationale: AUTHORISATION_MESSAGES.rationale,
    });
  });

  it('requires the family’s consent to step down to targeted early help (seed 004 §7)', () => {
    expect(authorisationProblems({ ...choice, outcome: 'step_down_early_help', familyConsent: false }, 'N4')).toEqual({
      familyConsent: AUTHORISATION_MESSAGES.familyConsent,
    });
    expect(authorisationProblems({ ...choice, outcome: 'step_down_early_help' }, 'N4')).toEqual({ familyConsent: AUTHORISATION_MESSAGES.familyConsent });
  });

  it('requires a known specialist service', () => {
    expect(authorisationProblems({ ...choice, outcome: 'specialist_service' }, 'N2')).toEqual({ specialistService: AUTHORISATION_MESSAGES.specialistService });
    expect(authorisationProblems({ ...choice, outcome: 'specialist_service', specialistService: 'NOPE' }, 'N2')).toEqual({
      specialistService: AUTHORISATION_MESSAGES.specialistService,
    });
    expect(Object.keys(SPECIALIST_SERVICES)).toContain('YJS');
  });

  it('refuses a child in need plan or accommodation with primary need N9 (cases other than children in need)', () => {
    expect(authorisationProblems(choice, 'N9')).toEqual({ outcome: AUTHORISATION_MESSAGES.primaryNeed });
    expect(authorisationProblems({ ...choice, outcome: 'accommodation_s20' }, 'N9')).toEqual({ outcome: AUTHORISATION_MESSAGES.primaryNeed });
  });
});
