// Ethnicity as the DfE codes it: the 20 codes of the Children in Need census (CIN census 2025-26,
// `ethnicitytype` in the DfE's published CIN schema for the 2026 collection) and the SSDA903
// `ETHNIC` column, which uses the same list. Stored exactly as these codes (a CHECK in migration
// 0005) so the returns read them without translation. Labels are the DfE's descriptions.

export const ETHNICITY_SOURCE = 'DfE Children in Need census 2025-26 (collection year 2026), ethnicitytype; SSDA903 ETHNIC' as const;
export const ETHNICITY_YEAR = 2026 as const;

export const ETHNICITIES = [
  { code: 'WBRI', label: 'White British', group: 'White' },
  { code: 'WIRI', label: 'White Irish', group: 'White' },
  { code: 'WIRT', label: 'Traveller of Irish heritage', group: 'White' },
  { code: 'WOTH', label: 'Any other White background', group: 'White' },
  { code: 'WROM', label: 'Gypsy/Roma', group: 'White' },
  { code: 'MWBC', label: 'White and Black Caribbean', group: 'Mixed' },
  { code: 'MWBA', label: 'White and Black African', group: 'Mixed' },
  { code: 'MWAS', label: 'White and Asian', group: 'Mixed' },
  { code: 'MOTH', label: 'Any other mixed background', group: 'Mixed' },
  { code: 'AIND', label: 'Indian', group: 'Asian or Asian British' },
  { code: 'APKN', label: 'Pakistani', group: 'Asian or Asian British' },
  { code: 'ABAN', label: 'Bangladeshi', group: 'Asian or Asian British' },
  { code: 'AOTH', label: 'Any other Asian background', group: 'Asian or Asian British' },
  { code: 'BCRB', label: 'Caribbean', group: 'Black or Black British' },
  { code: 'BAFR', label: 'African', group: 'Black or Black British' },
  { code: 'BOTH', label: 'Any other Black background', group: 'Black or Black British' },
  { code: 'CHNE', label: 'Chinese', group: 'Other ethnic group' },
  { code: 'OOTH', label: 'Any other ethnic group', group: 'Other ethnic group' },
  { code: 'REFU', label: 'Refused', group: 'Not given' },
  { code: 'NOBT', label: 'Information not yet obtained', group: 'Not given' },
] as const;

export type EthnicityCode = (typeof ETHNICITIES)[number]['code'];

export const ETHNICITY_CODES = ETHNICITIES.map((e) => e.code) as [EthnicityCode, ...EthnicityCode[]];

export function isEthnicityCode(value: string): value is EthnicityCode {
  return (ETHNICITY_CODES as readonly string[]).includes(value);
}

export function ethnicityLabel(code: string): string {
  return ETHNICITIES.find((e) => e.code === code)?.label ?? code;
}
