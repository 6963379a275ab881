import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import {
  answerProblems,
  CRITERION_CODES,
  ELIGIBILITY_CODES,
  ELIGIBILITY_MESSAGES,
  eligibilityOutcome,
  EXCLUSION_CODES,
  type EligibilityAnswer,
  type EligibilityCode,
} from '../../../src/domain/disabilities/eligibility.ts';

const TODAY = LocalDate.parse('2026-03-10');

/** Every code answered "not met", then the given ones "met" with evidence. */
function answers(met: readonly EligibilityCode[], overrides: Partial<Record<EligibilityCode, Partial<EligibilityAnswer>>> = {}): EligibilityAnswer[] {
  return ELIGIBILITY_CODES.map((code) => ({
    code,
    met: met.includes(code),
    evidence: met.includes(code) ? 'Paediatrician’s letter describes the child’s needs' : '',
    evidenceSource: met.includes(code) ? 'diagnosis_letter' : null,
    evidenceDate: met.includes(code) ? '2026-01-15' : '',
    ...overrides[code],
  }));
}

describe('the eligibility outcome (seed 004 §13)', () => {
  it('has ten criteria and three exclusions', () => {
    expect(CRITERION_CODES).toHaveLength(10);
    expect(EXCLUSION_CODES).toHaveLength(3);
  });

  it.each(CRITERION_CODES)('is eligible on the criterion %s alone, citing it', (code) => {
    const result = eligibilityOutcome(answers([code]));
    expect(result.outcome).toBe('eligible');
    expect(result.decidingCodes).toEqual([code]);
    expect(result.reason).toContain('Assessment Criteria');
    expect(result.reason).toContain('seed 004');
  });

  it('cites every criterion met', () => {
    const result = eligibilityOutcome(answers(['SEVERE_LEARNING_DISABILITY', 'PROFOUND_HEARING_LOSS']));
    expect(result.decidingCodes).toEqual(['SEVERE_LEARNING_DISABILITY', 'PROFOUND_HEARING_LOSS']);
    expect(result.reason).toContain('the criteria');
  });

  it('is not eligible when no criterion is met', () => {
    const result = eligibilityOutcome(answers([]));
    expect(result).toMatchObject({ outcome: 'not_eligible', decidingCodes: [] });
    expect(result.reason).toContain('None of the ten criteria');
  });

  it.each(EXCLUSION_CODES)('is not eligible when the exclusion %s is met, even with a criterion met', (code) => {
    const result = eligibilityOutcome(answers(['MULTIPLE_DISABILITIES', code]));
    expect(result.outcome).toBe('not_eligible');
    expect(result.decidingCodes).toEqual([code]);
    expect(result.reason).toContain('will not routinely work with');
  });
});

describe('checking the answers', () => {
  it('accepts a complete set', () => {
    expect(answerProblems(answers(['SEVERE_LEARNING_DISABILITY']), TODAY)).toEqual({});
  });

  it('needs every criterion and exclusion answered', () => {
    const problems = answerProblems(answers([], { SEMH_ONLY: { met: null } }), TODAY);
    expect(problems).toEqual({ SEMH_ONLY: ELIGIBILITY_MESSAGES.answer });
    expect(Object.keys(answerProblems([], TODAY))).toHaveLength(13);
  });

  it('needs evidence, its source and its date for an answer that is met', () => {
    const problems = answerProblems(
      answers(['LIFE_LIMITING_ILLNESS'], { LIFE_LIMITING_ILLNESS: { evidence: ' ', evidenceSource: null, evidenceDate: '' } }),
      TODAY,
    );
    expect(problems).toEqual({
      'LIFE_LIMITING_ILLNESS-evidence': ELIGIBILITY_MESSAGES.evidence,
      'LIFE_LIMITING_ILLNESS-evidenceSource': ELIGIBILITY_MESSAGES.evidenceSource,
      'LIFE_LIMITING_ILLNESS-evidenceDate': ELIGIBILITY_MESSAGES.evidenceDate,
    });
  });

  it('refuses evidence dated after today, and accepts evidence dated today', () => {
    expect(answerProblems(answers(['LIFE_LIMITING_ILLNESS'], { LIFE_LIMITING_ILLNESS: { evidenceDate: '2026-03-11' } }), TODAY)).toEqual({
      'LIFE_LIMITING_ILLNESS-evidenceDate': ELIGIBILITY_MESSAGES.evidenceDateFuture,
    });
    expect(answerProblems(answers(['LIFE_LIMITING_ILLNESS'], { LIFE_LIMITING_ILLNESS: { evidenceDate: '2026-03-10' } }), TODAY)).toEqual({});
  });

  it('needs independent verification for ASD: a parent’s account alone is refused', () => {
    const problems = answerProblems(answers(['ASD_SIGNIFICANT_IMPACT'], { ASD_SIGNIFICANT_IMPACT: { evidenceSource: 'parent_carer_report' } }), TODAY);
    expect(problems).toEqual({ 'ASD_SIGNIFICANT_IMPACT-evidenceSource': ELIGIBILITY_MESSAGES.asdIndependent });
    expect(answerProblems(answers(['ASD_SIGNIFICANT_IMPACT'], { ASD_SIGNIFICANT_IMPACT: { evidenceSource: 'school_report' } }), TODAY)).toEqual({});
  });

  it('refuses ASD both with and without a significant impact', () => {
    const problems = answerProblems(answers(['ASD_SIGNIFICANT_IMPACT', 'ASD_ADHD_NO_SIGNIFICANT_IMPACT']), TODAY);
    expect(problems).toEqual({ ASD_ADHD_NO_SIGNIFICANT_IMPACT: ELIGIBILITY_MESSAGES.asdContradiction });
  });

  it('does not need evidence for an answer that is not met', () => {
    expect(answerProblems(answers([]), TODAY)).toEqual({});
  });
});
