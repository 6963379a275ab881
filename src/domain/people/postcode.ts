// UK postcodes: an outward code (area, district) and an inward code (sector, unit), as the GOV.UK
// design system's address pattern and the ONS postcode directory write them. Checked for shape only
// (not against the postcode directory, which would be a data download): the shape catches typing
// errors without refusing a new postcode.

const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/;

/** "mk9 3hs", "MK93HS" and " MK9  3HS " all become "MK9 3HS"; anything else is returned trimmed. */
export function normalisePostcode(value: string): string {
  const squashed = value.replace(/\s+/g, '').toUpperCase();
  const match = POSTCODE.exec(squashed);
  if (match === null) return value.trim();
  return `${match[1] ?? ''} ${match[2] ?? ''}`;
}

export function isValidPostcode(value: string): boolean {
  return POSTCODE.test(value.replace(/\s+/g, '').toUpperCase());
}

/** The key postcodes are compared and indexed by: upper case, no spaces ("MK93HS"). */
export function postcodeKey(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** The outward code ("MK9" of "MK9 3HS"), or null if the value is not a postcode. */
export function outwardCode(value: string): string | null {
  const match = POSTCODE.exec(postcodeKey(value));
  return match === null ? null : (match[1] ?? null);
}
