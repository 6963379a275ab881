// The census XML against the DfE's 2026 schema (test/returns/fixtures/CIN_schema_2026.xsd): order,
// occurrence and simple types of every element, for a child with every kind of record.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CensusChild, CensusHeader } from '../../../src/returns/cin-census/model.ts';
import { censusXml, censusXmlChunks } from '../../../src/returns/cin-census/to-xml.ts';
import { checkAgainstSchema, loadSchema } from './xsd-check.ts';

const schema = loadSchema(readFileSync(new URL('../fixtures/CIN_schema_2026.xsd', import.meta.url), 'utf8'));

const header: CensusHeader = {
  collection: 'CIN',
  year: 2026,
  referenceDate: '2026-03-31',
  sourceLevel: 'L',
  lea: '826',
  softwareCode: 'Hearth',
  release: '0.1.0',
  serialNo: '001',
  dateTime: '2026-04-02T09:00:00',
};

const full: CensusChild = {
  personId: 'p1',
  childIdentifiers: { laChildId: 'ABC123', upn: 'A82640012345B', personBirthDate: '2015-04-10', sex: 'F' },
  childCharacteristics: { ethnicity: 'WBRI', disabilities: ['MOB', 'HAND'] },
  cinDetails: [
    {
      cinReferralDate: '2025-06-02',
      referralSource: '6',
      primaryNeedCode: 'N1',
      cinClosureDate: '2026-02-01',
      reasonForClosure: 'RC7',
      dateOfInitialCpc: '2025-06-20',
      assessments: [{ assessmentActualStartDate: '2025-06-03', assessmentAuthorisationDate: '2025-07-01', assessmentFactors: ['3A', '4B'] }],
      cinPlanDates: [{ cinPlanStartDate: '2025-12-01', cinPlanEndDate: '2026-01-31' }],
      section47: [{ s47ActualStartDate: '2025-06-04', initialCpcTarget: '2025-06-25', dateOfInitialCpc: '2025-06-20', icpcNotRequired: false }],
      referralNfa: false,
      childProtectionPlans: [
        {
          cppStartDate: '2025-06-20',
          cppEndDate: '2025-11-30',
          initialCategoryOfAbuse: 'NEG',
          latestCategoryOfAbuse: 'EMO',
          numberOfPreviousCpp: 0,
          cppReviewDates: ['2025-09-10', '2025-11-30'],
        },
      ],
    },
  ],
};

const unborn: CensusChild = {
  personId: 'p2',
  childIdentifiers: { laChildId: 'U1', expectedPersonBirthDate: '2026-05-01', sex: 'U' },
  childCharacteristics: { ethnicity: 'NOBT', disabilities: [] },
  cinDetails: [
    { cinReferralDate: '2026-01-10', referralSource: '3B', assessments: [], cinPlanDates: [], section47: [], referralNfa: false, childProtectionPlans: [] },
  ],
};

describe('CIN census XML', () => {
  it('follows the schema’s element order, occurrences and simple types', () => {
    expect(checkAgainstSchema(censusXml(header, [full, unborn]), schema)).toEqual([]);
  });

  it('the checker catches elements out of order, missing, and values outside a code list', () => {
    const xml = censusXml(header, [full]);
    const swapped = xml
      .replace('<ReferralSource>6</ReferralSource>', '')
      .replace('<CINreferralDate>2025-06-02</CINreferralDate>', '<ReferralSource>6</ReferralSource><CINreferralDate>2025-06-02</CINreferralDate>');
    expect(checkAgainstSchema(swapped, schema).join('\n')).toMatch(/not allowed here|required/);
    expect(checkAgainstSchema(xml.replace('<Sex>F</Sex>', ''), schema).join('\n')).toMatch(/<Sex> required/);
    expect(checkAgainstSchema(xml.replace('<Ethnicity>WBRI</Ethnicity>', '<Ethnicity>WHITE</Ethnicity>'), schema).join('\n')).toMatch(/"WHITE" is not one of/);
  });

  it('writes booleans as 0/1 and nothing for values not recorded', () => {
    const xml = censusXml(header, [unborn]);
    expect(xml).toContain('<ReferralNFA>0</ReferralNFA>');
    expect(xml).not.toContain('<PersonBirthDate>');
    expect(xml).not.toContain('<Disabilities>');
    expect(xml).not.toContain('undefined');
  });

  it('streams in chunks that join to the whole document', () => {
    expect([...censusXmlChunks(header, [full, unborn])].join('')).toBe(censusXml(header, [full, unborn]));
  });
});
