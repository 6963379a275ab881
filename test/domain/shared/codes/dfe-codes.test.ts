import { describe, expect, it } from 'vitest';
import { DISABILITY_CODES, disabilityCodesProblem, disabilityLabel } from '../../../../src/domain/shared/codes/dfe/disability.ts';
import { ETHNICITY_CODES, ETHNICITY_SOURCE, ethnicityLabel, isEthnicityCode } from '../../../../src/domain/shared/codes/dfe/ethnicity.ts';

describe('DfE ethnicity codes (CIN census and SSDA903)', () => {
  it('has the 20 codes of the census, each once, with its source', () => {
    expect(ETHNICITY_CODES).toHaveLength(20);
    expect(new Set(ETHNICITY_CODES).size).toBe(20);
    expect(ETHNICITY_CODES).toEqual(expect.arrayContaining(['WBRI', 'WIRT', 'WROM', 'MWBC', 'AIND', 'BCRB', 'CHNE', 'OOTH', 'REFU', 'NOBT']));
    expect(ETHNICITY_SOURCE).toContain('Children in Need census');
  });

  it('labels codes as the DfE describes them', () => {
    expect(ethnicityLabel('WIRT')).toBe('Traveller of Irish heritage');
    expect(ethnicityLabel('NOBT')).toBe('Information not yet obtained');
    expect(isEthnicityCode('WBRI')).toBe(true);
    expect(isEthnicityCode('wbri')).toBe(false);
  });
});

describe('DfE disability codes', () => {
  it('has the 13 codes of the census', () => {
    expect(DISABILITY_CODES).toEqual(['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA']);
    expect(disabilityLabel('DDA')).toBe('Other');
  });

  it.each([
    [['NONE'], null],
    [['MOB', 'AUT'], null],
    [[], null],
    [['NONE', 'MOB'], 'none-with-others'],
    [['MOB', 'MOB'], 'repeated'],
  ] as const)('%j is %s (rules 8790 and 8794)', (codes, problem) => {
    expect(disabilityCodesProblem(codes)).toBe(problem);
  });
});
