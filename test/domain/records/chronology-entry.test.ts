import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  arrangeChronology,
  CHRONOLOGY_CATEGORIES,
  CHRONOLOGY_CATEGORY_LABELS,
  chronologyFilterProblem,
  manualEntryDateProblem,
  NO_CHRONOLOGY_FILTER,
  type ChronologyItem,
} from '../../../src/domain/records/chronology-entry.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const item = (key: string, date: string, category: ChronologyItem['category'], time: string | null = null): ChronologyItem => ({
  key,
  date,
  time,
  category,
  summary: key,
  source: 'test',
  recordedBy: null,
  origin: { kind: 'test', id: key },
});

const items = [
  item('a', '2026-01-10', 'visit', '10:00'),
  item('b', '2026-01-10', 'visit', '09:00'),
  item('c', '2026-02-01', 'allocation'),
  item('d', '2025-12-25', 'health'),
  item('e', '2026-01-10', 'record'),
];

describe('arranging a chronology', () => {
  it('puts the earliest first, by date then time, untimed before timed on the same day', () => {
    expect(arrangeChronology(items, NO_CHRONOLOGY_FILTER, 'earliest-first').map((i) => i.key)).toEqual(['d', 'e', 'b', 'a', 'c']);
  });

  it('reverses exactly for latest first', () => {
    expect(arrangeChronology(items, NO_CHRONOLOGY_FILTER, 'latest-first').map((i) => i.key)).toEqual(['c', 'a', 'b', 'e', 'd']);
  });

  it('filters by categories and an inclusive date range', () => {
    const filter = { categories: ['visit', 'allocation'] as const, from: '2026-01-10', to: '2026-01-31' };
    expect(arrangeChronology(items, { ...filter, categories: [...filter.categories] }, 'earliest-first').map((i) => i.key)).toEqual(['b', 'a']);
    expect(arrangeChronology(items, { categories: [], from: null, to: '2025-12-25' }, 'earliest-first').map((i) => i.key)).toEqual(['d']);
  });

  it('keeps exactly the matching items, whatever the order they arrive in (property)', () => {
    const arbItem = fc.record({
      key: fc.uuid(),
      date: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10)),
      time: fc.option(fc.constantFrom('08:00', '12:30', '17:45'), { nil: null }),
      category: fc.constantFrom(...CHRONOLOGY_CATEGORIES),
    });
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 40 }), fc.subarray([...CHRONOLOGY_CATEGORIES]), (raw, categories) => {
        const list = raw.map((r) => item(r.key, r.date, r.category, r.time));
        const out = arrangeChronology(list, { categories, from: '2024-01-01', to: null }, 'earliest-first');
        expect(out.every((i) => i.date >= '2024-01-01' && (categories.length === 0 || categories.includes(i.category)))).toBe(true);
        expect(out.length).toBe(list.filter((i) => i.date >= '2024-01-01' && (categories.length === 0 || categories.includes(i.category))).length);
        for (let i = 1; i < out.length; i += 1) expect(out[i - 1]!.date <= out[i]!.date).toBe(true);
        const shuffled = arrangeChronology([...list].reverse(), { categories, from: '2024-01-01', to: null }, 'earliest-first');
        expect(shuffled.map((i) => i.key)).toEqual(out.map((i) => i.key));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});

describe('rules', () => {
  it('every category has a label', () => {
    for (const c of CHRONOLOGY_CATEGORIES) expect(CHRONOLOGY_CATEGORY_LABELS[c].length).toBeGreaterThan(0);
  });

  it('a filter may not start after it ends', () => {
    expect(chronologyFilterProblem({ categories: [], from: '2026-02-01', to: '2026-01-01' })).toBe('from-after-to');
    expect(chronologyFilterProblem({ categories: [], from: '2026-01-01', to: '2026-01-01' })).toBeNull();
  });

  it('a manual entry may be dated today but not tomorrow', () => {
    expect(manualEntryDateProblem(d('2026-03-10'), d('2026-03-10'))).toBeNull();
    expect(manualEntryDateProblem(d('2026-03-11'), d('2026-03-10'))).toBe('date-in-future');
  });
});
