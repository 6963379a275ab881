// Deterministic identifiers and seed mixing for the scale generator. Ids are counters inside a
// namespace that no demo id uses (demo users are …-4000-8000-…, demo people …-4000-9000-…), so a
// scale authority can sit beside the demo authority and the same seed always gives the same ids.

/**
 * Namespaces: the fourth group of the uuid. It must start with 8, 9, a or b (the RFC 4122
 * variant), or strict uuid validation (zod's z.uuid() on route parameters) refuses the id.
 */
export const ID_SPACE = {
  person: 'a001',
  user: 'a002',
  allocation: 'a003',
  grant: 'a004',
  name: 'a005',
  address: 'a006',
  contact: 'a007',
  /** The front door's other rows: contact_person, agency_check, referral, early_help_referral. */
  frontDoor: 'a008',
  /** Assessments, their next steps, child in need episodes, plans and reviews. */
  assessment: 'a009',
  /** Strategy discussions, section 47 enquiries, conferences and child protection plans. */
  childProtection: 'a00a',
  /** Early help episodes. */
  earlyHelp: 'a00b',
  // A journey module that adds a table adds its namespace here.
} as const;

export type IdSpace = keyof typeof ID_SPACE;

/** `5ca1e000-0000-4000-a001-000000000001` style: a valid uuid whose number is `n`. */
export function scaleId(space: IdSpace, n: number): string {
  return `5ca1e000-0000-4000-${ID_SPACE[space]}-${n.toString().padStart(12, '0')}`;
}

/** Mixes a seed with further numbers into a fresh 32-bit seed (splitmix32-style avalanche). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A small stable number for a text (a module name), for use with mixSeed. */
export function textSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
