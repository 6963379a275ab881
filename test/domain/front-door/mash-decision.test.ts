import { describe, expect, it } from 'vitest';
import { decisionProblems, departsFromLevel, NEXT_STATE, nextRecordFor, referralPurposeFor, type DecisionFacts } from '../../../src/domain/front-door/mash-decision.ts';

const facts = (f: Partial<DecisionFacts>): DecisionFacts => ({
  outcome: 'nfa',
  teamChosen: false,
  familyConsentsToEarlyHelp: null,
  consentToChecks: 'given',
  level: 1,
  unlinkedChildren: 0,
  ...f,
});

describe('the MASH decision (domain-spec §4.2 T2-T5)', () => {
  it.each([
    ['nfa', 'CLOSED', 'none', null],
    ['universal_signpost', 'CLOSED', 'none', null],
    ['targeted_early_help', 'EARLY_HELP', 'early_help_referral', null],
    ['social_care_assessment', 'REFERRAL', 'social_care_referral', 'assessment'],
    ['strategy_discussion', 'S47', 'social_care_referral', 'strategy_discussion'],
  ] as const)('%s moves the child to %s and starts %s', (outcome, state, record, purpose) => {
    expect(NEXT_STATE[outcome]).toBe(state);
    expect(nextRecordFor(outcome)).toBe(record);
    expect(referralPurposeFor(outcome)).toBe(purpose);
  });

  it.each([
    ['a complete NFA', facts({}), []],
    ['a child not linked to a record', facts({ unlinkedChildren: 1 }), ['children-not-linked']],
    ['no consent decision and no level', facts({ consentToChecks: null, level: null }), ['consent-not-recorded', 'level-not-recorded']],
    ['a social care referral without a team', facts({ outcome: 'social_care_assessment', level: 4 }), ['team-required']],
    ['a strategy discussion with a team', facts({ outcome: 'strategy_discussion', level: 4, teamChosen: true }), []],
    ['targeted early help without the family’s consent', facts({ outcome: 'targeted_early_help', level: 3, familyConsentsToEarlyHelp: false }), ['early-help-consent-required']],
    ['targeted early help, consent not asked', facts({ outcome: 'targeted_early_help', level: 3 }), ['early-help-consent-required']],
    ['targeted early help with consent', facts({ outcome: 'targeted_early_help', level: 3, familyConsentsToEarlyHelp: true }), []],
  ] as const)('%s', (_name, f, problems) => {
    expect(decisionProblems(f)).toEqual(problems);
  });

  it('flags a decision that departs from the usual level', () => {
    expect(departsFromLevel('nfa', 4)).toBe(true);
    expect(departsFromLevel('social_care_assessment', 4)).toBe(false);
    expect(departsFromLevel('targeted_early_help', 3)).toBe(false);
  });
});
