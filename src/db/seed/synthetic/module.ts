// What a journey module is given and what it gives back (see the comment at the top of scale.ts).
import type { AuditHistory } from './audit-history.ts';
import type { RowSink, TableSpec } from './bulk-insert.ts';
import type { DuplicateRecord } from './duplicates.ts';
import type { IdSpace } from './ids.ts';
import type { FamilyPeople } from './people.ts';
import type { StaffDirectory } from './staff.ts';
import type { FamilyShape, Phase } from './stories.ts';

/** One family, planned and named, as every module sees it. */
export interface FamilyRecord {
  readonly shape: FamilyShape;
  readonly people: FamilyPeople;
  readonly duplicates: readonly DuplicateRecord[];
  /** The person id of the child with this key in the shape. */
  childId(key: number): string;
  /** The worker who held this phase (null for the front door's unassigned screening). */
  workerOf(phase: Phase): string | null;
  /** The id of the allocation row written for this phase (casework.ts). */
  allocationId(phase: Phase): string;
  /**
   * Ids one module wrote that a later module links to, keyed `<kind>:<episode>:<childKey>`
   * (front door: `referral`, `earlyHelpReferral`; assessments: `assessment`).
   */
  readonly links: Map<string, string>;
}

/** The authority-wide context: seed, day, staff, teams and id counters. */
export interface GeneratorContext {
  readonly seed: number;
  /** The as-of day (days since 1970-01-01): history ends the day before. */
  readonly asOf: number;
  readonly staff: StaffDirectory;
  readonly audit: AuditHistory | null;
  teamId(code: string): string;
  staffName(userId: string): string;
  /** The next id in a namespace; deterministic because families are written in order. */
  nextId(space: IdSpace): string;
  /** The next number of a named sequence (1, 2, 3…), for reference numbers and the like. */
  nextNumber(sequence: string): number;
}

export interface JourneyModule {
  readonly name: string;
  /** Tables this module writes. They are created in migrations; rows are flushed in the order tables are first declared. */
  readonly tables: readonly TableSpec[];
  /** Rows for one family, pushed into the sink. Use your own random stream: mixSeed(ctx.seed, index, textSeed(name)). */
  emit(family: FamilyRecord, ctx: GeneratorContext, sink: RowSink): void;
}
