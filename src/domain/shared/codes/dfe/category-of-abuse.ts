// Child protection category of abuse as the DfE codes it: the Children in Need census
// `InitialCategoryOfAbuse` / `LatestCategoryOfAbuse` (domain-spec §3.5). A conference that makes a
// child subject to a child protection plan records one category; MUL where more than one applies.
// Stored as these codes (a CHECK in migration 0014).

export const CATEGORY_OF_ABUSE_SOURCE = 'DfE Children in Need census, InitialCategoryOfAbuse and LatestCategoryOfAbuse (domain-spec §3.5)' as const;

export const CATEGORIES_OF_ABUSE = [
  { code: 'NEG', label: 'Neglect' },
  { code: 'PHY', label: 'Physical abuse' },
  { code: 'EMO', label: 'Emotional abuse' },
  { code: 'SAB', label: 'Sexual abuse' },
  { code: 'MUL', label: 'Multiple categories' },
] as const;

export type CategoryOfAbuse = (typeof CATEGORIES_OF_ABUSE)[number]['code'];

export const CATEGORY_OF_ABUSE_CODES = CATEGORIES_OF_ABUSE.map((c) => c.code) as [CategoryOfAbuse, ...CategoryOfAbuse[]];

export function isCategoryOfAbuse(value: string): value is CategoryOfAbuse {
  return (CATEGORY_OF_ABUSE_CODES as readonly string[]).includes(value);
}

export function categoryOfAbuseLabel(code: string): string {
  return CATEGORIES_OF_ABUSE.find((c) => c.code === code)?.label ?? code;
}
