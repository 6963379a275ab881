import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNamePart, editDistance, isTypo, normaliseName, soundex } from '../../../src/domain/people/name-matching.ts';
import { areNicknames, nicknamesOf } from '../../../src/domain/people/nicknames.ts';

describe('normalising names', () => {
  it.each([
    ['Zoë', 'zoe'],
    ["O'Brien", 'obrien'],
    ['  Smith-Jones ', 'smith jones'],
    ['NGUYỄN', 'nguyen'],
  ])('%j becomes %j', (raw, normal) => {
    expect(normaliseName(raw)).toBe(normal);
  });
});

describe('soundex, as PostgreSQL fuzzystrmatch computes it', () => {
  it.each([
    ['Smith', 'S530'],
    ['Smyth', 'S530'],
    ['Smtih', 'S530'],
    ['John', 'J500'],
    ['Jon', 'J500'],
    ['Robert', 'R163'],
    ['Rupert', 'R163'],
    ['Ashcraft', 'A226'],
    ['Tymczak', 'T522'],
    ['Pfister', 'P236'],
    ['Lee', 'L000'],
    ['', ''],
  ])('%s is %s', (name, code) => {
    expect(soundex(name)).toBe(code);
  });
});

describe('typing slips', () => {
  it.each([
    ['smith', 'smtih', 1],
    ['smith', 'smith', 0],
    ['smith', 'smiths', 1],
    ['kowalski', 'kowlaski', 1],
    ['abc', '', 3],
  ])('%s to %s is %i edit(s)', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ['smith', 'smyth', true],
    ['max', 'mak', true],
    ['kai', 'kia', true],
    ['leo', 'ted', false],
    ['jo', 'ja', false],
    ['christopher', 'christophre', true],
    ['christopher', 'kristopher', true],
    ['smith', 'jones', false],
  ])('%s and %s: %s', (a, b, typo) => {
    expect(isTypo(a, b)).toBe(typo);
  });

  it('is symmetric', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => editDistance(a, b) === editDistance(b, a) && isTypo(a, b) === isTypo(b, a)));
  });
});

describe('comparing a part of a name', () => {
  it.each([
    ['John', 'john', 'given', 'exact'],
    ['Jon', 'John', 'given', 'nickname'],
    ['Bill', 'William', 'given', 'nickname'],
    ['Olivai', 'Olivia', 'given', 'typo'],
    ['Catherine', 'Kathryn', 'given', 'nickname'],
    ['Mary Jane', 'Jane', 'given', 'partial'],
    ['J', 'John', 'given', 'initial'],
    ['Smith-Jones', 'Smith', 'family', 'partial'],
    ['Thompson', 'Tomson', 'family', 'typo'],
    ['Turner', 'Thornworth', 'family', 'none'],
    ['Jon', 'John', 'family', 'typo'],
    ['Smith', 'Jones', 'family', 'none'],
  ] as const)('%s and %s as %s names: %s', (a, b, kind, match) => {
    expect(compareNamePart(a, b, kind)).toBe(match);
  });

  it('gives the same answer either way round', () => {
    const name = fc.constantFrom('John', 'Jon', 'Jonathan', 'Smith', 'Smyth', 'Mary Jane', 'Jane', 'J', 'Bill', 'William', 'Lee', 'Leigh', 'Zoë', 'Zoe', 'Smith-Jones');
    fc.assert(fc.property(name, name, fc.constantFrom<'given' | 'family'>('given', 'family'), (a, b, kind) => compareNamePart(a, b, kind) === compareNamePart(b, a, kind)));
  });
});

describe('nicknames, kept as data', () => {
  it('knows the usual forms, both ways round', () => {
    expect(areNicknames('Jon', 'John')).toBe(true);
    expect(areNicknames('John', 'Jon')).toBe(true);
    expect(areNicknames('Peggy', 'Margaret')).toBe(true);
    expect(areNicknames('Mohammed', 'Muhammad')).toBe(true);
    expect(areNicknames('John', 'John')).toBe(false);
    expect(areNicknames('John', 'Margaret')).toBe(false);
    expect(nicknamesOf('Jon')).toEqual(expect.arrayContaining(['john', 'jonathan', 'johnny']));
  });

  it('is symmetric for every pair of names in the list', () => {
    const names = ['jon', 'john', 'jack', 'alex', 'alexander', 'alexandra', 'sasha', 'bill', 'liam', 'harry', 'henry', 'harrison', 'sam', 'samuel', 'samantha'];
    for (const a of names) for (const b of names) expect(areNicknames(a, b)).toBe(areNicknames(b, a));
  });
});
