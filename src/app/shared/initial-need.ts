// The child's primary need as first recorded where social care work starts: at the MASH decision
// that makes a referral to children's social care, or when a child in need plan, a strategy
// discussion or an initial conference is started from the child's record. DfE CIN census
// PrimaryNeedCode (code list: src/domain/shared/codes/dfe/primary-need.ts); the census reports it for
// an episode until an assessment records the need (rule 8610). Required on each of those routes.
import { isPrimaryNeed, type PrimaryNeed } from '../../domain/shared/codes/dfe/primary-need.ts';
import { ValidationError } from './errors.ts';

export const INITIAL_NEED_MESSAGE = 'Select the child’s primary need from the list';

/** The recorded code, or a ValidationError on `field` when it is missing or not a DfE primary need code. */
export function requireInitialNeed(value: string | null | undefined, field = 'primaryNeed'): PrimaryNeed {
  const code = value?.trim() ?? '';
  if (!isPrimaryNeed(code)) throw new ValidationError({ [field]: INITIAL_NEED_MESSAGE });
  return code;
}

/** The field error for a missing or unknown code, or undefined when it is a DfE primary need code. */
export function initialNeedProblem(value: string | null | undefined): string | undefined {
  return isPrimaryNeed(value?.trim() ?? '') ? undefined : INITIAL_NEED_MESSAGE;
}
