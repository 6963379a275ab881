import { describe, expect, it } from 'vitest';
import { decisionLetter, summaryForChild, type LetterFacts } from '../../../src/domain/child-protection/conference-letters.ts';

const facts: LetterFacts = {
  childName: 'Sam Taylor',
  childGivenName: 'Sam',
  kind: 'initial',
  heldOn: '2026-03-09',
  chairName: 'A Chair',
  decision: 'plan',
  category: 'NEG',
  endReason: null,
  leadWorkerName: 'A Worker',
  nextReviewDueOn: '2026-06-09',
  rationale: 'Continuing risk.',
  attended: ['Dr A (Health)'],
  summaryForChild: 'We talked about meals.\nYour worker will visit every two weeks.',
};

describe('conference letters', () => {
  it('the decision letter says what was decided, by whom, the category, the lead worker and the next review', () => {
    const text = decisionLetter(facts).paragraphs.join('\n');
    expect(text).toContain('initial child protection conference about Sam Taylor was held on 9 March 2026, chaired by A Chair');
    expect(text).toContain('under the category of neglect');
    expect(text).toContain('The lead social worker is A Worker.');
    expect(text).toContain('by 9 June 2026');
    expect(text).toContain('Present: Dr A (Health).');
  });

  it('an ending plan gives the reason and no next review', () => {
    const text = decisionLetter({ ...facts, kind: 'review', decision: 'end', category: null, endReason: 'no_longer_at_risk' }).paragraphs.join('\n');
    expect(text).toContain('plan should end (no longer at continuing risk of significant harm)');
    expect(text).not.toContain('next review');
  });

  it('the summary is written to the child, one paragraph a line, or absent', () => {
    expect(summaryForChild(facts)?.paragraphs).toEqual([
      'Dear Sam,',
      'We talked about meals.',
      'Your worker will visit every two weeks.',
      'We will all meet again by 9 June 2026 to see how things are going.',
      'From A Chair',
    ]);
    expect(summaryForChild({ ...facts, summaryForChild: null })).toBeNull();
  });
});
