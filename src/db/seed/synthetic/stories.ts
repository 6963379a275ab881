// The story of each synthetic family: who the children are (ages, twins, an unborn baby), and the
// episodes of help they had over the years, with the dates every journey module needs (contact,
// assessment, plans, care) and the allocations to teams those episodes imply. A story depends only
// on (seed, family number, as-of day), so the generator can plan all families once to size the
// staff, then plan them again, chunk by chunk, to write them.
import {
  AGE_BANDS,
  CARE_LEAVER_TO_25_RATE,
  CHILDREN_PER_FAMILY_WEIGHTS,
  DURATION_DAYS,
  LOOKED_AFTER_OUTCOMES,
  MALE_RATE,
  REPEAT_EPISODE_RATE,
  REPEAT_STAGE_WEIGHTS,
  STAGE_WEIGHTS,
  TWIN_RATE,
  UNBORN_RATE,
  type Stage,
} from './proportions.ts';
import { INITIAL_CONFERENCE_AFTER_STRATEGY } from '../../../domain/child-protection/strategy-timescales.ts';
import { birthdayAt, YEAR_DAYS } from './dates.ts';
import { mixSeed } from './ids.ts';
import { dueDay, workingDayOnOrAfter } from './journeys/shared.ts';
import { createRandom, type Random } from './random.ts';
import { weighted, weightedIndex } from './sampling.ts';

export type Locality = 0 | 1 | 2;
export const FAMILY_SUPPORT_TEAMS = ['FST_NORTH', 'FST_CENTRAL', 'FST_SOUTH'] as const;

export interface ChildShape {
  /** Position in the family (0 = eldest); also the key phases refer to. */
  readonly key: number;
  readonly male: boolean;
  /** Day of birth, or for an unborn child the expected day of delivery. */
  readonly birthDay: number;
  readonly unborn: boolean;
  readonly twin: boolean;
}

/** Named dates in an episode. Journey modules (contacts, assessments, CP plans, care) read these. */
export interface Milestones {
  contact: number;
  decision?: number;
  referral?: number;
  earlyHelpStart?: number;
  earlyHelpEnd?: number;
  assessmentStart?: number;
  assessmentEnd?: number;
  childInNeedPlanStart?: number;
  childInNeedPlanEnd?: number;
  strategyDiscussion?: number;
  section47End?: number;
  initialConference?: number;
  childProtectionPlanEnd?: number;
  lookedAfterStart?: number;
  lookedAfterEnd?: number;
  lookedAfterOutcome?: (typeof LOOKED_AFTER_OUTCOMES)[number][0];
}

export interface Episode {
  readonly stage: Stage;
  readonly childKeys: readonly number[];
  readonly milestones: Milestones;
}

/** One allocation: a child with a team from `start` to `end` (null while still open). */
export interface Phase {
  readonly childKey: number;
  readonly team: string;
  readonly start: number;
  readonly end: number | null;
  /** Siblings allocated together share a worker: phases with the same key get the same one. */
  readonly workerKey: string;
  /** Index of the episode in FamilyShape.episodes (-1 for the unborn baby's pre-birth phase). */
  readonly episode: number;
}

export interface FamilyShape {
  readonly index: number;
  /** The day the story runs up to. */
  readonly asOf: number;
  readonly locality: Locality;
  readonly children: readonly ChildShape[];
  readonly episodes: readonly Episode[];
  readonly phases: readonly Phase[];
  /** Children adopted (their records are sealed after the order). */
  readonly adoptedKeys: readonly number[];
}

const between = (random: Random, range: readonly [number, number]): number => random.int(range[0], range[1]);

function pickAge(random: Random): number {
  const band =
    AGE_BANDS[
      weightedIndex(
        random,
        AGE_BANDS.map((b) => b[2]),
      )
    ] ?? AGE_BANDS[0];
  return random.int(band[0], band[1]);
}

/**
 * Plans one family. `maxChildren` caps the family so the authority has exactly N children.
 * Deterministic in (seed, index, asOf, years).
 */
export function planFamily(seed: number, index: number, asOf: number, years: number, maxChildren: number): FamilyShape {
  const random = createRandom(mixSeed(seed, index, 1));
  const windowStart = asOf - Math.round(years * YEAR_DAYS);
  const firstContact = random.int(windowStart, asOf);
  const locality = random.int(0, 2) as Locality;

  // Children: the eldest's age at first contact, younger ones 1-4 years apart (or twins).
  const count = Math.min(maxChildren, weightedIndex(random, CHILDREN_PER_FAMILY_WEIGHTS) + 1);
  const children: ChildShape[] = [];
  let birthDay = firstContact - Math.round(pickAge(random) * YEAR_DAYS) - random.int(0, 364);
  const hasTwins = count >= 2 && random.chance(TWIN_RATE);
  const twinAt = hasTwins ? random.int(1, count - 1) : -1;
  for (let key = 0; key < count; key += 1) {
    const twin = key === twinAt;
    if (key > 0 && !twin) birthDay += random.int(330, 4 * 365);
    if (birthDay > asOf) break;
    children.push({ key, male: random.chance(MALE_RATE), birthDay, unborn: false, twin });
  }
  if (children.length === 0) children.push({ key: 0, male: random.chance(MALE_RATE), birthDay: Math.min(birthDay, asOf - 1), unborn: false, twin: false });

  const episodes: Episode[] = [];
  const phases: Phase[] = [];
  const adoptedKeys: number[] = [];
  let start = firstContact;
  let stage: Stage = weighted(random, STAGE_WEIGHTS);
  for (let n = 0; n < 3; n += 1) {
    const inScope = children.filter((c) => c.birthDay <= start && birthdayAt(c.birthDay, 18) > start).map((c) => c.key);
    if (inScope.length === 0) break;
    const result = planEpisode(random, { stage, start, asOf, locality, childKeys: inScope, children, episodeNo: n });
    episodes.push(result.episode);
    phases.push(...result.phases);
    adoptedKeys.push(...result.adopted);
    if (result.open || !random.chance(REPEAT_EPISODE_RATE)) break;
    start = result.lastEnd + random.int(30, 900);
    if (start > asOf) break;
    stage = weighted(random, REPEAT_STAGE_WEIGHTS);
  }

  // An unborn baby in an open Family Support case: pre-birth assessment under way (CFG rate).
  const openFst = phases.find((p) => p.end === null && p.team.startsWith('FST_'));
  if (openFst !== undefined && children.length < maxChildren && random.chance(UNBORN_RATE * 8)) {
    const key = children.length;
    const due = asOf + random.int(10, 180);
    children.push({ key, male: random.chance(MALE_RATE), birthDay: due, unborn: true, twin: false });
    phases.push({
      childKey: key,
      team: openFst.team,
      start: Math.max(openFst.start, due - 200, asOf - 120),
      end: null,
      workerKey: openFst.workerKey,
      episode: -1,
    });
  }
  return { index, asOf, locality, children, episodes, phases, adoptedKeys };
}

interface EpisodeInput {
  readonly stage: Stage;
  readonly start: number;
  readonly asOf: number;
  readonly locality: Locality;
  readonly childKeys: readonly number[];
  readonly children: readonly ChildShape[];
  readonly episodeNo: number;
}

function planEpisode(random: Random, input: EpisodeInput) {
  const { stage, start, asOf, locality } = input;
  const fst = FAMILY_SUPPORT_TEAMS[locality];
  const m: Milestones = { contact: start };
  const phases: Phase[] = [];
  const adopted: number[] = [];
  const add = (childKey: number, team: string, from: number, to: number, workerKey: string) => {
    if (from > asOf) return;
    phases.push({ childKey, team, start: from, end: to >= asOf ? null : Math.max(to, from), workerKey, episode: input.episodeNo });
  };
  const ep = String(input.episodeNo);
  const screened = start + between(random, DURATION_DAYS.mashScreening);
  m.decision = screened;
  let childKeys = input.childKeys;
  if (stage === 'disabled') childKeys = [childKeys[random.int(0, childKeys.length - 1)] ?? 0];
  for (const k of childKeys) add(k, 'MASH', start, screened, `${ep}:mash`);
  const t = screened + 1;

  if (stage === 'early_help') {
    const end = t + between(random, DURATION_DAYS.earlyHelp);
    Object.assign(m, { earlyHelpStart: t, earlyHelpEnd: end });
    for (const k of childKeys) add(k, 'CFP', t, end, `${ep}:cfp`);
  } else if (stage === 'disabled') {
    const child = input.children[childKeys[0] ?? 0];
    const end = Math.min(t + between(random, DURATION_DAYS.disabledChildren), child === undefined ? t : birthdayAt(child.birthDay, 18) - 1);
    Object.assign(m, {
      referral: t,
      assessmentStart: t,
      assessmentEnd: t + between(random, DURATION_DAYS.assessment),
      childInNeedPlanStart: t + 60,
      childInNeedPlanEnd: end,
    });
    for (const k of childKeys) add(k, 'CWD', t, Math.max(end, t), `${ep}:cwd`);
  } else if (stage !== 'contact') {
    m.referral = t;
    m.assessmentStart = t;
    let fstEnd: number;
    if (stage === 'assessment') {
      fstEnd = t + between(random, DURATION_DAYS.assessment);
      m.assessmentEnd = fstEnd;
    } else if (stage === 'child_in_need') {
      const assessed = t + between(random, DURATION_DAYS.assessment);
      fstEnd = assessed + between(random, DURATION_DAYS.childInNeedPlan);
      Object.assign(m, { assessmentEnd: assessed, childInNeedPlanStart: assessed, childInNeedPlanEnd: fstEnd });
    } else if (stage === 'child_protection') {
      // Meetings are held on working days (the statutory calendar, bank holidays included): the
      // strategy discussion, the initial conference (CIN census rule 8875: never a weekend) and the
      // review conference that ends the plan. The conference is held by its CP-03 due day (15
      // working days after the strategy discussion) unless the enquiry itself ends later.
      const strategy = workingDayOnOrAfter(t);
      const s47End = strategy + between(random, DURATION_DAYS.section47);
      const icpcDue = dueDay(INITIAL_CONFERENCE_AFTER_STRATEGY, strategy);
      const proposed = workingDayOnOrAfter(s47End + random.int(3, 12));
      const icpc = proposed > icpcDue && icpcDue >= s47End ? icpcDue : proposed;
      const planEnd = workingDayOnOrAfter(icpc + between(random, DURATION_DAYS.childProtectionPlan));
      fstEnd = planEnd + between(random, DURATION_DAYS.stepDownChildInNeed);
      Object.assign(m, {
        strategyDiscussion: strategy,
        section47End: s47End,
        assessmentEnd: s47End + 20,
        initialConference: icpc,
        childProtectionPlanEnd: planEnd,
        childInNeedPlanStart: planEnd,
        childInNeedPlanEnd: fstEnd,
      });
    } else {
      // looked_after: proceedings with the Family Support Team, then care, then (for some) leaving care.
      const accommodated = t + random.int(0, 60);
      fstEnd = accommodated + between(random, DURATION_DAYS.proceedings);
      m.assessmentEnd = accommodated;
      m.lookedAfterStart = accommodated;
      const outcome = weighted(random, LOOKED_AFTER_OUTCOMES);
      m.lookedAfterOutcome = outcome;
      let careEnd = fstEnd;
      for (const k of childKeys) {
        const child = input.children[k];
        if (child === undefined) continue;
        add(k, fst, t, fstEnd, `${ep}:fst`);
        const from = fstEnd + 1;
        const sixteen = birthdayAt(child.birthDay, 16);
        const eighteen = birthdayAt(child.birthDay, 18);
        const young = from < birthdayAt(child.birthDay, 6);
        const childOutcome = outcome === 'adoption' && !young ? 'long_term' : outcome;
        if (childOutcome === 'long_term' || from >= sixteen) {
          if (from < sixteen) add(k, 'CIC', from, sixteen - 1, `${ep}:cic`);
          const leaves = birthdayAt(child.birthDay, random.chance(CARE_LEAVER_TO_25_RATE) ? 25 : 21);
          add(k, 'LEAVING_CARE', Math.max(from, sixteen), leaves, `${ep}:lc:${String(k)}`);
          careEnd = Math.max(careEnd, eighteen);
        } else if (childOutcome === 'adoption') {
          const order = from + random.int(300, 700);
          add(k, 'ADOPTION', from, order, `${ep}:adoption`);
          if (order < asOf) adopted.push(k);
          careEnd = Math.max(careEnd, order);
        } else {
          const end = Math.min(from + between(random, DURATION_DAYS.lookedAfterReturnHome), sixteen - 1);
          add(k, 'CIC', from, Math.max(end, from), `${ep}:cic`);
          careEnd = Math.max(careEnd, end);
        }
      }
      m.lookedAfterEnd = careEnd;
      return finish(m, phases, adopted, asOf, stage, childKeys);
    }
    for (const k of childKeys) add(k, fst, t, fstEnd, `${ep}:fst`);
  }
  return finish(m, phases, adopted, asOf, stage, childKeys);
}

function finish(m: Milestones, phases: Phase[], adopted: number[], asOf: number, stage: Stage, childKeys: readonly number[]) {
  // Milestones after the as-of day have not happened yet.
  const happened = Object.fromEntries(Object.entries(m).filter(([, day]) => typeof day !== 'number' || day <= asOf)) as Partial<Milestones>;
  const milestones: Milestones = { ...happened, contact: m.contact };
  const open = phases.some((p) => p.end === null);
  const lastEnd = phases.reduce((max, p) => Math.max(max, p.end ?? asOf), m.contact);
  return { episode: { stage, childKeys, milestones }, phases, adopted, open, lastEnd };
}

/** What a child's open case is on the as-of day, for the staff sizing and the proportions test. */
export type OpenStatus = 'front_door' | 'early_help' | 'child_in_need' | 'child_protection' | 'looked_after' | 'care_leaver' | 'disabled';

export function openStatusOf(shape: FamilyShape, phase: Phase, asOf: number): OpenStatus | null {
  if (phase.end !== null) return null;
  const child = shape.children[phase.childKey];
  const m = shape.episodes[phase.episode]?.milestones;
  switch (phase.team) {
    case 'MASH':
      return 'front_door';
    case 'CFP':
      return 'early_help';
    case 'CWD':
      return 'disabled';
    case 'CIC':
    case 'ADOPTION':
      return 'looked_after';
    case 'LEAVING_CARE':
      return child !== undefined && birthdayAt(child.birthDay, 18) > asOf ? 'looked_after' : 'care_leaver';
    default:
      if (m?.lookedAfterStart !== undefined) return 'looked_after';
      if (m?.initialConference !== undefined && m.childProtectionPlanEnd === undefined) return 'child_protection';
      return 'child_in_need';
  }
}
