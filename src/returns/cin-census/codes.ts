// The code lists of the CIN census, from the enumerations of the DfE's schema for the 2026 collection
// (CIN_schema_2026.xsd: sextype, ethnicitytype, disabilitytype, referralsourcetype, primaryneedcodetype,
// reasonforclosuretype, assessmentfactorstype, categoryofabusetype, unknownupntype). The 2025 schema
// has the same lists. The rules check values against these, so a value Hearth stores in another form
// is caught before the file leaves.

export const SEX_CODES = ['M', 'F', 'U'] as const;
export const ETHNICITY_CODES = [
  'WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT',
] as const;
export const DISABILITY_CODES = ['NONE', 'MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS', 'BEH', 'CON', 'AUT', 'DDA'] as const;
export const REFERRAL_SOURCE_CODES = ['1A', '1B', '1C', '1D', '2A', '2B', '3A', '3B', '3C', '3D', '3E', '3F', '4', '5A', '5B', '5C', '5D', '6', '7', '8', '9', '10'] as const;
export const PRIMARY_NEED_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9', 'N0'] as const;
export const REASON_FOR_CLOSURE_CODES = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8', 'RC9'] as const;
export const ASSESSMENT_FACTOR_CODES = [
  '1A', '1B', '1C', '2A', '2B', '2C', '3A', '3B', '3C', '4A', '4B', '4C', '5A', '5B', '5C', '6A', '6B', '6C', '7A', '8B', '8C', '8D', '8E', '8F', '9A', '10A', '11A', '12A',
  '13A', '14A', '15A', '16A', '17A', '18A', '18B', '18C', '19A', '19B', '19C', '20', '21', '22A', '23A', '24A',
] as const;
export const CATEGORY_OF_ABUSE_CODES = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'] as const;
export const UPN_UNKNOWN_CODES = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'] as const;

export const isOneOf = (list: readonly string[], value: string | undefined): boolean => value !== undefined && list.includes(value);
