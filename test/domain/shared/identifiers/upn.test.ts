import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidUpn, normaliseUpn, upnCheckLetter, upnProblem } from '../../../../src/domain/shared/identifiers/upn.ts';

describe('unique pupil number check letter (DfE algorithm)', () => {
  it.each([
    ['H801200001001', 'the DfE guidance example of a permanent UPN'],
    ['G80120000101A', 'the DfE guidance example of a temporary UPN'],
  ])('accepts %s, %s', (upn) => {
    expect(upnProblem(upn)).toBeNull();
    expect(isValidUpn(upn)).toBe(true);
  });

  it.each([
    ['Z801200001001', 'check-letter'],
    ['H801200001002', 'check-letter'],
    ['I801200001001', 'format'],
    ['O801200001001', 'format'],
    ['S801200001001', 'format'],
    ['H80120000100', 'format'],
    ['H8012000010011', 'format'],
    ['H80120000A001', 'format'],
    ['H80120000100I', 'format'],
    ['', 'format'],
  ] as const)('refuses %s (%s)', (upn, problem) => {
    expect(upnProblem(upn)).toBe(problem);
  });

  it('reads a UPN typed with spaces and in lower case', () => {
    expect(normaliseUpn(' h801 2000 01001 ')).toBe('H801200001001');
    expect(isValidUpn('h801 2000 01001')).toBe(true);
  });

  it('never uses I, O or S as a check letter, and every body has exactly one valid letter', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), (body) => {
        const letter = upnCheckLetter(body);
        expect(letter).toMatch(/^[A-HJ-NP-RT-Z]$/);
        expect(upnProblem(`${letter ?? ''}${body}`)).toBeNull();
        const others = 'ABCDEFGHJKLMNPQRTUVWXYZ'.split('').filter((l) => l !== letter);
        for (const other of others) expect(upnProblem(`${other}${body}`)).toBe('check-letter');
      }),
    );
  });

  it('catches every single-digit slip in the body', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const upn = `${upnCheckLetter(body) ?? ''}${body}`;
        const slipped = `${upn.slice(0, at + 1)}${String((Number(upn.charAt(at + 1)) + delta) % 10)}${upn.slice(at + 2)}`;
        expect(upnProblem(slipped)).toBe('check-letter');
      }),
    );
  });
});
