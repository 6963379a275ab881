// The front-door journey (migration 0008): one contact for each episode of a family's story, with
// the children and mother it names linked to their records, screening (consent to checks, levels of
// need, partner agency checks), the MASH decision on the story's decision day (within one working
// day mostly), and the referral it starts: to social care (allocated to the team and worker of the
// story's next phase) or to targeted early help. Contacts still open on the as-of day are in
// screening. Proportions are CFG approximations of [CIN24] referral sources; all text is synthetic.
import { STATUTORY_WORKING_DAY_CALENDAR } from '../../../../domain/shared/calendar/index.ts';
import { REFERENCE_ALPHABET, referenceCheckCharacter } from '../../../../domain/shared/identifiers/reference-number.ts';
import { parseLocalDate, toIsoDate } from '../../../../domain/shared/time/local-date.ts';
import type { TableSpec } from '../bulk-insert.ts';
import { isoOf, timestampOf } from '../dates.ts';
import { mixSeed, textSeed } from '../ids.ts';
import type { FamilyRecord, GeneratorContext, JourneyModule } from '../module.ts';
import { adultGivenName, surname } from '../people.ts';
import { createRandom, type Random } from '../random.ts';
import { weighted } from '../sampling.ts';
import type { Stage } from '../proportions.ts';
import { needAtStart } from './shared.ts';

export const CONTACT_TABLE: TableSpec = {
  table: 'contact',
  columns: [
    ['id', 'uuid'],
    ['reference', 'text'],
    ['channel', 'text'],
    ['status', 'text'],
    ['received_at', 'timestamptz'],
    ['received_on', 'date'],
    ['decision_due_on', 'date'],
    ['referral_source', 'text'],
    ['referrer_name', 'text'],
    ['referrer_role', 'text'],
    ['referrer_organisation', 'text'],
    ['address_line1', 'text'],
    ['town', 'text'],
    ['postcode', 'text'],
    ['worries', 'text'],
    ['family_consent', 'text'],
    ['family_consent_reason', 'text'],
    ['immediate_risk', 'boolean'],
    ['immediate_risk_details', 'text'],
    ['recorded_by_user_id', 'uuid'],
    ['consent_to_checks', 'text'],
    ['checks_without_consent', 'boolean'],
    ['consent_override_reason', 'text'],
    ['consent_rationale', 'text'],
    ['consent_recorded_by_user_id', 'uuid'],
    ['consent_recorded_at', 'timestamptz'],
    ['need_level', 'smallint'],
    ['need_rationale', 'text'],
    ['need_recorded_by_user_id', 'uuid'],
    ['need_recorded_at', 'timestamptz'],
    ['outcome', 'text'],
    ['decision_rationale', 'text'],
    ['decided_by_user_id', 'uuid'],
    ['decided_at', 'timestamptz'],
    ['decided_on', 'date'],
    ['decision_working_days', 'integer'],
    ['decided_within_timescale', 'boolean'],
    ['created_at', 'timestamptz'],
  ],
};
export const CONTACT_PERSON_TABLE: TableSpec = {
  table: 'contact_person',
  columns: [
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['position', 'smallint'],
    ['role', 'text'],
    ['given_name', 'text'],
    ['family_name', 'text'],
    ['date_of_birth', 'date'],
    ['relationship', 'text'],
    ['person_id', 'uuid'],
    ['linked_by_user_id', 'uuid'],
    ['linked_at', 'timestamptz'],
  ],
};
export const AGENCY_CHECK_TABLE: TableSpec = {
  table: 'agency_check',
  columns: [
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['agency', 'text'],
    ['status', 'text'],
    ['without_consent', 'boolean'],
    ['requested_by_user_id', 'uuid'],
    ['requested_at', 'timestamptz'],
    ['details', 'text'],
    ['answered_by_user_id', 'uuid'],
    ['answered_at', 'timestamptz'],
  ],
};
export const REFERRAL_TABLE: TableSpec = {
  table: 'referral',
  columns: [
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['child_id', 'uuid'],
    ['purpose', 'text'],
    ['referral_source', 'text'],
    ['referred_on', 'date'],
    ['primary_need', 'text'],
    ['team_id', 'uuid'],
    ['status', 'text'],
    ['allocated_worker_user_id', 'uuid'],
    ['allocated_by_user_id', 'uuid'],
    ['allocated_at', 'timestamptz'],
    ['allocation_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};
export const EARLY_HELP_REFERRAL_TABLE: TableSpec = {
  table: 'early_help_referral',
  columns: [
    ['id', 'uuid'],
    ['contact_id', 'uuid'],
    ['child_id', 'uuid'],
    ['referred_on', 'date'],
    ['need_level', 'smallint'],
    ['family_consent', 'boolean'],
    ['created_at', 'timestamptz'],
  ],
};

const SOURCES = [
  ['6', 0.29],
  ['2A', 0.19],
  ['2B', 0.02],
  ['3A', 0.03],
  ['3B', 0.03],
  ['3C', 0.01],
  ['3D', 0.03],
  ['3E', 0.03],
  ['3F', 0.02],
  ['4', 0.02],
  ['5A', 0.03],
  ['5B', 0.02],
  ['5C', 0.03],
  ['5D', 0.02],
  ['1A', 0.05],
  ['1B', 0.01],
  ['1C', 0.005],
  ['1D', 0.005],
  ['7', 0.04],
  ['8', 0.04],
  ['9', 0.02],
  ['10', 0.01],
] as const;
const REFERRERS: Readonly<Record<string, readonly [string, string]>> = {
  '6': ['Police officer', 'Police'],
  '2A': ['Designated safeguarding lead', 'School'],
  '2B': ['Education welfare officer', 'Education services'],
  '3A': ['GP', 'GP surgery'],
  '3B': ['Health visitor', 'Health visiting service'],
  '3C': ['School nurse', 'School nursing service'],
  '3E': ['Emergency department nurse', 'Hospital'],
  '4': ['Housing officer', 'Housing'],
  '5A': ['Social worker', 'Adult social care'],
  '5D': ['Family practitioner', 'Children and Family Practices'],
  '7': ['Probation officer', 'Probation service'],
  '8': ['Project worker', 'Voluntary organisation'],
};
const CHANNELS = [
  ['online_form', 0.45],
  ['phone', 0.3],
  ['email', 0.2],
  ['in_person', 0.03],
  ['letter', 0.02],
] as const;
const WORRIES: Readonly<Record<Stage, readonly string[]>> = {
  contact: [
    'Parent asked for advice about managing behaviour at home.',
    'Worry about school attendance; no other concerns known.',
    'A neighbour reported shouting; the family were seen and are well.',
  ],
  early_help: [
    'The family are struggling with housing and money; the children are often late to school.',
    'Parent is isolated after a bereavement and asks for support.',
  ],
  assessment: [
    'The child has been seen with bruises that have been explained; the school asks for an assessment.',
    'Concerns about home conditions and supervision of young children.',
  ],
  child_in_need: ['Parental mental health is affecting the care of the children.', 'The child has unmet health needs and has missed appointments.'],
  child_protection: [
    'Domestic abuse incident reported by the police with the children present.',
    'The child disclosed being hit by a parent.',
    'Serious concerns of neglect: the home is unsafe and the children appear hungry.',
  ],
  looked_after: ['The parent has been arrested and there is no one to care for the children.', 'The young person is homeless after a family breakdown.'],
  disabled: ['The family ask for an assessment of the child’s needs arising from disability and for short breaks.'],
};
const OUTCOMES: Readonly<Record<Stage, string>> = {
  contact: 'nfa',
  early_help: 'targeted_early_help',
  assessment: 'social_care_assessment',
  child_in_need: 'social_care_assessment',
  child_protection: 'strategy_discussion',
  looked_after: 'social_care_assessment',
  disabled: 'social_care_assessment',
};
const NEED_LEVEL: Readonly<Record<Stage, number>> = {
  contact: 1,
  early_help: 3,
  assessment: 4,
  child_in_need: 4,
  child_protection: 4,
  looked_after: 4,
  disabled: 4,
};

/** Reference numbers: a bijection of a counter over 32^7 values, so none repeats; then the check character. */
export function syntheticReference(n: number): string {
  const value = (n * 1_048_573 + 12_345) % 34_359_738_368; // 32^7; the multiplier is odd, so this is a bijection
  let raw = '';
  let v = value;
  for (let i = 0; i < 7; i += 1) {
    raw = (REFERENCE_ALPHABET[v % 32] ?? '0') + raw;
    v = Math.floor(v / 32);
  }
  const full = raw + referenceCheckCharacter(raw);
  return `${full.slice(0, 4)}-${full.slice(4)}`;
}

const calendar = STATUTORY_WORKING_DAY_CALENDAR;
const nextWorkingDay = (day: number): string => toIsoDate(calendar.nextWorkingDay(parseLocalDate(isoOf(day))));
const workingDaysBetween = (from: number, to: number): number => calendar.workingDaysBetween(parseLocalDate(isoOf(from)), parseLocalDate(isoOf(to)));

function emitEpisode(family: FamilyRecord, ctx: GeneratorContext, sink: Parameters<JourneyModule['emit']>[2], random: Random, episodeIndex: number): void {
  const episode = family.shape.episodes[episodeIndex];
  if (episode === undefined) return;
  const m = episode.milestones;
  const mashPhases = family.shape.phases.filter((p) => p.episode === episodeIndex && p.team === 'MASH');
  const first = mashPhases[0];
  if (first === undefined) return;
  const decided = first.end !== null && m.decision !== undefined;
  const contactId = ctx.nextId('contact');
  const received = timestampOf(m.contact, random.int(0, 540));
  const source = weighted(random, SOURCES);
  const [role, organisation] = REFERRERS[source] ?? ['Referrer', 'Partner agency'];
  const anonymous = source === '9';
  const stage = episode.stage;
  const consent =
    stage === 'early_help'
      ? 'yes'
      : weighted(random, [
          ['yes', 0.7],
          ['no', 0.1],
          ['not_asked', 0.2],
        ] as const);
  const risk = stage === 'child_protection' && random.chance(0.3);
  const screener = ctx.staff.anyWorker('MASH', random);
  const manager = ctx.staff.manager('MASH');
  const online = random.chance(0.4);
  const recorder = online ? null : screener;
  const overridden = stage === 'child_protection' && consent !== 'yes';
  const consentToChecks = consent === 'yes' ? 'given' : overridden ? 'refused' : 'not_sought';
  const screenedAt = timestampOf(m.contact, random.int(60, 600));
  const need = stage === 'contact' && random.chance(0.4) ? 2 : NEED_LEVEL[stage];
  const decidedOn = decided ? (m.decision ?? m.contact) : null;
  const outcome = !decided ? null : stage === 'contact' && need === 2 ? 'universal_signpost' : OUTCOMES[stage];
  const home = family.people.children[0]?.address;
  const days = decidedOn === null ? null : workingDaysBetween(m.contact, decidedOn);
  sink.push(CONTACT_TABLE, [
    contactId,
    syntheticReference(ctx.nextNumber('contact-reference')),
    online ? 'online_form' : weighted(random, CHANNELS),
    decided ? 'decided' : 'screening',
    received,
    isoOf(m.contact),
    nextWorkingDay(m.contact),
    source,
    anonymous ? null : `${adultGivenName(random, random.chance(0.3))} ${surname(random)}`,
    anonymous ? null : role,
    anonymous ? null : organisation,
    home?.addressLine1 ?? null,
    home?.town ?? null,
    home?.postcode ?? null,
    random.pick(WORRIES[stage]),
    consent,
    consent === 'yes' ? null : consent === 'no' ? 'The family did not agree to the referral.' : 'The referrer judged that asking would put the child at risk.',
    risk,
    risk ? 'The police are with the family now.' : null,
    recorder,
    consentToChecks,
    consentToChecks === 'refused',
    overridden ? 'clear_risk_to_child' : null,
    overridden ? 'Checks are needed to judge the risk of significant harm.' : null,
    screener,
    screenedAt,
    need,
    `Level ${String(need)} on the levels of need: indicators recorded at screening.`,
    screener,
    screenedAt,
    outcome,
    outcome === null ? null : 'Decision recorded after screening and checks.',
    decided ? (manager ?? screener) : null,
    decidedOn === null ? null : timestampOf(decidedOn, random.int(300, 520)),
    decidedOn === null ? null : isoOf(decidedOn),
    days,
    days === null ? null : days <= 1,
    received,
  ]);
  let position = 1;
  for (const phase of mashPhases) {
    const child = family.people.children.find((c) => c.childKey === phase.childKey);
    if (child === undefined) continue;
    sink.push(CONTACT_PERSON_TABLE, [
      ctx.nextId('frontDoor'),
      contactId,
      position++,
      'child',
      child.givenName,
      child.familyName,
      child.dateOfBirth === null ? null : isoOf(child.dateOfBirth),
      null,
      child.id,
      screener,
      screenedAt,
    ]);
  }
  const mother = family.people.adults.find((a) => a.role === 'mother');
  if (mother !== undefined)
    sink.push(CONTACT_PERSON_TABLE, [
      ctx.nextId('frontDoor'),
      contactId,
      position,
      'adult',
      mother.givenName,
      mother.familyName,
      mother.dateOfBirth === null ? null : isoOf(mother.dateOfBirth),
      'mother',
      mother.id,
      screener,
      screenedAt,
    ]);
  if (need >= 3 && screener !== null) {
    for (const agency of ['police', 'health', 'education'] as const) {
      const answered = decided || random.chance(0.5);
      const shared = random.chance(0.45);
      sink.push(AGENCY_CHECK_TABLE, [
        ctx.nextId('frontDoor'),
        contactId,
        agency,
        answered ? (shared ? 'information_shared' : 'nothing_known') : 'requested',
        consentToChecks !== 'given',
        screener,
        screenedAt,
        answered && shared ? 'Known to the service; information shared with the MASH.' : null,
        answered ? screener : null,
        answered ? timestampOf(m.contact, 600) : null,
      ]);
    }
  }
  if (!decided || decidedOn === null) return;
  for (const phase of mashPhases) {
    const next = family.shape.phases.find((p) => p.childKey === phase.childKey && p.episode === episodeIndex && p.team !== 'MASH');
    const childId = family.childId(phase.childKey);
    if (outcome === 'targeted_early_help') {
      const earlyHelpReferralId = ctx.nextId('frontDoor');
      family.links.set(`earlyHelpReferral:${String(episodeIndex)}:${String(phase.childKey)}`, earlyHelpReferralId);
      sink.push(EARLY_HELP_REFERRAL_TABLE, [earlyHelpReferralId, contactId, childId, isoOf(decidedOn), need, true, timestampOf(decidedOn, 530)]);
    } else if ((outcome === 'social_care_assessment' || outcome === 'strategy_discussion') && next !== undefined) {
      const worker = family.workerOf(next);
      const referralId = ctx.nextId('frontDoor');
      family.links.set(`referral:${String(episodeIndex)}:${String(phase.childKey)}`, referralId);
      sink.push(REFERRAL_TABLE, [
        referralId,
        contactId,
        childId,
        outcome === 'strategy_discussion' ? 'strategy_discussion' : 'assessment',
        source,
        isoOf(decidedOn),
        needAtStart(mixSeed(ctx.seed, family.shape.index, textSeed('referral-need'), episodeIndex, phase.childKey), stage),
        ctx.teamId(next.team),
        worker === null ? 'awaiting_allocation' : 'allocated',
        worker,
        worker === null ? null : ctx.staff.manager(next.team),
        worker === null ? null : timestampOf(next.start, 30),
        worker === null ? null : family.allocationId(next),
        timestampOf(decidedOn, 530),
      ]);
    }
  }
}

export const frontDoorModule: JourneyModule = {
  name: 'front-door',
  tables: [CONTACT_TABLE, CONTACT_PERSON_TABLE, AGENCY_CHECK_TABLE, REFERRAL_TABLE, EARLY_HELP_REFERRAL_TABLE],
  emit(family, ctx, sink) {
    const random = createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('front-door')));
    for (let e = 0; e < family.shape.episodes.length; e += 1) emitEpisode(family, ctx, sink, random, e);
  },
};
