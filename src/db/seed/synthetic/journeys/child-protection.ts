// The child protection journey (migrations 0013, 0014, 0016). For a story at the child protection
// stage: the strategy discussion the day after the MASH decision (one for the family's children in
// the episode, a group discussion where there are several), a section 47 enquiry for each child
// (joint with the police mostly), completed on the story's section-47 end with the concern
// substantiated and continuing, the initial child protection conference on the story's ICPC day,
// due 15 working days after the strategy discussion (S47-03), the plan it makes (category of abuse),
// the review conferences (CP-03 within 3 months, then CP-04 every 6 months) and the review that ends
// the plan on the story's plan end. Still-open steps on the as-of day are left to be held.
//
// Section 47 enquiries also happen without a conference: for some assessment and child in need
// stories (CFG: about one in six, so that s47 enquiries outnumber initial conferences about two to
// one as in [CIN24]) a strategy discussion starts an enquiry that finds the concern not
// substantiated, or substantiated but not continuing.
//
// Categories of abuse are CFG approximations of [CIN24] (neglect about half, emotional abuse about
// a third). All names and text are synthetic.
import { FIRST_REVIEW_CONFERENCE, NEXT_REVIEW_CONFERENCE } from '../../../../domain/child-protection/timescales.ts';
import { INITIAL_CONFERENCE_AFTER_STRATEGY, SECTION_47_COMPLETION, strategyDiscussionRule } from '../../../../domain/child-protection/strategy-timescales.ts';
import type { RowSink, TableSpec } from '../bulk-insert.ts';
import { isoOf, timestampOf } from '../dates.ts';
import { mixSeed, textSeed } from '../ids.ts';
import type { FamilyRecord, GeneratorContext, JourneyModule } from '../module.ts';
import { adultGivenName, surname } from '../people.ts';
import { createRandom, type Random } from '../random.ts';
import { weighted } from '../sampling.ts';
import { casePhase, dueDay, linkKey, needAtStart, workingDayOnOrAfter, workingDayOnOrBefore } from './shared.ts';

export const STRATEGY_DISCUSSION_TABLE: TableSpec = {
  table: 'strategy_discussion',
  columns: [
    ['id', 'uuid'],
    ['kind', 'text'],
    ['is_group', 'boolean'],
    ['group_concern', 'text'],
    ['team_id', 'uuid'],
    ['opened_on', 'date'],
    ['urgent', 'boolean'],
    ['due_on', 'date'],
    ['status', 'text'],
    ['held_on', 'date'],
    ['format', 'text'],
    ['chair_name', 'text'],
    ['mash_checks_considered', 'boolean'],
    ['mash_checks_summary', 'text'],
    ['recorded_by_user_id', 'uuid'],
    ['recorded_at', 'timestamptz'],
    ['created_by_user_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};
export const STRATEGY_CHILD_TABLE: TableSpec = {
  table: 'strategy_discussion_child',
  columns: [
    ['strategy_discussion_id', 'uuid'],
    ['child_id', 'uuid'],
    ['source_kind', 'text'],
    ['referral_id', 'uuid'],
    ['assessment_id', 'uuid'],
    ['initial_primary_need', 'text'],
    ['decision', 'text'],
    ['decision_reason', 'text'],
    ['safety_plan', 'text'],
    ['interim_living', 'text'],
    ['abe_interview_needed', 'boolean'],
    ['paediatric_exam_needed', 'boolean'],
    ['added_by_user_id', 'uuid'],
    ['added_at', 'timestamptz'],
  ],
};
export const STRATEGY_ATTENDEE_TABLE: TableSpec = {
  table: 'strategy_discussion_attendee',
  columns: [
    ['id', 'uuid'],
    ['strategy_discussion_id', 'uuid'],
    ['position', 'smallint'],
    ['agency', 'text'],
    ['name', 'text'],
    ['role', 'text'],
    ['attended', 'boolean'],
    ['report_provided', 'boolean'],
    ['report_summary', 'text'],
  ],
};
export const SECTION_47_TABLE: TableSpec = {
  table: 'section47_enquiry',
  columns: [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['strategy_discussion_id', 'uuid'],
    ['last_strategy_discussion_id', 'uuid'],
    ['last_strategy_held_on', 'date'],
    ['team_id', 'uuid'],
    ['kind', 'text'],
    ['started_on', 'date'],
    ['anchor_on', 'date'],
    ['due_on', 'date'],
    ['status', 'text'],
    ['child_seen_alone_on', 'date'],
    ['child_not_seen_alone_reason', 'text'],
    ['checks_summary', 'text'],
    ['findings', 'text'],
    ['outcome', 'text'],
    ['outcome_on', 'date'],
    ['icpc_due_on', 'date'],
    ['completed_by_user_id', 'uuid'],
    ['completed_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
};
const CONFERENCE_COLUMNS: TableSpec['columns'] = [
  ['id', 'uuid'],
  ['child_id', 'uuid'],
  ['kind', 'text'],
  ['section47_id', 'uuid'],
  ['strategy_discussion_id', 'uuid'],
  ['strategy_held_on', 'date'],
  ['convened_from', 'text'],
  ['team_id', 'uuid'],
  ['due_on', 'date'],
  ['due_rule_id', 'text'],
  ['status', 'text'],
  ['planned_on', 'date'],
  ['held_on', 'date'],
  ['chair_user_id', 'uuid'],
  ['decision', 'text'],
  ['category', 'text'],
  ['end_reason', 'text'],
  ['rationale', 'text'],
  ['summary_for_child', 'text'],
  ['within_timescale', 'boolean'],
  ['plan_id', 'uuid'],
  ['convened_by_user_id', 'uuid'],
  ['convened_at', 'timestamptz'],
  ['recorded_by_user_id', 'uuid'],
  ['recorded_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
];
/** Initial conferences: written before the plans they make. */
export const INITIAL_CONFERENCE_TABLE: TableSpec = { table: 'cp_conference', columns: CONFERENCE_COLUMNS };
export const CP_PLAN_TABLE: TableSpec = {
  table: 'cp_plan',
  columns: [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['initial_conference_id', 'uuid'],
    ['team_id', 'uuid'],
    ['started_on', 'date'],
    ['initial_category', 'text'],
    ['latest_category', 'text'],
    ['lead_worker_user_id', 'uuid'],
    ['plan_number', 'integer'],
    ['contingency_plan', 'text'],
    ['finalised_at', 'timestamptz'],
    ['finalised_by_user_id', 'uuid'],
    ['status', 'text'],
    ['ended_on', 'date'],
    ['end_reason', 'text'],
    ['created_at', 'timestamptz'],
  ],
};
/** Review conferences: written after the plans they review (cp_conference.plan_id). */
export const REVIEW_CONFERENCE_TABLE: TableSpec = { table: 'cp_conference', key: 'cp_conference:review', columns: CONFERENCE_COLUMNS };

const CATEGORIES = [
  ['NEG', 0.5],
  ['EMO', 0.35],
  ['PHY', 0.07],
  ['SAB', 0.04],
  ['MUL', 0.04],
] as const;
/** Section 47 enquiries that end without a conference, for assessment and child in need stories (CFG). */
const S47_WITHOUT_CONFERENCE_RATE = 0.17;

interface Held {
  readonly id: string;
  readonly heldOn: number;
}

function strategyDiscussion(
  family: FamilyRecord,
  ctx: GeneratorContext,
  sink: RowSink,
  random: Random,
  opts: { e: number; keys: readonly number[]; opened: number; heldOn: number | null; team: string; worker: string | null; continuing: boolean },
): Held | null {
  const id = ctx.nextId('childProtection');
  const urgent = random.chance(0.3);
  const held = opts.heldOn !== null && opts.heldOn < ctx.asOf ? Math.max(opts.heldOn, opts.opened) : null;
  const manager = ctx.staff.manager(opts.team);
  const group = opts.keys.length > 1;
  sink.push(STRATEGY_DISCUSSION_TABLE, [
    id,
    'initial',
    group,
    group ? 'The same worries affect all the children in the household.' : null,
    ctx.teamId(opts.team),
    isoOf(opts.opened),
    urgent,
    isoOf(dueDay(strategyDiscussionRule(urgent), opts.opened)),
    held === null ? 'to_be_held' : 'held',
    held === null ? null : isoOf(held),
    held === null ? null : random.chance(0.7) ? 'discussion' : 'meeting',
    held === null ? null : `${adultGivenName(random, random.chance(0.4))} ${surname(random)}`,
    held === null ? null : true,
    held === null ? null : 'MASH checks with police, health and education considered.',
    held === null ? null : opts.worker,
    held === null ? null : timestampOf(held, 240),
    manager,
    timestampOf(opts.opened, 500),
  ]);
  for (const key of opts.keys) {
    const referralId = family.links.get(linkKey('referral', opts.e, key));
    const assessmentId = family.links.get(linkKey('assessment', opts.e, key));
    const source = opts.continuing && referralId !== undefined ? 'referral' : assessmentId !== undefined ? 'assessment' : 'child-record';
    const joint = random.chance(0.7);
    sink.push(STRATEGY_CHILD_TABLE, [
      id,
      family.childId(key),
      source,
      source === 'referral' ? (referralId ?? null) : null,
      source === 'assessment' ? (assessmentId ?? null) : null,
      // Convened from the child's record: the need recorded then (migration 0026).
      source === 'child-record' ? needAtStart(mixSeed(ctx.seed, family.shape.index, textSeed('strategy-need'), opts.e, key), 'child_protection') : null,
      held === null ? null : joint ? 's47_joint' : 's47_single_agency',
      held === null ? null : 'There is reasonable cause to suspect the child is suffering, or likely to suffer, significant harm.',
      held === null ? null : 'The parent agrees the child stays with them while the enquiry is made; the other adult will not visit.',
      held === null ? null : random.chance(0.85) ? 'at_home' : 'relative',
      held === null ? null : joint && random.chance(0.3),
      held === null ? null : random.chance(0.15),
      manager,
      timestampOf(opts.opened, 500),
    ]);
  }
  if (held !== null) {
    const attendees = [
      ['childrens_social_care', 'Social worker'],
      ['police', 'Detective constable'],
      ['health', 'Safeguarding nurse'],
      ['education', 'Designated safeguarding lead'],
    ] as const;
    attendees.forEach(([agency, role], i) => {
      const attended = i < 3 || random.chance(0.6);
      sink.push(STRATEGY_ATTENDEE_TABLE, [
        ctx.nextId('childProtection'),
        id,
        i + 1,
        agency,
        `${adultGivenName(random, random.chance(0.4))} ${surname(random)}`,
        role,
        attended,
        !attended,
        attended ? null : 'Report sent: attendance and presentation in school noted.',
      ]);
    });
  }
  return held === null ? null : { id, heldOn: held };
}

function section47(
  ctx: GeneratorContext,
  sink: RowSink,
  random: Random,
  opts: { childId: string; strategy: Held; anchor: number; team: string; worker: string | null; ended: number | undefined; outcome: string },
): { id: string; icpcDue: number | null } {
  const id = ctx.nextId('childProtection');
  const started = opts.strategy.heldOn;
  const done = opts.ended !== undefined && opts.ended < ctx.asOf ? Math.max(opts.ended, started) : null;
  const seenAlone = Math.min(done ?? ctx.asOf - 1, started + random.int(0, 3));
  const icpcDue = done !== null && opts.outcome === 'substantiated_continuing' ? dueDay(INITIAL_CONFERENCE_AFTER_STRATEGY, started) : null;
  sink.push(SECTION_47_TABLE, [
    id,
    opts.childId,
    opts.strategy.id,
    opts.strategy.id,
    isoOf(started),
    ctx.teamId(opts.team),
    random.chance(0.7) ? 'joint' : 'single_agency',
    isoOf(started),
    isoOf(opts.anchor),
    isoOf(dueDay(SECTION_47_COMPLETION, opts.anchor)),
    done === null ? 'in_progress' : 'completed',
    seenAlone >= started ? isoOf(seenAlone) : null,
    seenAlone >= started ? null : 'Not yet seen alone.',
    'Police, health and school checks completed.',
    done === null ? null : 'The enquiry is complete; findings shared with the family.',
    done === null ? null : opts.outcome,
    done === null ? null : isoOf(done),
    icpcDue === null ? null : isoOf(icpcDue),
    done === null ? null : opts.worker,
    done === null ? null : timestampOf(done, 420),
    timestampOf(started, 300),
  ]);
  return { id, icpcDue };
}

function conferencesAndPlan(
  ctx: GeneratorContext,
  sink: RowSink,
  random: Random,
  opts: {
    childId: string;
    s47: { id: string; icpcDue: number };
    strategy: Held;
    icpc: number | undefined;
    planEnd: number | undefined;
    team: string;
    worker: string | null;
    planNumber: number;
  },
): boolean {
  const chair = ctx.staff.manager('QA_IRO') ?? ctx.staff.anyWorker('QA_IRO', random);
  const manager = ctx.staff.manager(opts.team);
  const conferenceId = ctx.nextId('childProtection');
  const held = opts.icpc !== undefined && opts.icpc < ctx.asOf && chair !== null ? Math.max(opts.icpc, opts.strategy.heldOn) : null;
  const category = weighted(random, CATEGORIES);
  const convened = opts.strategy.heldOn;
  const conferenceRow = (o: {
    id: string;
    kind: 'initial' | 'review';
    due: number;
    rule: string;
    heldOn: number | null;
    decision: string | null;
    category: string | null;
    endReason: string | null;
    planId: string | null;
    convenedOn: number;
  }) => [
    o.id,
    opts.childId,
    o.kind,
    o.kind === 'initial' ? opts.s47.id : null,
    o.kind === 'initial' ? opts.strategy.id : null,
    o.kind === 'initial' ? isoOf(opts.strategy.heldOn) : null,
    o.kind === 'initial' ? 'section_47' : 'plan',
    ctx.teamId(opts.team),
    isoOf(o.due),
    o.rule,
    o.heldOn === null ? 'to_be_held' : 'held',
    isoOf(Math.min(o.due, Math.max(o.convenedOn, o.due - 2))),
    o.heldOn === null ? null : isoOf(o.heldOn),
    o.heldOn === null ? null : chair,
    o.decision,
    o.category,
    o.endReason,
    o.heldOn === null ? null : 'The conference considered the reports, the family’s views and the risks and strengths.',
    o.heldOn === null ? null : 'The people who met talked about what is going well and what needs to change so you are safe.',
    o.heldOn === null ? null : o.heldOn <= o.due,
    o.planId,
    manager ?? opts.worker,
    timestampOf(o.convenedOn, 450),
    o.heldOn === null ? null : chair,
    o.heldOn === null ? null : timestampOf(o.heldOn, 360),
    timestampOf(o.convenedOn, 450),
  ];
  sink.push(
    INITIAL_CONFERENCE_TABLE,
    conferenceRow({
      id: conferenceId,
      kind: 'initial',
      due: opts.s47.icpcDue,
      rule: 'S47-03',
      heldOn: held,
      decision: held === null ? null : 'plan',
      category: held === null ? null : category,
      endReason: null,
      planId: null,
      convenedOn: convened,
    }),
  );
  if (held === null) return false;
  const planId = ctx.nextId('childProtection');
  const ended = opts.planEnd !== undefined && opts.planEnd < ctx.asOf ? Math.max(opts.planEnd, held + 1) : null;
  const limit = ended ?? ctx.asOf;
  let latest: string = category;
  let due = dueDay(FIRST_REVIEW_CONFERENCE, held);
  let rule = FIRST_REVIEW_CONFERENCE.id;
  let previous = held;
  const reviews: Parameters<typeof conferenceRow>[0][] = [];
  for (;;) {
    // On a working day by the due day (CP-03, CP-04), after the conference before.
    const proposed = Math.max(previous + 1, due - random.int(0, 10));
    const onOrBefore = workingDayOnOrBefore(proposed);
    const heldOn = onOrBefore > previous ? onOrBefore : workingDayOnOrAfter(proposed);
    if (heldOn >= limit) break;
    if (random.chance(0.05)) latest = weighted(random, CATEGORIES);
    reviews.push({
      id: ctx.nextId('childProtection'),
      kind: 'review',
      due,
      rule,
      heldOn,
      decision: 'continue',
      category: latest,
      endReason: null,
      planId,
      convenedOn: previous,
    });
    previous = heldOn;
    due = dueDay(NEXT_REVIEW_CONFERENCE, heldOn);
    rule = NEXT_REVIEW_CONFERENCE.id;
  }
  const endReason = ended === null ? null : random.chance(0.85) ? 'no_longer_at_risk' : random.chance(0.5) ? 'care_plan' : 'moved_area';
  if (ended !== null) {
    reviews.push({
      id: ctx.nextId('childProtection'),
      kind: 'review',
      due: Math.max(due, ended),
      rule,
      heldOn: ended,
      decision: 'end',
      category: null,
      endReason,
      planId,
      convenedOn: previous,
    });
  } else {
    reviews.push({
      id: ctx.nextId('childProtection'),
      kind: 'review',
      due,
      rule,
      heldOn: null,
      decision: null,
      category: null,
      endReason: null,
      planId,
      convenedOn: previous,
    });
  }
  sink.push(CP_PLAN_TABLE, [
    planId,
    opts.childId,
    conferenceId,
    ctx.teamId(opts.team),
    isoOf(held),
    category,
    latest,
    opts.worker,
    opts.planNumber,
    'If the parent cannot keep the child safe, the local authority will seek legal advice about care proceedings.',
    timestampOf(held + 1, 120),
    opts.worker ?? manager,
    ended === null ? 'active' : 'ended',
    ended === null ? null : isoOf(ended),
    endReason,
    timestampOf(held, 400),
  ]);
  for (const r of reviews) sink.push(REVIEW_CONFERENCE_TABLE, conferenceRow(r));
  return true;
}

export const childProtectionModule: JourneyModule = {
  name: 'child-protection',
  tables: [
    STRATEGY_DISCUSSION_TABLE,
    STRATEGY_CHILD_TABLE,
    STRATEGY_ATTENDEE_TABLE,
    SECTION_47_TABLE,
    INITIAL_CONFERENCE_TABLE,
    CP_PLAN_TABLE,
    REVIEW_CONFERENCE_TABLE,
  ],
  emit(family, ctx, sink) {
    const random = createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('child-protection')));
    family.shape.episodes.forEach((episode, e) => {
      const m = episode.milestones;
      const continuing = episode.stage === 'child_protection';
      const enquiryOnly = (episode.stage === 'assessment' || episode.stage === 'child_in_need') && random.chance(S47_WITHOUT_CONFERENCE_RATE);
      if (!continuing && !enquiryOnly) return;
      // The children this episode has a case phase (and, for a conference, a referral) for.
      // An enquiry alongside an assessment only for a child whose assessment found factors (an
      // assessment with none, 21, closes the episode with no further action: rules 2990, 8873Q).
      const keys = episode.childKeys.filter(
        (k) =>
          casePhase(family, e, k) !== undefined &&
          (continuing ? family.links.has(linkKey('referral', e, k)) : !family.links.has(linkKey('noFactors', e, k))),
      );
      const first = keys[0] === undefined ? undefined : casePhase(family, e, keys[0]);
      if (first === undefined || m.decision === undefined) return;
      const worker = family.workerOf(first);
      let opened: number;
      let heldOn: number | null;
      let ended: number | undefined;
      if (continuing) {
        opened = m.decision;
        heldOn = m.strategyDiscussion ?? null;
        ended = m.section47End;
      } else {
        // During the assessment: a new worry needs a strategy discussion.
        opened = (m.assessmentStart ?? first.start) + random.int(3, 20);
        if (opened >= ctx.asOf - 1 || (first.end !== null && opened >= first.end)) return;
        heldOn = workingDayOnOrAfter(opened + random.int(0, 2));
        // Held while the case is open (a working day after it closed would start an episode of its own).
        if (first.end !== null && heldOn > first.end) return;
        ended = heldOn + random.int(10, 40);
        if (first.end !== null) ended = Math.min(ended, first.end);
      }
      const strategy = strategyDiscussion(family, ctx, sink, random, { e, keys, opened, heldOn, team: first.team, worker, continuing });
      if (strategy === null) return;
      for (const key of keys) {
        const phase = casePhase(family, e, key) ?? first;
        const outcome = continuing ? 'substantiated_continuing' : random.chance(0.6) ? 'not_substantiated' : 'substantiated_not_continuing';
        const s47 = section47(ctx, sink, random, { childId: family.childId(key), strategy, anchor: opened, team: phase.team, worker, ended, outcome });
        if (s47.icpcDue === null) continue;
        const plans = Number(family.links.get(`cpPlans:${String(key)}`) ?? 0);
        const planned = conferencesAndPlan(ctx, sink, random, {
          childId: family.childId(key),
          s47: { id: s47.id, icpcDue: s47.icpcDue },
          strategy,
          icpc: m.initialConference,
          planEnd: m.childProtectionPlanEnd,
          team: phase.team,
          worker,
          planNumber: plans + 1,
        });
        if (planned) family.links.set(`cpPlans:${String(key)}`, String(plans + 1));
      }
    });
  },
};
