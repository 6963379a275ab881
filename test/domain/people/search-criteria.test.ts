import { describe, expect, it } from 'vitest';
import { LocalDate } from '@js-joda/core';
import { scoreDuplicate } from '../../../src/domain/people/duplicate-score.ts';
import { dateOfBirthVariants, exactNameKeys, parseNameQuery } from '../../../src/domain/people/search-criteria.ts';

describe('reading a name typed into search', () => {
  it.each([
    ['Jon Smith', [{ given: 'jon', family: 'smith' }], null],
    ['Smith, Jon', [{ given: 'jon', family: 'smith' }], null],
    ['Mary Jane Smith', [{ given: 'mary jane', family: 'smith' }, { given: 'mary', family: 'jane smith' }], null],
    ["  O'Brien  ", [], "o'brien"],
    ['', [], null],
    ['!!', [], null],
  ])('%j', (text, readings, single) => {
    const q = parseNameQuery(text);
    expect(q.readings).toEqual(readings);
    expect(q.singleWord).toBe(single);
  });

  it('looks up every form of the given name, and the names the other way round', () => {
    const keys = exactNameKeys([{ given: 'jon', family: 'smith' }]);
    expect(keys[0]).toEqual({ family: 'smith', givens: expect.arrayContaining(['jon', 'john', 'jonathan']) as unknown });
    expect(keys[1]?.family).toBe('jon');
  });
});

describe('dates of birth a slip away', () => {
  it('includes the date, day and month swapped, a day or two either side and a year either side', () => {
    const dates = dateOfBirthVariants('2017-03-04');
    expect(dates).toEqual(expect.arrayContaining(['2017-03-04', '2017-04-03', '2017-03-02', '2017-03-06', '2016-03-04', '2018-03-04', '2017-03-14', '2017-08-04']));
    expect(dates).not.toContain('2017-02-30');
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('is exactly the dates the duplicate score does not call different, so a search may look only at them', () => {
    // Every date within ~3 years of each typed date: in the variants if and only if not "different".
    const person = (dateOfBirth: string) => ({ names: [{ givenName: 'Ava', familyName: 'Kemp' }], dateOfBirth, nhsNumber: null, postcodes: [] });
    const mismatches: string[] = [];
    for (const typed of ['2017-03-04', '2016-02-29', '2015-01-28', '2014-05-31', '2012-12-12', '2010-10-01']) {
      const variants = new Set(dateOfBirthVariants(typed));
      const start = LocalDate.parse(typed).minusYears(2);
      for (let day = start; day.isBefore(LocalDate.parse(typed).plusYears(2)); day = day.plusDays(1)) {
        const different = scoreDuplicate(person(typed), person(day.toString())).reasons.some((r) => r.code === 'dob-different');
        if (variants.has(day.toString()) === different) mismatches.push(`${typed} ~ ${day.toString()}: ${different ? 'different' : 'not different'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('only ever gives real dates', () => {
    for (const d of dateOfBirthVariants('2016-02-29')) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(dateOfBirthVariants('2016-02-29')).not.toContain('2016-02-39');
  });
});
