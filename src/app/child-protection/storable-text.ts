// Free text on the strategy discussion and section 47 forms must be storable (no NUL bytes, no lone
// surrogates: src/app/shared/safe-text.ts); anything else is a field error, never a 500.
import { isStorableText } from '../shared/safe-text.ts';
import { ValidationError } from '../shared/errors.ts';

export const UNSTORABLE = 'Remove the characters that cannot be stored (control or broken characters)';

/** Throws a ValidationError naming every field whose text cannot be stored. */
export function requireStorable(fields: Readonly<Record<string, unknown>>): void {
  const errors: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && !isStorableText(value)) errors[field] = UNSTORABLE;
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}
