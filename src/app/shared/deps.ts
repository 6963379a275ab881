import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Engine } from '../../db/connect.ts';

/** The time source. Only app and web read it; domain code is given "now" as a parameter. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface AppDeps {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly clock: Clock;
}
