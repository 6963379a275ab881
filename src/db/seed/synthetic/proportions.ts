// The shape of a synthetic English authority: how far children's journeys go, how long each stage
// lasts, family sizes, and staff per caseload. Figures are rounded from the national statistics
// named beside them and from the Milton Keynes seed documents; they are calibrated so that, on the
// day the authority is generated, the open caseload has the national mix (see scale.test.ts).
//
// Sources:
//  [CIN24] DfE, Characteristics of children in need, year ending 31 March 2024: 399,460 children in
//          need at 31 March (about 333 per 10,000 children); about 12% of them on a child
//          protection plan; about 22% of referrals were repeats within 12 months; disability
//          recorded for about 13%.
//  [CLA24] DfE, Children looked after in England including adoptions, year ending 31 March 2024:
//          about 83,600 looked after (about 21% of the children in need figure); about 27% aged 16+.
//  [SEED000] Milton Keynes Children's Social Care teams page: Family Support Teams keep caseloads of
//          9 families per worker; a MASH at the front door; a 16-25 team; CWD; Children in Care.
//  [IRO] IRO Handbook (2010) recommends 50-70 children per full-time IRO.
// Where no source gives a figure the value is marked CFG: a plausible default.

/** The deepest stage a family's first episode reaches, over ten years of records (CFG, calibrated). */
export const STAGE_WEIGHTS = [
  ['contact', 0.43], // contact only: advice, signposting or no further action at the front door
  ['early_help', 0.14], // stepped down to targeted early help (Children and Family Practices)
  ['assessment', 0.2], // referral and child and family assessment, then no further action
  ['child_in_need', 0.13], // assessment, then a child in need plan
  ['child_protection', 0.042], // strategy discussion, s47, conference, child protection plan
  ['looked_after', 0.018], // becomes looked after (and, at 16+, a care leaver)
  ['disabled', 0.013], // children with disabilities team
] as const;

export type Stage = (typeof STAGE_WEIGHTS)[number][0];

/** Stage of a repeat episode: repeats are more often assessments and plans [CIN24 repeat referrals]. */
export const REPEAT_STAGE_WEIGHTS = [
  ['contact', 0.35],
  ['early_help', 0.15],
  ['assessment', 0.22],
  ['child_in_need', 0.16],
  ['child_protection', 0.09],
  ['looked_after', 0.03],
] as const satisfies readonly (readonly [Stage, number])[];

/** Share of families referred again after their first episode closed [CIN24: ~22% within 12 months]. */
export const REPEAT_EPISODE_RATE = 0.3;

/** Durations in calendar days: [min, max] (CFG unless sourced). */
export const DURATION_DAYS = {
  mashScreening: [1, 4], // decision within 1 working day, recorded a little later
  earlyHelp: [80, 300],
  assessment: [20, 63], // within 45 working days (Working Together 2023)
  childInNeedPlan: [120, 540],
  section47: [10, 30],
  childProtectionPlan: [90, 560],
  stepDownChildInNeed: [60, 240],
  proceedings: [120, 260], // 26 weeks (PLO) with a Family Support Team before transfer
  lookedAfterReturnHome: [60, 900],
  disabledChildren: [700, 3600],
} as const;

/** Of children who become looked after: how their care ends (CFG, after [CLA24] reasons ceased). */
export const LOOKED_AFTER_OUTCOMES = [
  ['return_home', 0.4],
  ['long_term', 0.45], // stays until 18 and becomes a care leaver
  ['adoption', 0.08],
  ['special_guardianship', 0.07],
] as const;

/** Care leavers supported to 25 rather than 21 (CFG). */
export const CARE_LEAVER_TO_25_RATE = 0.25;

/** Children in a family, weights for 1..5 [CFG; mean about 1.9]. */
export const CHILDREN_PER_FAMILY_WEIGHTS = [0.42, 0.3, 0.16, 0.08, 0.04] as const;

/** Age (years) of the eldest child at the first contact: weights by band [CIN24 age profile]. */
export const AGE_BANDS = [
  [0, 0, 0.06],
  [1, 4, 0.17],
  [5, 9, 0.27],
  [10, 15, 0.36],
  [16, 17, 0.14],
] as const;

export const TWIN_RATE = 0.03; // share of families with two or more children that include twins
export const MALE_RATE = 0.53; // [CIN24: 53% of children in need are boys]
export const FATHER_KNOWN_RATE = 0.8;
export const FATHER_AT_HOME_RATE = 0.45;
export const STEP_PARENT_RATE = 0.15;
export const GRANDPARENT_RATE = 0.12;
export const HALF_SIBLING_RATE = 0.2; // of families with 2+ children, a second father
export const CHILD_TAKES_FATHER_SURNAME_RATE = 0.6;
export const PARENTS_SHARE_SURNAME_RATE = 0.5;
export const NHS_NUMBER_KNOWN_RATE = 0.92;
export const RESTRICTED_RATE = 0.003; // a member of staff's relative, a high-profile case (CFG)
export const UNBORN_RATE = 0.02; // open families with a pre-birth assessment under way (CFG)

/** Realistic duplicate records for the matching benchmark (CFG: 1-3% is typical of case systems). */
export const DUPLICATE_CHILD_RATE = 0.02;
export const DUPLICATE_ADULT_RATE = 0.005;
export const DUPLICATE_KIND_WEIGHTS = [
  ['given-name-typo', 0.22],
  ['family-name-typo', 0.18],
  ['nickname', 0.15],
  ['swapped-names', 0.08],
  ['dob-day-month-swapped', 0.12],
  ['changed-surname', 0.15],
  ['combined', 0.1], // a typo and a second variation together
] as const;
export const DUPLICATE_KEEPS_NHS_NUMBER_RATE = 0.35;

/**
 * Open caseload per worker, by team [SEED000 for Family Support; CFG elsewhere]. `unit` says what
 * a caseload counts: families (sibling groups together) or children.
 */
export const CASELOAD_TARGETS: Readonly<Record<string, { readonly perWorker: number; readonly unit: 'families' | 'children' }>> = {
  FST_NORTH: { perWorker: 9, unit: 'families' },
  FST_CENTRAL: { perWorker: 9, unit: 'families' },
  FST_SOUTH: { perWorker: 9, unit: 'families' },
  CFP: { perWorker: 12, unit: 'families' },
  FAST_STEP: { perWorker: 8, unit: 'families' },
  CIC: { perWorker: 15, unit: 'children' },
  CWD: { perWorker: 15, unit: 'children' },
  LEAVING_CARE: { perWorker: 20, unit: 'children' },
  ADOPTION: { perWorker: 10, unit: 'children' },
};

/** Contacts a MASH practitioner screens in a year (CFG), and other staff per open case. */
export const CONTACTS_PER_MASH_PRACTITIONER_YEAR = 900;
export const LOOKED_AFTER_PER_IRO = 60; // [IRO]
export const CP_CHILDREN_PER_CHAIR = 70; // CFG
export const LOOKED_AFTER_PER_FOSTERING_WORKER = 35; // CFG
export const WORKERS_PER_MANAGER = 7; // a team manager, plus a deputy for each 7 workers (CFG)
/** Staff leave and are replaced: former (inactive) accounts per current worker per year (CFG). */
export const STAFF_TURNOVER_PER_YEAR = 0.15;
