// The assessment and child in need journey (migrations 0009, 0010, 0016): one child and family
// assessment for each referral the front door made to social care, started the day after the MASH
// decision, the child seen (alone where old enough), submitted and authorised by the team manager on
// the story's assessment-end day with the DfE census factors and primary need; the outcome follows
// the story (no further action, a child in need plan, accommodation, or alongside a section 47
// enquiry). A child in need outcome opens the CIN episode and plan (agreed within days, reviewed
// about every three months, CIN-02, with the 10-month progress review, CIN-04), closed with a DfE
// reason (RC1-RC8) when the story's Family Support phase ends. After a child protection plan the
// child steps down to a child in need plan the same way.
//
// Proportions are CFG approximations of the DfE Children in Need census 2024 [CIN24]: factors at
// the end of assessment (domestic abuse and parental mental health most common, then emotional
// abuse and neglect) and primary need at assessment (abuse or neglect about half). Dates are in the
// order the census requires (referral <= assessment start <= child seen <= authorisation; plan
// start >= referral; closure >= every start). All text is synthetic.
import { ACCOMMODATION_DECISION, ASSESSMENT_COMPLETION } from '../../../../domain/assessments/timescales.ts';
import type { TableSpec } from '../bulk-insert.ts';
import { ageInYears, birthdayAt, isoOf, timestampOf } from '../dates.ts';
import { mixSeed, textSeed } from '../ids.ts';
import type { FamilyRecord, GeneratorContext, JourneyModule } from '../module.ts';
import type { Stage } from '../proportions.ts';
import { createRandom, type Random } from '../random.ts';
import { weighted } from '../sampling.ts';
import type { RowSink } from '../bulk-insert.ts';
import { casePhase, dueDay, linkKey, primaryNeed, textArray, workingDaysFrom } from './shared.ts';

export const ASSESSMENT_TABLE: TableSpec = {
  table: 'assessment',
  columns: [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['referral_id', 'uuid'],
    ['team_id', 'uuid'],
    ['worker_user_id', 'uuid'],
    ['referred_on', 'date'],
    ['due_on', 'date'],
    ['status', 'text'],
    ['child_development', 'text'],
    ['parenting_capacity', 'text'],
    ['family_environment', 'text'],
    ['child_voice', 'text'],
    ['analysis', 'text'],
    ['child_seen_on', 'date'],
    ['child_seen_alone_on', 'date'],
    ['not_seen_alone_reason', 'text'],
    ['factors', 'text', 'text[]'],
    ['primary_need', 'text'],
    ['started_by_user_id', 'uuid'],
    ['started_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['submitted_by_user_id', 'uuid'],
    ['submitted_at', 'timestamptz'],
    ['outcome', 'text'],
    ['outcome_rationale', 'text'],
    ['authorised_by_user_id', 'uuid'],
    ['authorised_at', 'timestamptz'],
    ['authorised_on', 'date'],
    ['working_days_taken', 'integer'],
    ['authorised_within_timescale', 'boolean'],
  ],
};
export const ASSESSMENT_NEXT_STEP_TABLE: TableSpec = {
  table: 'assessment_next_step',
  columns: [
    ['id', 'uuid'],
    ['assessment_id', 'uuid'],
    ['child_id', 'uuid'],
    ['kind', 'text'],
    ['rule_id', 'text'],
    ['opened_on', 'date'],
    ['due_on', 'date'],
    ['status', 'text'],
    ['done_on', 'date'],
    ['done_by_user_id', 'uuid'],
    ['done_note', 'text'],
    ['created_at', 'timestamptz'],
  ],
};
export const CIN_EPISODE_TABLE: TableSpec = {
  table: 'cin_episode',
  columns: [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['started_on', 'date'],
    ['assessment_id', 'uuid'],
    ['closed_on', 'date'],
    ['closure_reason', 'text'],
    ['closed_by_user_id', 'uuid'],
    ['closed_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
  ],
};
export const CIN_PLAN_TABLE: TableSpec = {
  table: 'cin_plan',
  columns: [
    ['id', 'uuid'],
    ['episode_id', 'uuid'],
    ['child_id', 'uuid'],
    ['assessment_id', 'uuid'],
    ['team_id', 'uuid'],
    ['worker_user_id', 'uuid'],
    ['status', 'text'],
    ['opened_on', 'date'],
    ['agreed_on', 'date'],
    ['last_reviewed_on', 'date'],
    ['last_progress_review_on', 'date'],
    ['ended_on', 'date'],
    ['created_by_user_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};
export const CIN_REVIEW_TABLE: TableSpec = {
  table: 'cin_review',
  columns: [
    ['id', 'uuid'],
    ['plan_id', 'uuid'],
    ['held_on', 'date'],
    ['attendance', 'text'],
    ['child_views', 'text'],
    ['progress', 'text'],
    ['progress_assessment', 'boolean'],
    ['decision', 'text'],
    ['plan_updated', 'boolean'],
    ['recorded_by_user_id', 'uuid'],
    ['recorded_at', 'timestamptz'],
  ],
};

/** Factors identified at the end of assessment [CIN24, table C3, rounded; CFG]. */
const FACTORS = [
  ['3B', 0.2],
  ['4B', 0.18],
  ['17A', 0.12],
  ['16A', 0.1],
  ['3A', 0.07],
  ['2B', 0.06],
  ['4A', 0.06],
  ['1B', 0.05],
  ['20', 0.05],
  ['18C', 0.04],
  ['10A', 0.02],
  ['24A', 0.02],
  ['11A', 0.02],
  ['5B', 0.02],
  ['14A', 0.02],
  ['15A', 0.02],
  ['6B', 0.02],
  ['7A', 0.01],
  ['3C', 0.01],
  ['19C', 0.01],
] as const;
/** Why a child in need plan closed [CIN24 closure reasons; CFG]. */
const CLOSURE_REASONS = [
  ['RC7', 0.86],
  ['RC5', 0.08],
  ['RC3', 0.03],
  ['RC4', 0.03],
] as const;
const OUTCOME_OF_STAGE: Partial<Record<Stage, string>> = {
  assessment: 'nfa',
  child_in_need: 'cin_plan',
  disabled: 'cin_plan',
  child_protection: 'strategy_s47',
  looked_after: 'accommodation_s20',
};
const RATIONALE: Readonly<Record<string, string>> = {
  nfa: 'Needs can be met by universal services; no further action by children’s social care.',
  cin_plan: 'The child is in need under s17; a child in need plan will set out the help the family will have.',
  strategy_s47: 'Concerns of significant harm: considered with the section 47 enquiry and strategy discussion.',
  accommodation_s20: 'The child cannot remain at home; accommodation under s20 with parental agreement.',
};

function pickFactors(random: Random, stage: Stage): string[] {
  if (stage === 'assessment' && random.chance(0.2)) return ['21'];
  const picked = new Set<string>();
  if (stage === 'disabled') picked.add(random.chance(0.6) ? '6A' : '5A');
  const n = random.int(1, 3);
  while (picked.size < n) picked.add(weighted(random, FACTORS));
  return [...picked];
}

export const assessmentsModule: JourneyModule = {
  name: 'assessments',
  tables: [ASSESSMENT_TABLE, ASSESSMENT_NEXT_STEP_TABLE, CIN_EPISODE_TABLE, CIN_PLAN_TABLE, CIN_REVIEW_TABLE],
  emit(family, ctx, sink) {
    const random = createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('assessments')));
    family.shape.episodes.forEach((episode, e) => {
      const outcome = OUTCOME_OF_STAGE[episode.stage];
      if (outcome === undefined) return;
      for (const key of episode.childKeys) {
        const referralId = family.links.get(linkKey('referral', e, key));
        const phase = casePhase(family, e, key);
        if (referralId === undefined || phase === undefined) continue;
        const worker = family.workerOf(phase);
        if (worker === null) continue;
        const assessmentId = emitAssessment(family, ctx, sink, random, { e, key, referralId, phase, worker, outcome });
        family.links.set(linkKey('assessment', e, key), assessmentId);
      }
    });
  },
};

interface AssessmentInput {
  readonly e: number;
  readonly key: number;
  readonly referralId: string;
  readonly phase: NonNullable<ReturnType<typeof casePhase>>;
  readonly worker: string;
  readonly outcome: string;
}

function emitAssessment(family: FamilyRecord, ctx: GeneratorContext, sink: RowSink, random: Random, input: AssessmentInput): string {
  const { e, key, phase, worker } = input;
  const episode = family.shape.episodes[e];
  const m = episode?.milestones;
  const stage = episode?.stage ?? 'assessment';
  const child = family.shape.children[key];
  const childId = family.childId(key);
  const referred = m?.decision ?? phase.start;
  const started = Math.max(referred, m?.assessmentStart ?? phase.start);
  const manager = ctx.staff.manager(phase.team);
  // The story's end of assessment; authorised only by someone other than the worker (four eyes).
  const ended =
    m?.assessmentEnd !== undefined && m.assessmentEnd < ctx.asOf && manager !== null && manager !== worker ? Math.max(m.assessmentEnd, started) : null;
  const lastDay = ended ?? ctx.asOf - 1;
  const seen = started + random.int(0, Math.max(0, Math.min(5, lastDay - started)));
  const seenHappened = seen <= lastDay;
  const young = child === undefined || ageInYears(child.birthDay, seen) < 4;
  const seenAlone = !young && seenHappened ? Math.min(lastDay, seen + random.int(0, 3)) : null;
  const id = ctx.nextId('assessment');
  const factors = ended === null ? [] : pickFactors(random, stage);
  // An assessment that found no factors (21) ends the episode with no further action (RC8); the child
  // protection module starts no section 47 enquiry during it, which would make the closure RC7
  // (rule 2990: no enquiry on an RC8 episode; rule 8873Q: 21 alone closes as RC8 or RC9).
  if (factors.length === 1 && factors[0] === '21') family.links.set(linkKey('noFactors', e, key), id);
  const need = ended === null ? null : primaryNeed(random, stage);
  const outcome = ended === null ? null : input.outcome;
  const days = ended === null ? null : workingDaysFrom(referred, ended);
  const due = dueDay(ASSESSMENT_COMPLETION, referred);
  sink.push(ASSESSMENT_TABLE, [
    id,
    childId,
    input.referralId,
    ctx.teamId(phase.team),
    worker,
    isoOf(referred),
    isoOf(due),
    ended === null ? 'in_progress' : 'authorised',
    seenHappened ? 'Development is broadly as expected for the child’s age; health appointments are up to date.' : '',
    seenHappened ? 'The parent loves the child and is working with the plan; routines have slipped at times.' : '',
    seenHappened ? 'The family live in private rented housing; money is tight.' : '',
    seenHappened ? 'The child said they feel safe at home most of the time and want the arguments to stop.' : '',
    ended === null ? '' : 'The worries and strengths together, and what needs to happen next.',
    seenHappened ? isoOf(seen) : null,
    seenAlone === null ? null : isoOf(seenAlone),
    seenHappened && seenAlone === null ? 'Too young to be seen alone; seen with the parent and observed at home.' : null,
    textArray(factors),
    need,
    worker,
    timestampOf(started, 30),
    timestampOf(ended ?? started, ended === null ? 30 : 420),
    ended === null ? null : worker,
    ended === null ? null : timestampOf(ended, 60),
    outcome,
    outcome === null ? null : (RATIONALE[outcome] ?? 'Decision recorded.'),
    ended === null ? null : manager,
    ended === null ? null : timestampOf(ended, 420),
    ended === null ? null : isoOf(ended),
    days,
    days === null ? null : ended !== null && ended <= due,
  ]);
  if (ended === null) return id;

  if (outcome === 'accommodation_s20') {
    const accommodated = Math.max(ended, m?.lookedAfterStart ?? ended);
    sink.push(ASSESSMENT_NEXT_STEP_TABLE, [
      ctx.nextId('assessment'),
      id,
      childId,
      'accommodation_s20',
      ACCOMMODATION_DECISION.id,
      isoOf(ended),
      isoOf(dueDay(ACCOMMODATION_DECISION, ended)),
      'done',
      isoOf(accommodated),
      worker,
      'Accommodated under s20; the looked after record is kept in the care module.',
      timestampOf(ended, 425),
    ]);
    if (child !== undefined) emitLookedAfterEpisode(family, ctx, sink, { e, key, childId, assessmentId: id, accommodated, birthDay: child.birthDay, closer: manager ?? worker });
  }
  // A child in need plan: straight after a CIN outcome, or when a child protection plan ends.
  const planStart =
    outcome === 'cin_plan' ? Math.max(ended, m?.childInNeedPlanStart ?? ended) : stage === 'child_protection' ? m?.childInNeedPlanStart : undefined;
  if (planStart !== undefined && planStart < ctx.asOf)
    emitChildInNeed(ctx, sink, random, { childId, assessmentId: id, phase, worker, manager, planStart, birthDay: child?.birthDay ?? null });
  return id;
}

/**
 * A looked-after child's child in need episode (the census counts a child in care as in need): from
 * accommodation until care ends, and by the 18th birthday at the latest, when the child is no longer a
 * child (Children Act 1989 s105). No child in need plan: the care plan is the looked-after module's.
 * Closure reasons (CIN census code set, ReasonForClosure): RC1 adopted; RC7 services ceased for any
 * other reason (returned home, or reached 18 and left care for the leaving care service).
 */
function emitLookedAfterEpisode(
  family: FamilyRecord,
  ctx: GeneratorContext,
  sink: RowSink,
  input: { e: number; key: number; childId: string; assessmentId: string; accommodated: number; birthDay: number; closer: string },
): void {
  const phases = family.shape.phases.filter((p) => p.childKey === input.key && p.episode === input.e);
  const adoption = phases.find((p) => p.team === 'ADOPTION');
  const leaving = phases.find((p) => p.team === 'LEAVING_CARE');
  const care = phases.find((p) => p.team === 'CIC');
  const eighteen = birthdayAt(input.birthDay, 18);
  let end: number | null;
  let reason: string;
  if (adoption !== undefined) [end, reason] = [adoption.end, 'RC1'];
  else if (leaving !== undefined) [end, reason] = [eighteen, 'RC7'];
  else if (care !== undefined) [end, reason] = [care.end, 'RC7'];
  else [end, reason] = [null, 'RC7'];
  if (end === null || end > eighteen) [end, reason] = [eighteen, 'RC7'];
  // Closed the day after it started at the earliest (one closed on its first day would count as an
  // episode of its own in the census): a young person already 18 when the assessment ended.
  const closing = Math.max(end, input.accommodated + 1);
  const closed = closing < ctx.asOf ? closing : null;
  sink.push(CIN_EPISODE_TABLE, [
    ctx.nextId('assessment'),
    input.childId,
    isoOf(input.accommodated),
    input.assessmentId,
    closed === null ? null : isoOf(closed),
    closed === null ? null : reason,
    closed === null ? null : input.closer,
    closed === null ? null : timestampOf(closed, 480),
    timestampOf(input.accommodated, 430),
  ]);
}

interface CinInput {
  readonly childId: string;
  readonly assessmentId: string;
  readonly phase: AssessmentInput['phase'];
  readonly worker: string;
  readonly manager: string | null;
  readonly planStart: number;
  readonly birthDay: number | null;
}

function emitChildInNeed(ctx: GeneratorContext, sink: RowSink, random: Random, input: CinInput): void {
  const { planStart, phase, worker } = input;
  // Closed when the case closes, and by the child's 18th birthday at the latest (no longer a child:
  // Children Act 1989 s105; CIN census rule 8775Q).
  const eighteen = input.birthDay === null ? null : birthdayAt(input.birthDay, 18);
  // A young person already 18 when a child protection plan ends (the plan ran past the birthday) has
  // the step-down closed the next day (closed on its first day, the census would count a new episode).
  const caseEnd = eighteen !== null && eighteen < ctx.asOf && (phase.end === null || phase.end > eighteen) ? Math.max(eighteen, planStart + 1) : phase.end;
  const closed = caseEnd === null || caseEnd >= ctx.asOf ? null : Math.max(caseEnd, planStart);
  const episodeId = ctx.nextId('assessment');
  const planId = ctx.nextId('assessment');
  const closer = input.manager ?? worker;
  const reason =
    closed === null
      ? null
      : input.birthDay !== null && ageInYears(input.birthDay, closed) >= 17 && random.chance(0.3)
        ? 'RC6'
        : weighted(random, CLOSURE_REASONS);
  sink.push(CIN_EPISODE_TABLE, [
    episodeId,
    input.childId,
    isoOf(planStart),
    input.assessmentId,
    closed === null ? null : isoOf(closed),
    reason,
    closed === null ? null : closer,
    closed === null ? null : timestampOf(closed, 480),
    timestampOf(planStart, 430),
  ]);
  const limit = closed ?? ctx.asOf - 1;
  const agreedDay = planStart + random.int(2, 14);
  const agreed = agreedDay <= limit ? agreedDay : null;
  const reviews: { day: number; progress: boolean; decision: string }[] = [];
  if (agreed !== null) {
    let progressDone = false;
    for (let day = agreed + random.int(70, 92); day < limit; day += random.int(70, 92)) {
      const progress: boolean = !progressDone && day >= agreed + 290;
      progressDone ||= progress;
      reviews.push({ day, progress, decision: 'continue' });
    }
    if (closed !== null) reviews.push({ day: closed, progress: false, decision: 'close' });
  }
  const last = reviews.at(-1);
  const lastProgress = reviews.filter((r) => r.progress).at(-1);
  sink.push(CIN_PLAN_TABLE, [
    planId,
    episodeId,
    input.childId,
    input.assessmentId,
    ctx.teamId(phase.team),
    worker,
    closed !== null ? 'ended' : agreed === null ? 'draft' : 'active',
    isoOf(planStart),
    agreed === null ? null : isoOf(agreed),
    last === undefined ? null : isoOf(last.day),
    lastProgress === undefined ? null : isoOf(lastProgress.day),
    closed === null ? null : isoOf(closed),
    worker,
    timestampOf(planStart, 430),
  ]);
  for (const r of reviews) {
    sink.push(CIN_REVIEW_TABLE, [
      ctx.nextId('assessment'),
      planId,
      isoOf(r.day),
      'Parent, child, social worker, school and health visitor.',
      'The child said things are better at home and they like their new club.',
      r.decision === 'close'
        ? 'The outcomes of the plan have been met; the family no longer need a child in need plan.'
        : 'Some progress; the plan continues with the actions updated.',
      r.progress,
      r.decision,
      r.decision === 'continue' && random.chance(0.3),
      worker,
      timestampOf(r.day, 360),
    ]);
  }
}
