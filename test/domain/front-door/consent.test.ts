import { describe, expect, it } from 'vitest';
import { consentProblems, mayRequestAgencyChecks, sharesWithoutConsent, type ConsentDecision } from '../../../src/domain/front-door/consent.ts';

const decision = (d: Partial<ConsentDecision>): ConsentDecision => ({ consent: 'given', proceedWithoutConsent: false, overrideReason: null, rationale: null, ...d });

describe('consent to multi-agency checks (seed 004 §5; BR-02, MASH-04)', () => {
  it.each([
    ['given, nothing else', decision({}), []],
    ['given, with an override reason', decision({ overrideReason: 'public_interest' }), ['override-not-needed']],
    ['refused, not going ahead, with the family’s words', decision({ consent: 'refused', rationale: 'Mother declined.' }), []],
    ['refused, not going ahead, with no reason', decision({ consent: 'refused' }), ['rationale-required']],
    ['refused, going ahead for clear risk, with why', decision({ consent: 'refused', proceedWithoutConsent: true, overrideReason: 'clear_risk_to_child', rationale: 'Injury to a baby.' }), []],
    ['refused, going ahead with no ground', decision({ consent: 'refused', proceedWithoutConsent: true, rationale: 'x' }), ['override-reason-required']],
    ['not sought, going ahead in the public interest with no reason', decision({ consent: 'not_sought', proceedWithoutConsent: true, overrideReason: 'public_interest', rationale: '  ' }), ['rationale-required']],
    ['not sought, not going ahead, but a ground given', decision({ consent: 'not_sought', overrideReason: 'public_interest', rationale: 'x' }), ['override-not-needed']],
  ] as const)('%s', (_name, d, problems) => {
    expect(consentProblems(d)).toEqual(problems);
  });

  it('lets checks go ahead only with consent or a recorded decision to proceed without it', () => {
    expect(mayRequestAgencyChecks(null)).toBe(false);
    expect(mayRequestAgencyChecks({ consent: 'given', proceedWithoutConsent: false })).toBe(true);
    expect(mayRequestAgencyChecks({ consent: 'refused', proceedWithoutConsent: false })).toBe(false);
    expect(mayRequestAgencyChecks({ consent: 'not_sought', proceedWithoutConsent: true })).toBe(true);
  });

  it('marks sharing without consent', () => {
    expect(sharesWithoutConsent({ consent: 'given', proceedWithoutConsent: false })).toBe(false);
    expect(sharesWithoutConsent({ consent: 'refused', proceedWithoutConsent: true })).toBe(true);
  });
});
