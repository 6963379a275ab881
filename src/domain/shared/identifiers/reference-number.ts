// Reference numbers people read out on the phone and type back: eight characters in two groups,
// "K7QD-93XZ", from Crockford's base 32 alphabet (digits and capital letters without I, L, O and U,
// so nothing is mistaken for 1 or 0 and no rude words appear). Seven characters are random (35
// bits: 34 billion values) and the eighth is a Luhn mod 32 check character, so any one mistyped
// character, and any swap of neighbours except 0 and Z, is caught before a search. Uniqueness is the database's job (a unique index,
// retried on collision); this module never draws randomness itself: the random digits are given.

export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const BASE = REFERENCE_ALPHABET.length; // 32
export const REFERENCE_RANDOM_LENGTH = 7;
const LENGTH = REFERENCE_RANDOM_LENGTH + 1;

function valueOf(char: string): number {
  return REFERENCE_ALPHABET.indexOf(char);
}

/** Luhn mod N check character for `payload` (Luhn's algorithm generalised to base 32). */
export function referenceCheckCharacter(payload: string): string {
  let sum = 0;
  let double = true;
  for (let i = payload.length - 1; i >= 0; i -= 1) {
    const value = valueOf(payload.charAt(i));
    if (value < 0) throw new RangeError(`Not a reference character: ${payload.charAt(i)}`);
    let addend = double ? value * 2 : value;
    addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
    double = !double;
  }
  return REFERENCE_ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
}

function formatted(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** A reference number from seven random values 0-31 (the app draws them from a secure source). */
export function referenceNumberFrom(randomValues: readonly number[]): string {
  if (randomValues.length !== REFERENCE_RANDOM_LENGTH) throw new RangeError(`A reference needs ${String(REFERENCE_RANDOM_LENGTH)} random values`);
  const payload = randomValues
    .map((v) => {
      if (!Number.isInteger(v) || v < 0 || v >= BASE) throw new RangeError(`Random value out of range: ${String(v)}`);
      return REFERENCE_ALPHABET.charAt(v);
    })
    .join('');
  return formatted(`${payload}${referenceCheckCharacter(payload)}`);
}

/**
 * What someone typed, as the stored form "K7QD-93XZ", or null if it cannot be a reference: case,
 * spaces and hyphens do not matter; O is read as 0 and I or L as 1 (Crockford's decoding rules).
 */
export function normaliseReferenceNumber(input: string): string | null {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (raw.length !== LENGTH || !/^[0-9A-HJKMNP-TV-Z]+$/.test(raw)) return null;
  const payload = raw.slice(0, REFERENCE_RANDOM_LENGTH);
  return referenceCheckCharacter(payload) === raw.charAt(REFERENCE_RANDOM_LENGTH) ? formatted(raw) : null;
}

export function isReferenceNumber(value: string): boolean {
  return normaliseReferenceNumber(value) === value;
}
