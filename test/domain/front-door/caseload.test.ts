import { describe, expect, it } from 'vitest';
import { caseloadState, caseloadTargetFor, countFamilies } from '../../../src/domain/front-door/caseload.ts';

describe('caseloads against the team target (seed 000: 9 families per worker in Family Support)', () => {
  it('defaults the Family Support Teams to 9 and lets a configured target win', () => {
    expect(caseloadTargetFor('FST_NORTH', null)?.familiesPerWorker).toBe(9);
    expect(caseloadTargetFor('FST_SOUTH', null)?.source).toContain('Seed 000');
    expect(caseloadTargetFor('CWD', null)).toBeNull();
    expect(caseloadTargetFor('FST_NORTH', { familiesPerWorker: 8, source: 'Local decision' })?.familiesPerWorker).toBe(8);
  });

  it.each([
    [8, 'under'],
    [9, 'at'],
    [10, 'over'],
  ] as const)('%i families is %s target', (families, state) => {
    expect(caseloadState(families, { familiesPerWorker: 9, source: 's' })).toBe(state);
  });

  it('has no state without a target', () => {
    expect(caseloadState(20, null)).toBe('no-target');
  });

  it('counts children who share a parent as one family, and links families through shared parents', () => {
    expect(countFamilies([])).toBe(0);
    expect(countFamilies([{ childId: 'a', parentIds: [] }, { childId: 'b', parentIds: [] }])).toBe(2);
    expect(countFamilies([{ childId: 'a', parentIds: ['m'] }, { childId: 'b', parentIds: ['m', 'f'] }])).toBe(1);
    // Half-siblings: a and c share no parent, but both share one with b.
    expect(countFamilies([{ childId: 'a', parentIds: ['m1'] }, { childId: 'b', parentIds: ['m1', 'f2'] }, { childId: 'c', parentIds: ['f2'] }, { childId: 'd', parentIds: ['x'] }])).toBe(2);
  });
});
