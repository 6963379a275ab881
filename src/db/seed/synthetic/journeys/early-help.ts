// The early help journey (migration 0011): an episode of targeted early help for each early help
// referral the front door made, allocated to the Children and Family Practices worker of the story's
// CFP phase on the phase's first day, with the wellbeing assessment due 45 working days from the
// referral (EH-02), closed when the phase ends (needs met mostly; CFG proportions). Wellbeing
// assessments, plans and reviews are not generated yet. All text is synthetic.
import { WELLBEING_ASSESSMENT } from '../../../../domain/early-help/timescales.ts';
import type { TableSpec } from '../bulk-insert.ts';
import { isoOf, timestampOf } from '../dates.ts';
import { mixSeed, textSeed } from '../ids.ts';
import type { JourneyModule } from '../module.ts';
import { createRandom } from '../random.ts';
import { weighted } from '../sampling.ts';
import { casePhase, dueDay, linkKey } from './shared.ts';

export const EARLY_HELP_EPISODE_TABLE: TableSpec = {
  table: 'early_help_episode',
  columns: [
    ['id', 'uuid'],
    ['early_help_referral_id', 'uuid'],
    ['child_id', 'uuid'],
    ['team_id', 'uuid'],
    ['worker_user_id', 'uuid'],
    ['allocated_by_user_id', 'uuid'],
    ['allocated_at', 'timestamptz'],
    ['started_on', 'date'],
    ['assessment_due_on', 'date'],
    ['status', 'text'],
    ['closed_on', 'date'],
    ['closure_outcome', 'text'],
    ['closure_summary', 'text'],
    ['closed_by_user_id', 'uuid'],
    ['closed_at', 'timestamptz'],
  ],
};

const CLOSURE_OUTCOMES = [
  ['needs_met', 0.7],
  ['step_down_universal', 0.2],
  ['consent_withdrawn', 0.1],
] as const;
const SUMMARY: Readonly<Record<string, string>> = {
  needs_met: 'The family’s goals in the plan have been met; they know how to ask for help again.',
  step_down_universal: 'Support continues through the school and health visitor.',
  consent_withdrawn: 'The family no longer wished to take part; the school has been told.',
};

export const earlyHelpModule: JourneyModule = {
  name: 'early-help',
  tables: [EARLY_HELP_EPISODE_TABLE],
  emit(family, ctx, sink) {
    const random = createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('early-help')));
    family.shape.episodes.forEach((episode, e) => {
      for (const key of episode.childKeys) {
        const referralId = family.links.get(linkKey('earlyHelpReferral', e, key));
        const phase = casePhase(family, e, key);
        if (referralId === undefined || phase === undefined) continue;
        const worker = family.workerOf(phase);
        if (worker === null) continue;
        const manager = ctx.staff.manager(phase.team) ?? worker;
        const referred = episode.milestones.decision ?? phase.start;
        const closed = phase.end === null ? null : Math.max(phase.end, phase.start);
        const outcome = closed === null ? null : weighted(random, CLOSURE_OUTCOMES);
        sink.push(EARLY_HELP_EPISODE_TABLE, [
          ctx.nextId('earlyHelp'),
          referralId,
          family.childId(key),
          ctx.teamId(phase.team),
          worker,
          manager,
          timestampOf(phase.start, 60),
          isoOf(phase.start),
          isoOf(dueDay(WELLBEING_ASSESSMENT, referred)),
          closed === null ? 'open' : 'closed',
          closed === null ? null : isoOf(closed),
          outcome,
          outcome === null ? null : (SUMMARY[outcome] ?? 'Closed.'),
          closed === null ? null : manager,
          closed === null ? null : timestampOf(closed, 480),
        ]);
      }
    });
  },
};
