// Disability as the DfE codes it: the 13 codes of the Children in Need census (CIN census 2025-26,
// `disabilitytype` in the DfE's published CIN schema for the 2026 collection). A child may have
// several; NONE may not appear with any other code (CIN validation rule 8790) and no code may repeat
// (rule 8794). Stored as these codes (a CHECK in migration 0005).

export const DISABILITY_SOURCE = 'DfE Children in Need census 2025-26 (collection year 2026), disabilitytype; rules 8790, 8794' as const;
export const DISABILITY_YEAR = 2026 as const;

export const DISABILITIES = [
  { code: 'NONE', label: 'No disability' },
  { code: 'MOB', label: 'Mobility' },
  { code: 'HAND', label: 'Hand function' },
  { code: 'PC', label: 'Personal care' },
  { code: 'INC', label: 'Incontinence' },
  { code: 'COMM', label: 'Communication' },
  { code: 'LD', label: 'Learning' },
  { code: 'HEAR', label: 'Hearing' },
  { code: 'VIS', label: 'Vision' },
  { code: 'BEH', label: 'Behaviour' },
  { code: 'CON', label: 'Consciousness' },
  { code: 'AUT', label: 'Autism' },
  { code: 'DDA', label: 'Other' },
] as const;

export type DisabilityCode = (typeof DISABILITIES)[number]['code'];

export const DISABILITY_CODES = DISABILITIES.map((d) => d.code) as [DisabilityCode, ...DisabilityCode[]];

export function disabilityLabel(code: string): string {
  return DISABILITIES.find((d) => d.code === code)?.label ?? code;
}

/** What is wrong with a set of disability codes under rules 8790 and 8794, or null if nothing. */
export function disabilityCodesProblem(codes: readonly string[]): 'none-with-others' | 'repeated' | null {
  if (new Set(codes).size !== codes.length) return 'repeated';
  if (codes.includes('NONE') && codes.length > 1) return 'none-with-others';
  return null;
}
