import { describe, expect, it } from 'vitest';
import {
  ALL_NEED_INDICATORS,
  checkLevelOfNeed,
  highestIndicatedLevel,
  indicatorGroups,
  LEVELS_OF_NEED,
  NEED_AREAS,
  needIndicator,
} from '../../../src/domain/front-door/levels-of-need.ts';

describe('the levels of need (seed 004 §3) as structured data', () => {
  it('has four levels, each with indicators in all three domains of the assessment triangle', () => {
    expect(LEVELS_OF_NEED.map((l) => l.code)).toEqual(['L1_UNIVERSAL', 'L2_EARLY_HELP_ADDITIONAL', 'L3_EARLY_HELP_TARGETED', 'L4_CSC']);
    for (const level of LEVELS_OF_NEED) {
      expect(new Set(level.indicators.map((i) => i.domain))).toEqual(new Set(['child_development', 'parents_and_carers', 'family_and_environment']));
    }
  });

  it('gives every indicator a unique, stable code and a domain that matches its area', () => {
    const codes = ALL_NEED_INDICATORS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const i of ALL_NEED_INDICATORS) {
      expect(i.code).toMatch(/^[1-4]\.[a-z_]+\.\d+$/);
      expect(NEED_AREAS[i.area].domain).toBe(i.domain);
      expect(i.text.length).toBeGreaterThan(3);
    }
    expect(needIndicator('4.health.13')?.text).toBe('Non-accidental injury');
    expect(needIndicator('1.health.1')?.text).toBe('Physically well');
    expect(ALL_NEED_INDICATORS.length).toBeGreaterThan(200);
  });

  it('groups a level’s indicators by domain, then area', () => {
    const groups = indicatorGroups(3);
    expect(groups.map((g) => g.domainLabel)).toEqual(['Development of the baby or child', 'Parents and carers', 'Family and environment']);
    expect(groups[0]?.areas[0]?.areaLabel).toBe('Health');
    expect(groups.flatMap((g) => g.areas.flatMap((a) => a.indicators)).length).toBe(LEVELS_OF_NEED[2]?.indicators.length);
  });
});

describe('checking a level-of-need judgement', () => {
  it.each([
    ['level 4 with a level 4 indicator', 4, ['4.health.13'], [], 4],
    ['level 3 with level 2 and 3 indicators', 3, ['2.health.1', '3.learning.1'], [], 3],
    ['level 2 below a level 4 indicator: recorded, but the rationale must say why', 2, ['4.health.13', '2.health.1'], ['rationale-must-explain-lower-level'], 4],
    ['level 4 above every indicator chosen: the judgement stands', 4, ['2.health.1'], [], 2],
    ['no indicators', 3, [], ['no-indicators'], null],
    ['an unknown indicator', 3, ['9.nothing.1'], ['unknown-indicator'], null],
  ] as const)('%s', (_name, level, codes, problems, highest) => {
    expect(checkLevelOfNeed(level, codes)).toEqual({ problems, highest });
  });

  it('finds the highest indicated level', () => {
    expect(highestIndicatedLevel(['1.health.1', '3.health.1', '2.health.2'])).toBe(3);
    expect(highestIndicatedLevel([])).toBeNull();
  });
});
