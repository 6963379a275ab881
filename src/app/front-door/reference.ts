// A new contact reference number: seven random characters from a secure source and a check character
// (src/domain/shared/identifiers/reference-number.ts). Uniqueness is checked against the database.
import { randomInt } from 'node:crypto';
import { REFERENCE_RANDOM_LENGTH, referenceNumberFrom } from '../../domain/shared/identifiers/reference-number.ts';

export function newReferenceNumber(): string {
  return referenceNumberFrom(Array.from({ length: REFERENCE_RANDOM_LENGTH }, () => randomInt(32)));
}
