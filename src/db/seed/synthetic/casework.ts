// The casework module: one allocation row for each phase of a child's story (front door, Family
// Support, care, leaving care…), held by the worker the directory gives, sealed adoption records
// with a named grant to the adoption team, and the record views those workers made over the years.
import { isoOf, timestampOf } from './dates.ts';
import { mixSeed, textSeed } from './ids.ts';
import type { FamilyRecord, GeneratorContext, JourneyModule } from './module.ts';
import { createRandom } from './random.ts';

export const ALLOCATION_TABLE = {
  table: 'allocation',
  columns: [
    ['id', 'uuid'],
    ['child_id', 'uuid'],
    ['team_id', 'uuid'],
    ['worker_user_id', 'uuid'],
    ['started_on', 'date'],
    ['ended_on', 'date'],
  ],
} as const;

export const ACCESS_GRANT_TABLE = {
  table: 'access_grant',
  columns: [
    ['id', 'uuid'],
    ['person_id', 'uuid'],
    ['user_id', 'uuid'],
    ['granted_by_user_id', 'uuid'],
    ['reason', 'text'],
    ['created_at', 'timestamptz'],
  ],
} as const;

export const caseworkModule: JourneyModule = {
  name: 'casework',
  tables: [ALLOCATION_TABLE, ACCESS_GRANT_TABLE],
  emit(family: FamilyRecord, ctx: GeneratorContext, sink) {
    const random = createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('casework')));
    for (const phase of family.shape.phases) {
      const childId = family.childId(phase.childKey);
      const worker = family.workerOf(phase);
      sink.push(ALLOCATION_TABLE, [
        family.allocationId(phase),
        childId,
        ctx.teamId(phase.team),
        worker,
        isoOf(phase.start),
        phase.end === null ? null : isoOf(phase.end),
      ]);
      if (ctx.audit !== null && worker !== null) {
        const actor = ctx.audit.actor(worker, ctx.staffName(worker));
        ctx.audit.addViews(actor, ctx.audit.child(childId), phase.start, phase.end ?? ctx.asOf - 1, () => random.int(0, 1 << 20));
      }
    }
    const adoptionManager = ctx.staff.manager('ADOPTION');
    for (const key of family.shape.adoptedKeys) {
      if (adoptionManager === null) break;
      const phase = family.shape.phases.find((p) => p.childKey === key && p.team === 'ADOPTION');
      const day = phase?.end ?? ctx.asOf;
      sink.push(ACCESS_GRANT_TABLE, [
        ctx.nextId('grant'),
        family.childId(key),
        adoptionManager,
        null,
        'Adoption order made: record sealed, named access for the adoption team',
        timestampOf(day),
      ]);
    }
  },
};
